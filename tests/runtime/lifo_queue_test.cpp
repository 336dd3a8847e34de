// asyncio.LifoQueue (CPython Lib/asyncio/queues.py). Every expected output below came from
// the same program written in Python, run under CPython 3.11
// (/usr/bin/python3 tools/cpython_runner.py FILE.py --ticks OUT).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "looplab/event_loop.hpp"
#include "looplab/gather.hpp"
#include "looplab/queue.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "test_support.hpp"

using namespace looplab;
using looplab::testing::at;
using looplab::testing::Run;
using Lines = std::vector<std::string>;

namespace {

std::string n(long long v) { return std::to_string(v); }

// @dataclass(order=True) class WorkItem: priority: int; order: int; data: str = field(compare=False)
struct WorkItem {
    int priority;
    int order;
    std::string data;
    std::string repr() const {
        return "WorkItem(priority=" + n(priority) + ", order=" + n(order) + ", data='" + data + "')";
    }
};

}  // namespace

// --- the tutorial's example (tutorial 002, chapter 12, "栈 LIFO") ---------------------------------

Coroutine<void> worker(LifoQueue<WorkItem>& queue) {
    while (!queue.empty()) {
        WorkItem work_item = co_await queue.get();
        print("出栈: " + work_item.repr());
        queue.task_done();
    }
}

Coroutine<void> join_work(LifoQueue<WorkItem>& q) { co_await q.join(); }

Coroutine<void> tutorial_main() {
    LifoQueue<WorkItem> lifo_queue;
    std::vector<WorkItem> work_items = {{3, 1, "Lowest priority first"},
                                        {3, 2, "Lowest priority second"},
                                        {3, 3, "Lowest priority third"},
                                        {2, 4, "Medium priority"},
                                        {1, 5, "High priority"}};
    Task<void> worker_task = create_task(worker(lifo_queue));
    for (auto& work : work_items) {
        print("入栈: " + work.repr());
        lifo_queue.put_nowait(work);
    }
    auto g = gather(ensure_future(join_work(lifo_queue)), Future<void>(worker_task));
    co_await g;
}

TEST_CASE("LifoQueue: last in, first out (the tutorial's work items)") {
    Run run;
    looplab::run(tutorial_main());
    CHECK(run.lines() == Lines{
                             "入栈: WorkItem(priority=3, order=1, data='Lowest priority first')",
                             "入栈: WorkItem(priority=3, order=2, data='Lowest priority second')",
                             "入栈: WorkItem(priority=3, order=3, data='Lowest priority third')",
                             "入栈: WorkItem(priority=2, order=4, data='Medium priority')",
                             "入栈: WorkItem(priority=1, order=5, data='High priority')",
                             "出栈: WorkItem(priority=1, order=5, data='High priority')",
                             "出栈: WorkItem(priority=2, order=4, data='Medium priority')",
                             "出栈: WorkItem(priority=3, order=3, data='Lowest priority third')",
                             "出栈: WorkItem(priority=3, order=2, data='Lowest priority second')",
                             "出栈: WorkItem(priority=3, order=1, data='Lowest priority first')",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-1\n"
          "0.000000 1 Task-4\n0.000000 1 Task-5\n");
}

// --- waiting putters and getters ----------------------------------------------------------------

Coroutine<void> getter(LifoQueue<int>& q, std::string name) {
    int item = co_await q.get();
    print(at(name + " got " + n(item)));
}

Coroutine<void> putter(LifoQueue<int>& q, std::string name, int item) {
    co_await q.put(item);
    print(at(name + " put " + n(item)));
}

Coroutine<void> waiting_main() {
    LifoQueue<int> q(2);
    std::vector<Future<void>> ps;
    for (int i = 1; i <= 5; ++i) ps.push_back(create_task(putter(q, "P" + n(i), i)));
    co_await sleep(0);
    print(at(q.str()));
    for (int got = 0; got < 5; ++got) {
        int v = co_await q.get();
        print(at("main got " + n(v) + " " + q.str()));
    }
    auto g1 = gather(ps);
    co_await g1;
    std::vector<Future<void>> gs;
    for (int i = 1; i <= 2; ++i) gs.push_back(create_task(getter(q, "G" + n(i))));
    co_await sleep(0);
    q.put_nowait(10);
    q.put_nowait(20);
    auto g2 = gather(gs);
    co_await g2;
    print(at(q.str()));
}

TEST_CASE("LifoQueue(maxsize=2): blocked putters in FIFO order, items taken last in first out") {
    Run run;
    looplab::run(waiting_main());
    CHECK(run.lines() == Lines{
                             "t=0 P1 put 1",
                             "t=0 P2 put 2",
                             "t=0 <LifoQueue maxsize=2 _queue=[1, 2] _putters[3] tasks=2>",
                             "t=0 main got 2 <LifoQueue maxsize=2 _queue=[1] _putters[2] tasks=2>",
                             "t=0 main got 1 <LifoQueue maxsize=2 _putters[1] tasks=2>",
                             "t=0 P3 put 3",
                             "t=0 P4 put 4",
                             "t=0 main got 4 <LifoQueue maxsize=2 _queue=[3] tasks=4>",
                             "t=0 main got 3 <LifoQueue maxsize=2 tasks=4>",
                             "t=0 P5 put 5",
                             "t=0 main got 5 <LifoQueue maxsize=2 tasks=5>",
                             "t=0 G1 got 20",
                             "t=0 G2 got 10",
                             "t=0 <LifoQueue maxsize=2 tasks=7>",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-5\n"
          "0.000000 1 Task-6\n0.000000 1 Task-1\n0.000000 1 Task-4\n0.000000 1 Task-5\n0.000000 1 Task-1\n"
          "0.000000 1 Task-6\n0.000000 1 Task-1\n0.000000 1 Task-1\n0.000000 1 Task-7\n0.000000 1 Task-8\n"
          "0.000000 1 Task-1\n0.000000 1 Task-7\n0.000000 1 Task-8\n0.000000 1 Task-1\n0.000000 1 Task-9\n"
          "0.000000 1 Task-10\n");
}

// --- deadlock ----------------------------------------------------------------------------------

Coroutine<void> deadlock_main() {
    LifoQueue<int> q;
    q.put_nowait(1);
    q.put_nowait(2);
    q.get_nowait();
    q.task_done();
    co_await q.join();  // one item never taken, never done
}

TEST_CASE("deadlock: LifoQueue.join with an unfinished item") {
    Run run;
    try {
        looplab::run(deadlock_main());
        FAIL("no deadlock reported");
    } catch (const RunEnded& e) {
        CHECK(e.exit_code() == 3);
        CHECK(e.report() ==
              "looplab: deadlock at t=0\n"
              "  Task-1 waits for LifoQueue.join (1 unfinished)");
    }
}
