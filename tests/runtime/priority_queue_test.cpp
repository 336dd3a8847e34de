// asyncio.PriorityQueue (CPython Lib/asyncio/queues.py over heapq, i.e. Modules/_heapqmodule.c).
// Every expected output below came from the same program written in Python, run under
// CPython 3.11 (/usr/bin/python3 tools/cpython_runner.py FILE.py --ticks OUT).
#include <catch2/catch.hpp>

#include <string>
#include <utility>
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

// @dataclass(order=True) class Item: priority: int; name: str = field(compare=False)
// Items of equal priority compare equal: the heap algorithm alone decides their order.
struct Item {
    int priority;
    std::string name;
};
struct ByPriority {
    bool operator()(const Item& a, const Item& b) const { return a.priority < b.priority; }
};
using ItemQueue = PriorityQueue<Item, ByPriority>;

std::string show(const Item& x) { return n(x.priority) + x.name; }

std::string join(const Lines& v) {
    std::string s;
    for (auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s;
}

}  // namespace

// --- heap order ------------------------------------------------------------------------------

Coroutine<void> ties_main() {
    ItemQueue q;
    std::vector<int> pr = {3, 1, 2, 1, 3, 2, 1, 2, 3, 1, 2, 2};
    for (size_t i = 0; i < pr.size(); ++i) q.put_nowait(Item{pr[i], std::string(1, char('a' + i))});
    Lines heap;
    for (const Item& x : q.items()) heap.push_back(show(x));
    print(join(heap));
    Lines out;
    while (!q.empty()) out.push_back(show(q.get_nowait()));
    print(join(out));

    // Puts and gets interleaved ("-" is a get_nowait).
    ItemQueue q2;
    std::vector<std::pair<int, char>> seq = {{2, 'a'}, {2, 'b'}, {1, 'c'}, {0, '-'}, {2, 'd'}, {1, 'e'},
                                             {1, 'f'}, {0, '-'}, {0, '-'}, {2, 'g'}, {1, 'h'}, {0, '-'},
                                             {0, '-'}, {0, '-'}, {0, '-'}, {0, '-'}};
    out.clear();
    for (auto [p, c] : seq) {
        if (c == '-') out.push_back(show(q2.get_nowait()));
        else q2.put_nowait(Item{p, std::string(1, c)});
    }
    print(join(out));
    co_return;
}

TEST_CASE("PriorityQueue: lowest first; equal priorities come out in CPython's heapq order") {
    Run run;
    looplab::run(ties_main());
    // From CPython: `' '.join(...)` of q._queue after the pushes, then of the pops.
    CHECK(run.lines() == Lines{
                             "1b 1d 1g 2h 1j 2f 2c 3a 3i 3e 2k 2l",  // the heap list itself
                             "1b 1g 1d 1j 2c 2l 2f 2k 2h 3a 3i 3e",  // popped order
                             "1c 1e 1f 1h 2b 2a 2d 2g",              // interleaved
                         });
}

// --- a comparator that raises -----------------------------------------------------------------

namespace {
// Python's `<` on objects whose __lt__ raises ValueError('bad compare') while *boom is set.
struct MaybeRaising {
    const bool* boom;
    bool operator()(int a, int b) const {
        if (*boom) throw ValueError("bad compare");
        return a < b;
    }
};
std::string list(const std::vector<int>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + n(v[i]);
    return s + "]";
}
}  // namespace

Coroutine<void> raising_main() {
    bool boom = false;
    PriorityQueue<int, MaybeRaising> q(0, MaybeRaising{&boom});
    for (int v : {5, 3, 8, 1}) q.put_nowait(v);
    auto state = [&] { return list(q.items()) + " " + n(q.qsize()) + " " + n(q.unfinished_tasks()); };
    print(state());
    boom = true;
    try {
        q.put_nowait(0);
    } catch (const ValueError&) {
        print("put " + exception_repr(std::current_exception()));
    }
    print(state());
    try {
        q.get_nowait();
    } catch (const ValueError&) {
        print("get " + exception_repr(std::current_exception()));
    }
    print(state());
    boom = false;
    std::vector<int> rest;
    while (!q.empty()) rest.push_back(q.get_nowait());
    print(list(rest));
    co_return;
}

TEST_CASE("PriorityQueue: when `<` raises, the heap is left exactly as CPython's _heapq leaves it") {
    Run run;
    looplab::run(raising_main());
    // CPython: heappush leaves the new item in the list (put_nowait raises before counting it
    // as unfinished); heappop loses the item it was about to return.
    CHECK(run.lines() == Lines{
                             "[1, 3, 8, 5] 4 4",
                             "put ValueError('bad compare')",
                             "[1, 3, 8, 5, 0] 5 4",
                             "get ValueError('bad compare')",
                             "[0, 3, 8, 5] 4 4",
                             "[0, 3, 5, 8]",
                         });
}

// --- the tutorial's example -------------------------------------------------------------------

Coroutine<void> tuple_worker(PriorityQueue<std::pair<int, std::string>>& queue) {
    while (!queue.empty()) {
        std::pair<int, std::string> work_item = co_await queue.get();
        print("Processing work item (" + n(work_item.first) + ", '" + work_item.second + "')");
        queue.task_done();
    }
}

Coroutine<void> join_tuples(PriorityQueue<std::pair<int, std::string>>& q) { co_await q.join(); }

Coroutine<void> tutorial_main() {
    PriorityQueue<std::pair<int, std::string>> priority_queue;  // tuples compare as pairs do
    std::vector<std::pair<int, std::string>> work_items = {
        {3, "Lowest priority"}, {2, "Medium priority"}, {1, "High priority"}};
    Task<void> worker_task = create_task(tuple_worker(priority_queue));
    for (auto& work : work_items) priority_queue.put_nowait(work);
    auto g = gather(ensure_future(join_tuples(priority_queue)), Future<void>(worker_task));
    co_await g;
}

TEST_CASE("PriorityQueue: the tutorial's (priority, data) work items") {
    Run run;
    looplab::run(tutorial_main());
    CHECK(run.lines() == Lines{
                             "Processing work item (1, 'High priority')",
                             "Processing work item (2, 'Medium priority')",
                             "Processing work item (3, 'Lowest priority')",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-1\n"
          "0.000000 1 Task-4\n0.000000 1 Task-5\n");
}

// --- waiting getters and putters ----------------------------------------------------------------

Coroutine<void> getter(PriorityQueue<int>& q, std::string name) {
    int item = co_await q.get();
    print(at(name + " got " + n(item)));
}

Coroutine<void> putter(PriorityQueue<int>& q, std::string name, int item) {
    co_await q.put(item);
    print(at(name + " put " + n(item)));
}

Coroutine<void> waiting_main() {
    PriorityQueue<int> q;
    std::vector<Future<void>> gs;
    for (int i = 1; i <= 3; ++i) gs.push_back(create_task(getter(q, "G" + n(i))));
    co_await sleep(0);
    for (int v : {5, 1, 3}) q.put_nowait(v);  // each put wakes the next getter in line
    print(at(q.str()));
    auto g1 = gather(gs);
    co_await g1;  // ...but a getter takes the smallest item when it runs

    PriorityQueue<int> q2(2);
    q2.put_nowait(4);
    q2.put_nowait(2);
    std::vector<Future<void>> ps;
    for (int v : {3, 1}) ps.push_back(create_task(putter(q2, "P" + n(v), v)));
    co_await sleep(0);
    print(at(q2.str()));
    for (int i = 0; i < 4; ++i) {
        int v = co_await q2.get();
        print(at("main got " + n(v)));
    }
    auto g2 = gather(ps);
    co_await g2;
}

TEST_CASE("PriorityQueue: waiting getters and putters") {
    Run run;
    looplab::run(waiting_main());
    CHECK(run.lines() == Lines{
                             "t=0 <PriorityQueue maxsize=0 _queue=[1, 5, 3] tasks=3>",
                             "t=0 G1 got 1",
                             "t=0 G2 got 3",
                             "t=0 G3 got 5",
                             "t=0 <PriorityQueue maxsize=2 _queue=[2, 4] _putters[2] tasks=2>",
                             "t=0 main got 2",
                             "t=0 main got 4",
                             "t=0 P3 put 3",
                             "t=0 P1 put 1",
                             "t=0 main got 1",
                             "t=0 main got 3",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-1\n0.000000 1 Task-5\n"
          "0.000000 1 Task-6\n0.000000 1 Task-1\n0.000000 1 Task-5\n0.000000 1 Task-6\n0.000000 1 Task-1\n"
          "0.000000 1 Task-1\n0.000000 1 Task-7\n0.000000 1 Task-8\n");
}

// --- deadlock ----------------------------------------------------------------------------------

Coroutine<void> get_one(PriorityQueue<int>& q) { co_await q.get(); }
Coroutine<void> put_one(PriorityQueue<int>& q, int v) { co_await q.put(v); }
Coroutine<void> join_one(PriorityQueue<int>& q) { co_await q.join(); }

Coroutine<void> deadlock_main() {
    PriorityQueue<int> q(1);
    q.put_nowait(1);
    Task<void> t1 = create_task(put_one(q, 2));
    Task<void> t2 = create_task(join_one(q));
    PriorityQueue<int> e;
    Task<void> t3 = create_task(get_one(e));
    co_await t1;
}

TEST_CASE("deadlock: PriorityQueue put (full), join (unfinished) and get (empty)") {
    Run run;
    try {
        looplab::run(deadlock_main());
        FAIL("no deadlock reported");
    } catch (const RunEnded& e) {
        CHECK(e.exit_code() == 3);
        CHECK(e.report() ==
              "looplab: deadlock at t=0\n"
              "  Task-1 waits for Task-2\n"
              "  Task-2 waits for PriorityQueue.put (full)\n"
              "  Task-3 waits for PriorityQueue.join (1 unfinished)\n"
              "  Task-4 waits for PriorityQueue.get (empty)");
    }
    CHECK(run.ticks() == "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n");
}
