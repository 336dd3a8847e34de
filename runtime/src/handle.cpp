// Mirrors CPython Lib/asyncio/events.py (Handle, TimerHandle).
#include "looplab/handle.hpp"

#include "looplab/event_loop.hpp"

namespace looplab {

void Handle::cancel() {
    if (cancelled_) return;
    cancelled_ = true;
    // events.py: drop the callback and its arguments at once, so they can be freed.
    cb_.discard();
    cb_.run = nullptr;
    if (auto* timer = dynamic_cast<TimerHandle*>(this); timer && timer->scheduled_) {
        loop_->timer_cancelled();
        loop_->runtime().emit(EventKind::timer_cancelled, id_);
    }
}

void Handle::run() {
    if (cancelled_ || !cb_.run) return;
    Callback cb = std::exchange(cb_, Callback{});
    struct Drop {
        Callback& cb;
        ~Drop() { cb.discard(); }
    } drop{cb};
    cb.run(cb.a, cb.b);
}

Callback make_callback(std::function<void()> f) {
    auto* box = new FunctionBox(std::move(f));
    box->add_ref();
    return Callback{&FunctionBox::run, box, nullptr};
}

}  // namespace looplab
