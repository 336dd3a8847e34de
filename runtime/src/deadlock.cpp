#include "looplab/deadlock.hpp"

#include <cstring>

#include "looplab/task.hpp"

namespace looplab {

std::string describe_wait(const FutureBase& awaited) {
    if (awaited.is_task()) return static_cast<const TaskBase&>(awaited).get_name();
    if (const WaitTarget* target = awaited.wait_target()) return target->describe_wait(awaited);
    if (awaited.label_id() == FutureLabel::gather) return "gather";
    return "Future";
}

}  // namespace looplab
