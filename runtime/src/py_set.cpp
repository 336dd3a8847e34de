// TEMPORARY: replaced by the faithful setobject.c emulation (in progress).
#include "looplab/py_set.hpp"

namespace looplab {
PySetOrder::PySetOrder() {}
void PySetOrder::add(uint64_t) {}
void PySetOrder::discard(uint64_t) {}
bool PySetOrder::contains(uint64_t) const { return false; }
std::vector<uint64_t> PySetOrder::order() const { return {}; }
std::vector<TaskBase*> python_set_order(const std::vector<TaskBase*>& tasks) { return tasks; }
}  // namespace looplab
