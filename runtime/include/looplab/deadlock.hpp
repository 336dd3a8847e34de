#pragma once
// Deadlock reports (SPEC 4): when tasks wait and nothing can ever wake them, the run ends
// with `looplab: deadlock at t=<clock>` and one line per waiting task:
// `  <task name> waits for <what>`. The same text is produced by tools/cpython_runner.py;
// docs/cpython-runner.md lists every <what>.
#include <string>

namespace looplab {

class FutureBase;

// "Task-3", "gather", "Lock held by Task-2", "Semaphore (value 0)", "Event", "Future"…
std::string describe_wait(const FutureBase& awaited);

}  // namespace looplab
