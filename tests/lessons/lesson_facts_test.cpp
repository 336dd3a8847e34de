// Trace facts (app/lesson_facts.cpp) judged on a real run: each fact of lessons/README.md's
// vocabulary, true and false, on one small scenario recorded through app/record.
#include <catch2/catch.hpp>

#include <string>

#include "lesson_facts.hpp"
#include "record.hpp"

using namespace looplab::lessons;

namespace {

// Task-1 main; "long one" sleeps 5 s until cancelled (a named task still uses up a number,
// as in CPython); Task-3 and Task-4 (gather) share a lock for 1 s each; main then blocks the
// loop for 0.5 s with time.sleep.
const char* kScenario = R"(import asyncio
import time


async def worker(lock):
    async with lock:
        await asyncio.sleep(1)


async def main():
    lock = asyncio.Lock()
    queue = asyncio.Queue()
    long_one = asyncio.create_task(asyncio.sleep(5), name="long one")
    await asyncio.gather(worker(lock), worker(lock))
    queue.put_nowait(1)
    queue.put_nowait(2)
    time.sleep(0.5)
    long_one.cancel()
    try:
        await long_one
    except asyncio.CancelledError:
        print("cancelled")


asyncio.run(main())
)";

const looplab::app::RecordResult& run() {
    static const looplab::app::RecordResult r = looplab::app::record_source("facts.py", kScenario);
    return r;
}

FactResult judge(const std::string& text) {
    Fact f;
    std::string msg;
    INFO(text);
    REQUIRE(parse_fact(text, f, msg));
    return eval_fact(f, run().recording);
}

}  // namespace

TEST_CASE("The facts scenario runs as the tests expect") {
    REQUIRE(run().exit_code == 0);
    CHECK(run().stdout_text == "cancelled\n");
}

TEST_CASE("Counting tasks in a state at a time sees the state after that time's steps") {
    CHECK(judge("tasks sleeping at t=0.5 == 2").ok);     // "long one" and the lock holder
    CHECK(judge("tasks waiting at t=0.5 == 2").ok);      // main on gather, Task-4 on the lock
    CHECK(judge("tasks sleeping at t=0 == 2").ok);       // steps at t=0 have run
    CHECK(judge("tasks alive at t=0.5 == 4").ok);
    FactResult r = judge("tasks sleeping at t=0.5 == 3");
    CHECK_FALSE(r.ok);
    CHECK(r.got == "2");
}

TEST_CASE("A task's state at a time names what it waits on") {
    CHECK(judge("Task-4 at t=0.5 is waiting on Lock").ok);
    FactResult r = judge("Task-4 at t=0.5 is waiting on Semaphore");
    CHECK_FALSE(r.ok);
    CHECK(r.got == "waiting on Lock");
    CHECK(judge("Task-4 at t=1.5 is sleeping").ok);
    CHECK(judge("Task-3 at t=1.5 is done").ok);
}

TEST_CASE("A blocking step is running during the time it holds the loop") {
    CHECK(judge("Task-1 at t=2.2 is running").ok);
    CHECK(judge("tasks running at t=2.2 == 1").ok);
    CHECK(judge("longest step == 0.5").ok);
    CHECK_FALSE(judge("longest step == 0").ok);
}

TEST_CASE("At a tick the step's task is shown running, as in the GUI") {
    CHECK(judge("Task-1 at tick 1 is running").ok);
    CHECK(judge("\"long one\" at tick 2 is running").ok);
    CHECK(judge("\"long one\" at tick 1 is ready").ok);
    CHECK(judge("tasks running at tick 3 == 1").ok);
}

TEST_CASE("Peaks, steps and endings") {
    CHECK(judge("max tasks sleeping == 2").ok);
    CHECK(judge("max tasks alive == 4").ok);
    CHECK(judge("max waiters Lock == 1").ok);
    CHECK(judge("max holders Lock == 1").ok);
    CHECK(judge("max items Queue == 2").ok);
    CHECK(judge("\"long one\" ends cancelled").ok);
    CHECK(judge("Task-3 ends done").ok);
    FactResult r = judge("Task-3 ends failed");
    CHECK_FALSE(r.ok);
    CHECK(r.got == "done");
    CHECK(judge("steps \"long one\" == 2").ok);
    CHECK(judge("ticks >= 8").ok);
}

TEST_CASE("A fact about something the run does not have fails and says why") {
    FactResult r = judge("Task-9 ends done");
    CHECK_FALSE(r.ok);
    CHECK(r.got == "no task named 'Task-9' in this run");
    r = judge("max items LifoQueue == 0");
    CHECK_FALSE(r.ok);
    CHECK(r.got == "no LifoQueue in this run");
    r = judge("Task-4 at tick 0 is ready");
    CHECK_FALSE(r.ok);
    CHECK(r.got == "not created yet");
}
