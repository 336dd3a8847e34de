// The `--events` (JSON Lines) and `--trace` (Chrome Trace Event Format) views of the trace.
// Both read the events in order and resolve every id to what it stands for; the rules are
// documented in docs/events-jsonl.md and docs/chrome-trace.md.
#include "looplab/trace_export.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <unordered_map>

#include "trace_export_names.hpp"

namespace looplab {

// --- JSON text -----------------------------------------------------------------------------------

namespace exports {

namespace {

void append_escape(std::string& out, unsigned cp) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    out += buf;
}

// Length of the well-formed UTF-8 sequence at s[i], or 0. A surrogate encoded as three bytes
// (how a Python str holding a lone surrogate is stored) is reported as -3.
int utf8_length(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    auto cont = [&](size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
    unsigned c = b(i);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(i + 1) || !cont(i + 2)) return 0;
        if (c == 0xE0 && b(i + 1) < 0xA0) return 0;  // overlong
        if (c == 0xED && b(i + 1) >= 0xA0) return -3;  // U+D800..U+DFFF
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        if (c == 0xF0 && b(i + 1) < 0x90) return 0;  // overlong
        if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // beyond U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace

void append_quoted(std::string& out, std::string_view s) {
    out += '"';
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
            ++i;
        } else if (c < 0x20) {
            switch (c) {
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: append_escape(out, c);
            }
            ++i;
        } else {
            int n = utf8_length(s, i);
            if (n > 0) {
                out.append(s.substr(i, size_t(n)));  // valid UTF-8 stays as is (中文, українська)
                i += size_t(n);
            } else if (n == -3) {
                // JSON can carry a lone surrogate only as an escape; json.loads gives it back.
                unsigned cp = ((c & 0x0Fu) << 12) | ((unsigned(s[i + 1]) & 0x3Fu) << 6) | (unsigned(s[i + 2]) & 0x3Fu);
                append_escape(out, cp);
                i += 3;
            } else {
                append_escape(out, 0xFFFD);  // a stray byte: the replacement character
                ++i;
            }
        }
    }
    out += '"';
}

// Shortest text that reads back as the same double (what Python's repr prints); JSON has no
// infinity or NaN, so those are null.
void append_number(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void append_uint(std::string& out, uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// --- What the ids stand for ----------------------------------------------------------------------

bool is_wait_op(PrimitiveOp op) {
    switch (op) {
    case PrimitiveOp::lock_wait:
    case PrimitiveOp::event_wait:
    case PrimitiveOp::condition_wait:
    case PrimitiveOp::semaphore_wait:
    case PrimitiveOp::queue_put_wait:
    case PrimitiveOp::queue_get_wait:
    case PrimitiveOp::queue_join_wait: return true;
    default: return false;
    }
}

const char* count_name(PrimitiveOp op) {
    switch (op) {
    case PrimitiveOp::event_set: return "woken";
    case PrimitiveOp::condition_notify: return "notified";
    case PrimitiveOp::semaphore_acquire:
    case PrimitiveOp::semaphore_acquired:
    case PrimitiveOp::semaphore_release: return "value";
    case PrimitiveOp::queue_put:
    case PrimitiveOp::queue_get: return "size";
    case PrimitiveOp::queue_task_done: return "unfinished";
    default: return nullptr;
    }
}

const char* handle_kind_name(uint32_t k) {
    switch (HandleKind(k)) {
    case HandleKind::task_step: return "task_step";
    case HandleKind::task_wakeup: return "task_wakeup";
    case HandleKind::future_callback: return "future_callback";
    case HandleKind::callback: return "callback";
    }
    return "unknown";
}

const char* outcome_name(uint32_t o) {
    switch (FutureOutcome(o)) {
    case FutureOutcome::result: return "result";
    case FutureOutcome::exception: return "exception";
    case FutureOutcome::cancelled: return "cancelled";
    }
    return "unknown";
}

}  // namespace exports

using namespace exports;

std::string json_quote(std::string_view s) {
    std::string out;
    append_quoted(out, s);
    return out;
}

// --- --events: JSON Lines ------------------------------------------------------------------------

namespace {

void describe_task(Obj& o, TraceNames& n, uint32_t id, const char* name_key = "task", const char* id_key = "task_id") {
    o.name_or_null(name_key, n.task_name(id));
    if (id) o.uint(id_key, id);
    else o.null(id_key);
}

void describe_timer(Obj& o, TraceNames& n, uint32_t id) {
    o.uint("timer_id", id);
    if (const TraceNames::Timer* t = n.timer(id)) {
        o.num("due", t->due);
        if (t->future) o.uint("future_id", t->future).str("future", n.future(t->future));
    }
}

void describe_primitive(Obj& o, TraceNames& n, uint32_t id) {
    const TraceNames::Primitive* p = n.primitive(id);
    o.str("primitive", p ? p->name : "primitive " + std::to_string(id));
    o.str("primitive_kind", p ? p->kind : "");
    o.uint("primitive_id", id);
}

}  // namespace

void write_events_jsonl(const Tracer& tracer, std::ostream& out) {
    TraceNames n(tracer);
    std::unordered_map<uint32_t, uint32_t> woken_by;  // task -> future whose wake-up is pending
    std::string line;
    uint64_t seq = 0;
    for (const TraceEvent& e : tracer.events()) {
        n.observe(e);
        line.clear();
        Obj o(line);
        o.uint("seq", seq++).num("t", e.time).uint("tick", e.tick).uint("loop", e.loop);
        o.uint("thread", e.thread).uint("process", e.process).str("kind", event_kind_name(e.kind));
        switch (e.kind) {
        case EventKind::loop_created:
        case EventKind::loop_closed: o.uint("loop_number", e.subject); break;
        case EventKind::handle_scheduled:
        case EventKind::handle_run:
            o.str("handle", handle_kind_name(e.arg));
            if (HandleKind(e.arg) == HandleKind::task_wakeup) {
                describe_task(o, n, e.subject);
                o.uint("waker_id", e.object).str("waker", n.future(e.object));
                woken_by[e.subject] = e.object;
            } else if (HandleKind(e.arg) == HandleKind::future_callback) {
                o.uint("future_id", e.subject).str("future", n.future(e.subject));
            } else if (n.timer(e.subject)) {
                describe_timer(o, n, e.subject);
            } else {
                o.uint("handle_id", e.subject);
            }
            break;
        case EventKind::timer_set:
        case EventKind::timer_fired:
        case EventKind::timer_cancelled: describe_timer(o, n, e.subject); break;
        case EventKind::clock_jump:
            o.num("from", e.arg < tracer.numbers().size() ? tracer.numbers()[e.arg] : NAN).num("to", e.time);
            break;
        case EventKind::task_created:
            describe_task(o, n, e.subject);
            if (auto* t = n.task(e.subject)) o.uint("task_number", t->ordinal);
            describe_task(o, n, e.object, "created_by", "created_by_id");
            break;
        case EventKind::task_renamed:
            describe_task(o, n, e.subject);
            o.str("old_name", n.old_name());
            break;
        case EventKind::step_begin: {
            describe_task(o, n, e.subject);
            auto* t = n.task(e.subject);
            o.uint("step", t ? t->steps : 0);
            auto w = woken_by.find(e.subject);
            if (t && t->steps == 1) o.str("cause", "start");
            else if (w != woken_by.end()) o.str("cause", "wakeup").uint("waker_id", w->second).str("waker", n.future(w->second));
            else o.str("cause", "ready");
            if (w != woken_by.end()) woken_by.erase(w);
            break;
        }
        case EventKind::step_end: {
            describe_task(o, n, e.subject);
            auto* t = n.task(e.subject);
            o.uint("step", t ? t->steps : 0).str("reason", step_end_name(StepEnd(e.arg)));
            if (StepEnd(e.arg) == StepEnd::awaiting_future) o.str("on", n.future(e.object)).uint("on_id", e.object);
            break;
        }
        case EventKind::future_created: o.uint("future_id", e.subject).str("label", n.str(e.arg)); break;
        case EventKind::future_done:
            o.uint("future_id", e.subject).str("future", n.future(e.subject)).str("outcome", outcome_name(e.arg));
            break;
        case EventKind::cancel_requested:
            o.str("target", n.future(e.subject)).uint("target_id", e.subject);
            describe_task(o, n, e.object, "by", "by_id");
            if (e.arg) o.str("message", n.str(e.arg));
            else o.null("message");
            break;
        case EventKind::cancel_delivered: describe_task(o, n, e.subject); break;
        case EventKind::primitive_created: describe_primitive(o, n, e.subject); break;
        case EventKind::primitive_op: {
            describe_primitive(o, n, e.subject);
            PrimitiveOp op = PrimitiveOp(e.arg & 0xFF);
            o.str("op", primitive_op_name(op));
            describe_task(o, n, e.object);
            if (const char* c = count_name(op)) o.uint(c, e.arg >> 8);
            break;
        }
        case EventKind::print:
            describe_task(o, n, e.object);
            o.str("text", n.str(e.arg));
            break;
        case EventKind::deadlock:
            describe_task(o, n, e.subject);
            o.str("waits_for", n.future(e.object)).uint("waits_for_id", e.object);
            break;
        case EventKind::task_line:
            describe_task(o, n, e.subject);
            o.str("file", n.str(e.arg)).uint("line", e.object);
            break;
        case EventKind::stderr_write:
            describe_task(o, n, e.object);
            o.str("text", n.str(e.arg));
            break;
        case EventKind::queue_items: {
            describe_primitive(o, n, e.subject);
            o.uint("size", e.object);
            // The reprs travel as one string, each ended by U+001F; the export lists them.
            std::string list = "[";
            const std::string& all = n.str(e.arg);
            for (size_t b = 0, x; (x = all.find('\x1f', b)) != std::string::npos; b = x + 1) {
                if (list.size() > 1) list += ',';
                append_quoted(list, std::string_view(all).substr(b, x - b));
            }
            o.raw("items", list + "]");
            break;
        }
        }
        describe_task(o, n, e.kind == EventKind::step_end ? e.subject : n.holder(), "holder", "holder_id");
        o.close();
        line += '\n';
        out << line;
    }
}

}  // namespace looplab
