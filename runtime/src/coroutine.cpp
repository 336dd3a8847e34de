// The per-thread slot of coroutine.hpp's in_flight_error().
#include "looplab/coroutine.hpp"

namespace looplab::detail {

std::exception_ptr& in_flight_error() noexcept {
    // Reached only when a coroutine raises and when that is taken: a function-local
    // thread_local (with its guard) costs nothing on the paths that do not raise.
    static thread_local std::exception_ptr error;
    return error;
}

}  // namespace looplab::detail
