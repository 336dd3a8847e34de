#include "looplab/trace.hpp"

#include <sys/mman.h>

#include <cmath>
#include <new>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <unordered_map>

namespace looplab {

const char* event_kind_name(EventKind k) {
    switch (k) {
    case EventKind::loop_created: return "loop_created";
    case EventKind::loop_closed: return "loop_closed";
    case EventKind::handle_scheduled: return "handle_scheduled";
    case EventKind::handle_run: return "handle_run";
    case EventKind::timer_set: return "timer_set";
    case EventKind::timer_fired: return "timer_fired";
    case EventKind::timer_cancelled: return "timer_cancelled";
    case EventKind::clock_jump: return "clock_jump";
    case EventKind::task_created: return "task_created";
    case EventKind::task_renamed: return "task_renamed";
    case EventKind::step_begin: return "step_begin";
    case EventKind::step_end: return "step_end";
    case EventKind::future_created: return "future_created";
    case EventKind::future_done: return "future_done";
    case EventKind::cancel_requested: return "cancel_requested";
    case EventKind::cancel_delivered: return "cancel_delivered";
    case EventKind::primitive_created: return "primitive_created";
    case EventKind::primitive_op: return "primitive_op";
    case EventKind::print: return "print";
    case EventKind::deadlock: return "deadlock";
    case EventKind::task_line: return "task_line";
    case EventKind::stderr_write: return "stderr_write";
    case EventKind::queue_items: return "queue_items";
    }
    return "unknown";
}

const char* step_end_name(StepEnd e) {
    switch (e) {
    case StepEnd::awaiting_future: return "awaiting_future";
    case StepEnd::bare_yield: return "bare_yield";
    case StepEnd::returned: return "returned";
    case StepEnd::raised: return "raised";
    case StepEnd::cancelled: return "cancelled";
    }
    return "unknown";
}

const char* primitive_op_name(PrimitiveOp op) {
    switch (op) {
    case PrimitiveOp::lock_acquire: return "lock_acquire";
    case PrimitiveOp::lock_wait: return "lock_wait";
    case PrimitiveOp::lock_acquired: return "lock_acquired";
    case PrimitiveOp::lock_release: return "lock_release";
    case PrimitiveOp::event_set: return "event_set";
    case PrimitiveOp::event_clear: return "event_clear";
    case PrimitiveOp::event_wait: return "event_wait";
    case PrimitiveOp::event_woken: return "event_woken";
    case PrimitiveOp::condition_wait: return "condition_wait";
    case PrimitiveOp::condition_notify: return "condition_notify";
    case PrimitiveOp::semaphore_acquire: return "semaphore_acquire";
    case PrimitiveOp::semaphore_wait: return "semaphore_wait";
    case PrimitiveOp::semaphore_acquired: return "semaphore_acquired";
    case PrimitiveOp::semaphore_release: return "semaphore_release";
    case PrimitiveOp::queue_put: return "queue_put";
    case PrimitiveOp::queue_put_wait: return "queue_put_wait";
    case PrimitiveOp::queue_get: return "queue_get";
    case PrimitiveOp::queue_get_wait: return "queue_get_wait";
    case PrimitiveOp::queue_task_done: return "queue_task_done";
    case PrimitiveOp::queue_join_wait: return "queue_join_wait";
    }
    return "unknown";
}

StringTable::StringTable() { strings_.emplace_back(); }

uint32_t StringTable::intern(std::string_view s) {
    if (s.empty()) return 0;
    auto it = index_.find(s);
    if (it != index_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);
    index_.emplace(strings_.back(), id);
    return id;
}

uint32_t StringTable::add_unique(std::string_view s) {
    strings_.emplace_back(s);
    return static_cast<uint32_t>(strings_.size() - 1);
}

EventLog::~EventLog() {
    for (Record* c : chunks_) munmap(c, kChunkEvents * sizeof(Record));
}

namespace {

// One chunk: 2 MiB, aligned to 2 MiB so the kernel can back it with a single transparent huge
// page (one fault and one 2 MiB clear instead of 512 of each), populated up front. Where huge
// pages are off this is still one populating mapping, as before.
void* map_chunk(size_t bytes) {
    const size_t kBytes = bytes;
    void* p = mmap(nullptr, 2 * kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    auto raw = reinterpret_cast<uintptr_t>(p);
    uintptr_t start = (raw + kBytes - 1) & ~(uintptr_t(kBytes) - 1);
    if (start > raw) munmap(p, start - raw);
    if (raw + 2 * kBytes > start + kBytes) munmap(reinterpret_cast<void*>(start + kBytes), raw + 2 * kBytes - (start + kBytes));
    void* chunk = reinterpret_cast<void*>(start);
    madvise(chunk, kBytes, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
    if (madvise(chunk, kBytes, MADV_POPULATE_WRITE) == 0) return chunk;
#endif
    // Kernels before 5.14: touch one byte per page; still cheaper than faulting them mid-run.
    for (size_t off = 0; off < kBytes; off += 4096) static_cast<volatile char*>(chunk)[off] = 0;
    return chunk;
}

}  // namespace

void EventLog::grow() {
    if (used_ == chunks_.size()) {
        chunks_.reserve(chunks_.size() + 1);
        contexts_.reserve(chunks_.size() + 1);
        chunks_.push_back(static_cast<Record*>(map_chunk(kChunkEvents * sizeof(Record))));
        contexts_.emplace_back();
    } else {
        contexts_[used_].clear();
    }
    cur_ = chunks_[used_++];
    end_ = cur_ + kChunkEvents;
}

void EventLog::new_context(const TraceEvent& e) {
    if (cur_ == end_) grow();
    auto& table = contexts_[used_ - 1];
    table.push_back(Context{e.time, e.tick, e.loop, e.thread, e.process});
    ctx_index_ = uint32_t(table.size() - 1);
    ctx_time_bits_ = std::bit_cast<uint64_t>(e.time);
    ctx_place_ = pack_place(e);
    ctx_tick_ = e.tick;
}

void EventLog::clear() noexcept {
    used_ = 0;
    cur_ = end_ = nullptr;
}

void Tracer::clear() {
    events_.clear();
    numbers_.clear();
}

std::string format_time(double t) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", t);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

void write_ticks(const Tracer& tracer, std::ostream& out) {
    std::unordered_map<uint32_t, uint32_t> names;  // task id -> name string
    char buf[64];
    for (const TraceEvent& e : tracer.events()) {
        if (e.kind == EventKind::task_created) {
            names[e.subject] = e.arg;
        } else if (e.kind == EventKind::step_begin) {
            std::snprintf(buf, sizeof buf, "%.6f %u ", e.time, unsigned(e.loop));
            out << buf << tracer.strings().get(names[e.subject]) << '\n';
        } else if (e.kind == EventKind::task_renamed) {
            names[e.subject] = e.arg;
        }
    }
}

std::string format_ticks(const Tracer& tracer) {
    std::ostringstream s;
    write_ticks(tracer, s);
    return s.str();
}

}  // namespace looplab
