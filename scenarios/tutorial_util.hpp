#pragma once
// Helpers the tutorials themselves share, written once for every scenario that uses them.
#include "looplab/coroutine.hpp"

namespace looplab::scenarios {

// Tutorial 002's util.delay(): prints, sleeps delay_seconds, prints, returns delay_seconds.
Coroutine<int> delay_002(int delay_seconds);

}  // namespace looplab::scenarios
