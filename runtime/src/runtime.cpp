#include "looplab/runtime.hpp"

#include <iostream>

#include "looplab/event_loop.hpp"
#include "looplab/task.hpp"

namespace looplab {

namespace {
thread_local Runtime* current_runtime = nullptr;
}

Runtime::Runtime() : out_(&std::cout), err_(&std::cerr), previous_(current_runtime) { current_runtime = this; }

Runtime::Runtime(bool) : out_(&std::cout), err_(&std::cerr) {}

Runtime::~Runtime() {
    // Tear loops down first: pending tasks' coroutines are destroyed while every loop, future
    // and primitive they may point at is still alive.
    for (auto& loop : loops_) loop->teardown();
    loops_.clear();
    if (current_runtime == this) current_runtime = previous_;
}

Runtime& Runtime::current() {
    if (current_runtime) return *current_runtime;
    static thread_local Runtime default_runtime(true);
    return default_runtime;
}

void Runtime::advance_clock_to(double t) {
    if (t <= clock_) return;
    double old = clock_;
    clock_ = t;
    if (tracer_) {
        uint32_t idx = tracer_->add_number(old);
        emit(EventKind::clock_jump, 0, 0, idx);
    }
}

EventLoop& Runtime::new_event_loop() {
    auto number = static_cast<uint16_t>(loops_.size() + 1);
    loops_.push_back(std::make_unique<EventLoop>(*this, number));
    EventLoop& loop = *loops_.back();
    if (tracer_) {
        TraceEvent e{clock_, tick_, EventKind::loop_created, number, 0, 0, number, 0, 0};
        tracer_->emit(e);
    }
    return loop;
}

void Runtime::step_limit_reached() const {
    throw RunEnded(0, "looplab: stopped after " + std::to_string(limits_.max_steps) + " steps (step limit)");
}

Tracer& Runtime::enable_tracing() {
    if (!owned_tracer_) owned_tracer_ = std::make_unique<Tracer>();
    tracer_ = owned_tracer_.get();
    return *tracer_;
}

void Runtime::set_running_loop(EventLoop* loop) noexcept {
    running_loop_ = loop;
    running_loop_number_ = loop ? loop->number() : 0;
}

uint32_t Runtime::intern(std::string_view s) { return tracer_ ? tracer_->strings().intern(s) : 0; }

void Runtime::write_out(std::string_view text) {
    *out_ << text;
    if (tracer_) {
        TaskBase* t = running_loop_ ? running_loop_->current_task() : nullptr;
        emit(EventKind::print, 0, t ? t->id() : 0, intern(text));
    }
}

void Runtime::write_err(std::string_view text) {
    *err_ << text;
    if (tracer_) {
        TaskBase* t = running_loop_ ? running_loop_->current_task() : nullptr;
        emit(EventKind::stderr_write, 0, t ? t->id() : 0, intern(text));
    }
}

void Runtime::print(std::string_view text) {
    *out_ << text << '\n';
    if (tracer_) {
        TaskBase* t = running_loop_ ? running_loop_->current_task() : nullptr;
        emit(EventKind::print, 0, t ? t->id() : 0, intern(text));
    }
}

}  // namespace looplab
