#include "looplab/sleep.hpp"

#include "looplab/event_loop.hpp"

namespace looplab {

void set_result_unless_cancelled(RefCounted* fut, RefCounted*) {
    auto* f = static_cast<FutureImpl<void>*>(fut);
    if (f->cancelled()) return;
    f->set_result();
}

void SleepAwaiter::start_timer() {
    // tasks.py sleep(): future = loop.create_future(); h = loop.call_later(delay, ...)
    EventLoop& loop = get_running_loop();
    fut_ = Ref<FutureBase>(new FutureImpl<void>(loop));
    fut_->set_label(FutureLabel::sleep);
    fut_->add_ref();  // the timer callback's reference
    timer_ = loop.call_at(loop.time() + delay_, Callback{&set_result_unless_cancelled, fut_.get(), nullptr}, fut_->id());
}

void SleepAwaiter::finish() {
    // `finally: h.cancel()`, then `return await future`.
    if (timer_) timer_->cancel();
    StepChannel::current().rethrow_if_thrown();
    if (fut_) fut_->check_result();
}

}  // namespace looplab
