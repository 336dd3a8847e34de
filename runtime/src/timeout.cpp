// Mirrors CPython 3.11 Lib/asyncio/timeouts.py (Timeout, timeout, timeout_at).
#include "looplab/timeout.hpp"

#include <charconv>
#include <cmath>

namespace looplab {

namespace {
using detail::TimeoutState;

const char* state_value(TimeoutState s) {
    // _State values
    switch (s) {
    case TimeoutState::created: return "created";
    case TimeoutState::entered: return "active";
    case TimeoutState::expiring: return "expiring";
    case TimeoutState::expired: return "expired";
    case TimeoutState::exited: return "finished";
    }
    return "?";
}

// repr(float): the shortest round-tripping digits, as Python prints them.
std::string float_repr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    // Python's repr switches to exponent notation below 1e-4 and from 1e16 up.
    double a = std::fabs(v);
    bool sci = a != 0 && (a < 1e-4 || a >= 1e16);
    auto r = std::to_chars(buf, buf + sizeof buf, v, sci ? std::chars_format::scientific : std::chars_format::fixed);
    std::string s(buf, r.ptr);
    if (sci) {
        // C++: 1e-05 / 1e+16; Python: 1e-05 / 1e+16 — same two-digit exponent minimum.
        return s;
    }
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
}

// round(x, 3), as Python rounds a float to 3 decimals (correctly rounded through its repr).
double round3(double x) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, 3);
    double out = 0;
    std::from_chars(buf, r.ptr, out);
    return out;
}
}  // namespace

namespace detail {
void TimeoutData::on_timeout(RefCounted* self, RefCounted*) {
    auto& d = static_cast<TimeoutData&>(*self);
    // assert self._state is _State.ENTERED
    d.task->cancel();
    d.state = TimeoutState::expiring;
    d.timeout_handler = nullptr;  // drop the reference early
}
}  // namespace detail

Timeout::Timeout(std::optional<double> when) : d_(new detail::TimeoutData) { d_->when = when; }

void Timeout::reschedule(std::optional<double> when) {
    detail::TimeoutData& d = *d_;
    // assert self._state is not _State.CREATED
    if (d.state == TimeoutState::created) throw AssertionError();
    if (d.state != TimeoutState::entered)
        throw RuntimeError(std::string("Cannot change state of ") + state_value(d.state) + " Timeout");
    d.when = when;
    if (d.timeout_handler) d.timeout_handler->cancel();
    if (!when) {
        d.timeout_handler = nullptr;
        return;
    }
    EventLoop& loop = get_running_loop();
    if (*when <= loop.time()) {
        // loop.call_soon(self._on_timeout)
        Ref<detail::TimeoutData> self(&d);
        d.timeout_handler = loop.call_soon([self] { detail::TimeoutData::on_timeout(self.get(), nullptr); });
    } else {
        d.add_ref();  // the timer callback's reference
        d.timeout_handler = loop.call_at(*when, Callback{&detail::TimeoutData::on_timeout, &d, nullptr});
    }
}

bool Timeout::expired() const {
    return d_->state == TimeoutState::expiring || d_->state == TimeoutState::expired;
}

std::string Timeout::repr() const {
    std::string info;
    if (d_->state == TimeoutState::entered) info = " when=" + (d_->when ? float_repr(round3(*d_->when)) : "None");
    return std::string("<Timeout [") + state_value(d_->state) + "]" + info + ">";
}

void Timeout::enter() {
    detail::TimeoutData& d = *d_;
    d.state = TimeoutState::entered;
    TaskBase* task = get_running_loop().current_task();  // tasks.current_task(): needs a running loop
    d.task = Ref<TaskBase>(task);
    if (!task) throw RuntimeError("Timeout should be used inside a task");
    reschedule(d.when);
}

void Timeout::exit(std::exception_ptr exc) {
    detail::TimeoutData& d = *d_;
    // assert self._state in (_State.ENTERED, _State.EXPIRING)
    if (d.state != TimeoutState::entered && d.state != TimeoutState::expiring) throw AssertionError();
    if (d.timeout_handler) {
        d.timeout_handler->cancel();
        d.timeout_handler = nullptr;
    }
    if (d.state == TimeoutState::expiring) {
        d.state = TimeoutState::expired;
        if (d.task->uncancel() == 0 && exc && is_cancelled_error(exc)) {
            // Since there are no outstanding cancel requests, we're handling this:
            // `raise TimeoutError` (3.11's timeouts.py; `from exc_val` came in 3.12), so the
            // CancelledError is only its __context__, which Python code gets from the
            // exception being handled, as the traceback's "During handling of ...".
            throw TimeoutError();
        }
    } else if (d.state == TimeoutState::entered) {
        d.state = TimeoutState::exited;
    }
    // __aexit__ returned None: `async with` re-raises the body's exception.
    if (exc) std::rethrow_exception(exc);
}

Timeout timeout(std::optional<double> delay) {
    EventLoop& loop = get_running_loop();
    return Timeout(delay ? std::optional<double>(loop.time() + *delay) : std::nullopt);
}

Timeout timeout_at(std::optional<double> when) { return Timeout(when); }

}  // namespace looplab
