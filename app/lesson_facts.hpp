#pragma once
// Judging a lesson's trace facts (lessons/README.md, "Facts") against the model of a run.
// Everything comes from model::Recording (segments, holder lane, snapshots): no second model.
#include <string>

#include "lessons.hpp"
#include "looplab/model/recording.hpp"

namespace looplab::lessons {

struct FactResult {
    bool ok = false;
    std::string got;  // what the run showed, for the failure message ("2", "waiting on Lock")
};

// One fact about one run. Never throws; an unknown task name is a failed fact saying so.
FactResult eval_fact(const Fact& fact, const model::Recording& rec);

}  // namespace looplab::lessons
