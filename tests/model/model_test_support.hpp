#pragma once
// Records a Python scenario given as text (app/record.cpp: the interpreter, tracing on).
#include <string>

#include "looplab/model/recording.hpp"
#include "record.hpp"

namespace looplab::model::test {

inline const char* kPath = "scenario.py";

inline app::RecordResult record(const std::string& source, uint32_t keyframe_every = Recording::kDefaultKeyframeEvery,
                                uint64_t max_steps = ~uint64_t(0)) {
    app::RecordOptions o;
    o.keyframe_every = keyframe_every;
    o.max_steps = max_steps;
    return app::record_source(kPath, source, o);
}

// The index of the task named `name` (kNone if none).
inline uint32_t task_named(const Recording& r, const std::string& name) {
    for (size_t i = 0; i < r.tasks.size(); ++i)
        if (r.tasks[i].name == name) return uint32_t(i);
    return kNone;
}

// How many tasks are in `state` at `tick`.
inline int count_in(const Snapshot& s, TaskState state) {
    int n = 0;
    for (const TaskView& t : s.tasks) n += t.state == state;
    return n;
}

}  // namespace looplab::model::test
