#include "tutorial_util.hpp"

#include "looplab/sleep.hpp"
#include "scenario.hpp"

namespace looplab::scenarios {

Coroutine<int> delay_002(int delay_seconds) {
    print(format("sleeping for %d second(s)", delay_seconds));
    co_await sleep(delay_seconds);
    print(format("finished sleeping for %d second(s)", delay_seconds));
    co_return delay_seconds;
}

}  // namespace looplab::scenarios
