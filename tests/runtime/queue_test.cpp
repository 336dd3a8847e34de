// asyncio.Queue (CPython Lib/asyncio/queues.py). Every expected output and tick sequence
// below came from running the same program, written in Python, under CPython 3.11:
//   /usr/bin/python3 tools/cpython_runner.py FILE.py --ticks OUT
// (the Python twin of each test is quoted in its comment where it is not obvious).
#include <catch2/catch.hpp>

#include <regex>
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

// The primitive_op events of the run, as "op count".
Lines queue_ops(const Run& run) {
    Lines out;
    for (const TraceEvent& e : run.rt.tracer()->events())
        if (e.kind == EventKind::primitive_op)
            out.push_back(std::string(primitive_op_name(PrimitiveOp(e.arg & 0xFF))) + " " + n(e.arg >> 8));
    return out;
}

// async def getter(q, name): try: item = await q.get(); print(...) except CancelledError: ...; raise
Coroutine<void> getter(Queue<int>& q, std::string name) {
    try {
        int item = co_await q.get();
        print(at(name + " got " + n(item)));
    } catch (const CancelledError&) {
        print(at(name + " cancelled"));
        throw;
    }
}

Coroutine<void> putter(Queue<int>& q, std::string name, int item) {
    try {
        co_await q.put(item);
        print(at(name + " put " + n(item)));
    } catch (const CancelledError&) {
        print(at(name + " cancelled"));
        throw;
    }
}

// The two steps every asyncio.run ends with (shutdown_asyncgens, shutdown_default_executor).
std::string shutdown_ticks(double t, int first) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f 1 Task-%d\n%.6f 1 Task-%d\n", t, first, t, first + 1);
    return buf;
}

}  // namespace

// --- fast paths ------------------------------------------------------------------------------

Coroutine<void> fast_paths_main() {
    Queue<int> q(2);
    co_await q.put(1);  // not full: no suspension
    co_await q.put(2);
    int a = co_await q.get();  // not empty: no suspension
    int b = co_await q.get();
    q.task_done();
    q.task_done();
    co_await q.join();  // nothing unfinished: no suspension
    print(at("got " + n(a) + " " + n(b) + " qsize " + n(q.qsize())));
}

TEST_CASE("put/get/join do not suspend when the queue is not full/empty") {
    Run run;
    looplab::run(fast_paths_main());
    CHECK(run.lines() == Lines{"t=0 got 1 2 qsize 0"});
    // One step of main, then asyncio.run's two shutdown steps.
    CHECK(run.ticks() == "0.000000 1 Task-1\n" + shutdown_ticks(0, 2));
    CHECK(queue_ops(run) == Lines{"queue_put 1", "queue_put 2", "queue_get 1", "queue_get 0", "queue_task_done 1",
                                  "queue_task_done 0"});
    // No task step ended awaiting a future (no *_wait op above: no waiter future either).
    int suspended = 0;
    for (const TraceEvent& e : run.rt.tracer()->events())
        if (e.kind == EventKind::step_end && e.arg == uint32_t(StepEnd::awaiting_future)) ++suspended;
    CHECK(suspended == 0);
}

// --- nowait errors, sizes, repr --------------------------------------------------------------

Coroutine<void> nowait_main() {
    Queue<int> q(3);
    print(q.str());
    q.put_nowait(1);
    q.put_nowait(2);
    print(q.str());
    Queue<std::string> s;
    s.put_nowait("it's");
    s.put_nowait("a\"b");
    print(s.str());
    Queue<int> e;
    try {
        e.get_nowait();
    } catch (const QueueEmpty&) {
        print(exception_repr(std::current_exception()) + " " + e.str());
    }
    q.put_nowait(3);
    try {
        q.put_nowait(4);
    } catch (const QueueFull&) {
        print(exception_repr(std::current_exception()));
    }
    auto b = [](bool v) { return std::string(v ? "True" : "False"); };
    print(b(q.full()) + " " + n(q.qsize()) + " " + n(q.maxsize()) + " " + b(q.empty()));
    print(b(Queue<int>(-1).full()) + " " + b(Queue<int>(0).full()));
    co_return;
}

TEST_CASE("put_nowait raises QueueFull, get_nowait QueueEmpty; qsize/full/empty/str") {
    Run run;
    looplab::run(nowait_main());
    // From CPython (str(q), repr(e), q.full(), q.qsize(), q.maxsize, q.empty()).
    CHECK(run.lines() == Lines{
                             "<Queue maxsize=3>",
                             "<Queue maxsize=3 _queue=[1, 2] tasks=2>",
                             "<Queue maxsize=0 _queue=[\"it's\", 'a\"b'] tasks=2>",
                             "QueueEmpty() <Queue maxsize=0>",
                             "QueueFull()",
                             "True 3 3 False",
                             "False False",
                         });
}

// A queue bound to the loop of one asyncio.run cannot wait in another (_LoopBoundMixin).
Coroutine<void> bind_main(Queue<int>& q) {
    Task<void> t = create_task(getter(q, "A"));
    co_await sleep(0);
    print(q.str());
    q.put_nowait(5);
    co_await t;
}

Coroutine<void> other_loop_main(Queue<int>& q) {
    try {
        co_await q.get();
    } catch (const RuntimeError& e) {
        print(e.message());
    }
}

TEST_CASE("a queue that waited in one loop raises RuntimeError when it waits in another") {
    Run run;
    Queue<int> q;
    looplab::run(bind_main(q));
    looplab::run(other_loop_main(q));
    Lines lines = run.lines();
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "<Queue maxsize=0 _getters[1]>");
    CHECK(lines[1] == "t=0 A got 5");
    // CPython: `<Queue at 0x7fb422ac5050 maxsize=0 tasks=1> is bound to a different event loop`
    CHECK(std::regex_match(lines[2],
                           std::regex("<Queue at 0x[0-9a-f]+ maxsize=0 tasks=1> is bound to a different event loop")));
}

// --- FIFO order of waiters ---------------------------------------------------------------------

Coroutine<void> fifo_getters_main() {
    Queue<int> q;
    std::vector<Future<void>> ts;
    for (const char* name : {"A", "B", "C"}) ts.push_back(create_task(getter(q, name)));
    co_await sleep(0);
    print(at(q.str()));
    for (int i = 1; i <= 3; ++i) q.put_nowait(i);
    auto all = gather(ts);
    co_await all;
    print(at(q.str()));
}

TEST_CASE("waiting getters are served in FIFO order") {
    Run run;
    looplab::run(fifo_getters_main());
    CHECK(run.lines() == Lines{"t=0 <Queue maxsize=0 _getters[3]>", "t=0 A got 1", "t=0 B got 2", "t=0 C got 3",
                               "t=0 <Queue maxsize=0 tasks=3>"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n"
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-1\n" +
              shutdown_ticks(0, 5));
}

Coroutine<void> fifo_putters_main() {
    Queue<int> q(1);
    q.put_nowait(0);
    std::vector<Future<void>> ts;
    ts.push_back(create_task(putter(q, "P1", 1)));
    ts.push_back(create_task(putter(q, "P2", 2)));
    ts.push_back(create_task(putter(q, "P3", 3)));
    co_await sleep(0);
    print(at(q.str()));
    for (int i = 0; i < 4; ++i) {
        int v = co_await q.get();
        print(at("main got " + n(v)));
    }
    auto all = gather(ts);
    co_await all;
}

TEST_CASE("waiting putters are served in FIFO order; maxsize blocks") {
    Run run;
    looplab::run(fifo_putters_main());
    CHECK(run.lines() == Lines{"t=0 <Queue maxsize=1 _queue=[0] _putters[3] tasks=1>", "t=0 main got 0",
                               "t=0 P1 put 1", "t=0 main got 1", "t=0 P2 put 2", "t=0 main got 2", "t=0 P3 put 3",
                               "t=0 main got 3"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n0.000000 1 Task-1\n0.000000 1 Task-3\n0.000000 1 Task-1\n0.000000 1 Task-4\n"
          "0.000000 1 Task-1\n0.000000 1 Task-1\n" +
              shutdown_ticks(0, 5));
}

// --- cancellation ---------------------------------------------------------------------------

Coroutine<void> cancel_getter_main() {
    Queue<int> q;
    Task<void> a = create_task(getter(q, "A"));
    Task<void> b = create_task(getter(q, "B"));
    co_await sleep(0);
    print(at("getters " + n(q.getters().size())));
    a.cancel();
    co_await sleep(0);
    print(at("getters " + n(q.getters().size())));
    q.put_nowait(1);
    co_await b;
    print(at("qsize " + n(q.qsize()) + " getters " + n(q.getters().size()) + " unfinished " +
             n(q.unfinished_tasks())));
}

TEST_CASE("a cancelled waiting getter leaves the queue working: the next getter gets the item") {
    Run run;
    looplab::run(cancel_getter_main());
    CHECK(run.lines() == Lines{"t=0 getters 2", "t=0 A cancelled", "t=0 getters 1", "t=0 B got 1",
                               "t=0 qsize 0 getters 0 unfinished 1"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-1\n0.000000 1 Task-2\n"
          "0.000000 1 Task-1\n0.000000 1 Task-3\n0.000000 1 Task-1\n" +
              shutdown_ticks(0, 4));
}

Coroutine<void> cancel_woken_getter_main() {
    Queue<int> q;
    Task<void> a = create_task(getter(q, "A"));
    Task<void> b = create_task(getter(q, "B"));
    Task<void> c = create_task(getter(q, "C"));
    co_await sleep(0);
    q.put_nowait(1);  // wakes A...
    a.cancel();       // ...which is cancelled before it can take the item: A wakes B
    print(at("getters " + n(q.getters().size())));
    co_await b;
    print(at("getters " + n(q.getters().size()) + " qsize " + n(q.qsize())));
    q.put_nowait(2);
    co_await c;
    print(at(std::string("a cancelled: ") + (a.cancelled() ? "True" : "False") + " qsize " + n(q.qsize()) +
             " getters " + n(q.getters().size())));
}

TEST_CASE("a getter woken by put_nowait but cancelled before running wakes the next getter") {
    Run run;
    looplab::run(cancel_woken_getter_main());
    CHECK(run.lines() == Lines{"t=0 getters 2", "t=0 A cancelled", "t=0 B got 1", "t=0 getters 1 qsize 0",
                               "t=0 C got 2", "t=0 a cancelled: True qsize 0 getters 0"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-1\n0.000000 1 Task-4\n0.000000 1 Task-1\n" +
              shutdown_ticks(0, 5));
}

Coroutine<void> cancel_putter_main() {
    Queue<int> q(1);
    q.put_nowait(0);
    Task<void> p1 = create_task(putter(q, "P1", 1));
    Task<void> p2 = create_task(putter(q, "P2", 2));
    co_await sleep(0);
    print(at("putters " + n(q.putters().size())));
    p1.cancel();
    co_await sleep(0);
    print(at("putters " + n(q.putters().size())));
    print(at("main got " + n(q.get_nowait())));
    co_await p2;
    print(at("main got " + n(q.get_nowait())));
    print(at("qsize " + n(q.qsize()) + " putters " + n(q.putters().size()) + " unfinished " +
             n(q.unfinished_tasks())));
}

TEST_CASE("a cancelled waiting putter loses its item only; the next putter is served") {
    Run run;
    looplab::run(cancel_putter_main());
    CHECK(run.lines() == Lines{"t=0 putters 2", "t=0 P1 cancelled", "t=0 putters 1", "t=0 main got 0",
                               "t=0 P2 put 2", "t=0 main got 2", "t=0 qsize 0 putters 0 unfinished 2"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-1\n0.000000 1 Task-2\n"
          "0.000000 1 Task-1\n0.000000 1 Task-3\n0.000000 1 Task-1\n" +
              shutdown_ticks(0, 4));
}

Coroutine<void> cancel_woken_putter_main() {
    Queue<int> q(1);
    q.put_nowait(0);
    Task<void> p1 = create_task(putter(q, "P1", 1));
    Task<void> p2 = create_task(putter(q, "P2", 2));
    Task<void> p3 = create_task(putter(q, "P3", 3));
    co_await sleep(0);
    print(at("main got " + n(q.get_nowait())));  // wakes P1...
    p1.cancel();                                  // ...cancelled before it runs: P1 wakes P2
    co_await p2;
    print(at("main got " + n(q.get_nowait())));
    co_await p3;
    print(at("main got " + n(q.get_nowait())));
    print(at(std::string("p1 cancelled: ") + (p1.cancelled() ? "True" : "False") + " qsize " + n(q.qsize()) +
             " putters " + n(q.putters().size()) + " unfinished " + n(q.unfinished_tasks())));
}

TEST_CASE("a putter woken by get_nowait but cancelled before running wakes the next putter") {
    Run run;
    looplab::run(cancel_woken_putter_main());
    CHECK(run.lines() == Lines{"t=0 main got 0", "t=0 P1 cancelled", "t=0 P2 put 2", "t=0 main got 2",
                               "t=0 P3 put 3", "t=0 main got 3",
                               "t=0 p1 cancelled: True qsize 0 putters 0 unfinished 3"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-1\n0.000000 1 Task-4\n0.000000 1 Task-1\n" +
              shutdown_ticks(0, 5));
}

Coroutine<void> stolen_item_main() {
    Queue<int> q;
    Task<void> a = create_task(getter(q, "A"));
    Task<void> b = create_task(getter(q, "B"));
    co_await sleep(0);
    q.put_nowait(1);  // wakes A, but main takes the item first
    print(at("main stole " + n(q.get_nowait())));
    co_await sleep(0);  // A finds the queue empty and waits again, now behind B
    print(at("getters " + n(q.getters().size())));
    q.put_nowait(2);
    q.put_nowait(3);
    auto both = gather(a, b);
    co_await both;
}

TEST_CASE("a woken getter that finds the queue empty again waits again, at the back") {
    Run run;
    looplab::run(stolen_item_main());
    CHECK(run.lines() == Lines{"t=0 main stole 1", "t=0 getters 2", "t=0 B got 2", "t=0 A got 3"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-1\n0.000000 1 Task-2\n"
          "0.000000 1 Task-1\n0.000000 1 Task-3\n0.000000 1 Task-2\n0.000000 1 Task-1\n" +
              shutdown_ticks(0, 4));
}

// --- task_done / join --------------------------------------------------------------------------

Coroutine<void> joiner(Queue<std::string>& q, std::string name) {
    co_await q.join();
    print(at(name + " joined"));
}

Coroutine<void> join_worker(Queue<std::string>& q) {
    while (true) {
        std::string item = co_await q.get();
        co_await sleep(1);
        print(at("worker done with " + item));
        q.task_done();
    }
}

Coroutine<void> join_main() {
    Queue<std::string> q;
    co_await q.join();
    print(at("join with nothing unfinished"));
    q.put_nowait("x");
    q.get_nowait();
    q.task_done();
    co_await q.join();
    print(at("join after task_done"));
    for (int i = 0; i < 3; ++i) q.put_nowait(n(i));
    Task<void> j1 = create_task(joiner(q, "J1"));
    Task<void> j2 = create_task(joiner(q, "J2"));
    Task<void> j3 = create_task(joiner(q, "J3"));
    Task<void> w = create_task(join_worker(q));
    co_await sleep(0.5);
    j2.cancel();
    co_await q.join();
    print(at(std::string("main joined, j2 cancelled: ") + (j2.cancelled() ? "True" : "False")));
    q.put_nowait("9");
    co_await sleep(0);
    print(at(std::string("j1 done ") + (j1.done() ? "True" : "False") + " j3 done " + (j3.done() ? "True" : "False")));
    co_await q.join();
    print(at("main joined again"));
    w.cancel();
    try {
        q.task_done();
    } catch (const ValueError&) {
        print(at(exception_repr(std::current_exception())));
    }
}

TEST_CASE("task_done and join: no wait when nothing is unfinished, joiners woken in order, cancelled joiner") {
    Run run;
    looplab::run(join_main());
    CHECK(run.lines() == Lines{
                             "t=0 join with nothing unfinished",
                             "t=0 join after task_done",
                             "t=1 worker done with 0",
                             "t=2 worker done with 1",
                             "t=3 worker done with 2",
                             "t=3 J1 joined",
                             "t=3 J3 joined",
                             "t=3 main joined, j2 cancelled: True",
                             "t=3 j1 done True j3 done True",
                             "t=4 worker done with 9",
                             "t=4 main joined again",
                             "t=4 ValueError('task_done() called too many times')",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-5\n"
          "0.500000 1 Task-1\n0.500000 1 Task-3\n1.000000 1 Task-5\n2.000000 1 Task-5\n3.000000 1 Task-5\n"
          "3.000000 1 Task-2\n3.000000 1 Task-4\n3.000000 1 Task-1\n3.000000 1 Task-5\n3.000000 1 Task-1\n"
          "4.000000 1 Task-5\n4.000000 1 Task-1\n4.000000 1 Task-5\n" +
              shutdown_ticks(4, 6));
}

// --- tasks left waiting when main returns --------------------------------------------------------

Coroutine<void> cancellable_joiner(Queue<int>& q, std::string name) {
    try {
        co_await q.join();
    } catch (const CancelledError&) {
        print(at(name + " cancelled"));
        throw;
    }
}

// The queues outlive main() here, as Python objects referenced by the waiting tasks do.
Coroutine<void> leftover_main(Queue<int>& q, Queue<int>& e) {
    q.put_nowait(0);
    create_task(putter(q, "P", 1));
    create_task(cancellable_joiner(q, "J"));
    create_task(getter(e, "G1"));
    create_task(getter(e, "G2"));
    co_await sleep(0);
    e.put_nowait(5);  // wakes G1, which runs before asyncio.run cancels the others
    print(at("main returns"));
}

TEST_CASE("waiters left when main returns are cancelled by asyncio.run; a woken getter still gets its item") {
    Run run;
    Queue<int> q(1), e;
    looplab::run(leftover_main(q, e));
    CHECK(run.lines() == Lines{"t=0 main returns", "t=0 G1 got 5", "t=0 P cancelled", "t=0 J cancelled",
                               "t=0 G2 cancelled"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-5\n"
          "0.000000 1 Task-1\n0.000000 1 Task-4\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-5\n" +
              shutdown_ticks(0, 6));
    CHECK(q.str() == "<Queue maxsize=1 _queue=[0] tasks=1>");
    CHECK(e.str() == "<Queue maxsize=0 tasks=1>");
}

// In C++ a queue can die before the tasks waiting on it (here: a local of main, whose
// leftover tasks asyncio.run cancels afterwards). Their cancellation must not touch it.
Coroutine<void> dying_queue_main() {
    Queue<int> q(1);
    q.put_nowait(0);
    create_task(putter(q, "P", 1));
    create_task(cancellable_joiner(q, "J"));
    Queue<int> e;
    create_task(getter(e, "G"));
    co_await sleep(0);
    print(at("main returns"));
}

TEST_CASE("tasks waiting on a queue that died with main() are cancelled safely") {
    Run run;
    looplab::run(dying_queue_main());
    CHECK(run.lines() == Lines{"t=0 main returns", "t=0 P cancelled", "t=0 J cancelled", "t=0 G cancelled"});
}

// --- the cashier simulation (tutorial 002, chapter 12, first version) --------------------------

namespace {
struct Product {
    std::string name;
    double checkout_time;
};
struct Customer {
    int customer_id;
    std::vector<Product> products;
};
}  // namespace

Coroutine<void> checkout_customer(Queue<Customer>& queue, int cashier_number) {
    std::string cashier = "cashier " + n(cashier_number);
    while (!queue.empty()) {
        Customer customer = queue.get_nowait();
        std::string id = n(customer.customer_id);
        print(at(cashier + " checking out customer " + id));
        for (const Product& product : customer.products) {
            print(at(cashier + " scanning " + product.name + " of customer " + id));
            co_await sleep(product.checkout_time);
        }
        print(at(cashier + " finished customer " + id));
        queue.task_done();
    }
}

Coroutine<void> join_queue(Queue<Customer>& q) { co_await q.join(); }

Coroutine<void> cashier_main() {
    Queue<Customer> customer_queue;
    Product beer{"beer", 2}, bananas{"bananas", .5}, sausage{"sausage", .2}, diapers{"diapers", .2};
    std::vector<std::vector<Product>> baskets = {{diapers, beer}, {bananas},          {sausage, sausage, bananas},
                                                 {},              {beer},             {bananas, diapers},
                                                 {sausage},       {beer, sausage},    {diapers},
                                                 {bananas, bananas}};
    for (int i = 0; i < 10; ++i) customer_queue.put_nowait(Customer{i, baskets[i]});
    std::vector<Future<void>> cashiers;
    for (int i = 0; i < 3; ++i) cashiers.push_back(create_task(checkout_customer(customer_queue, i)));
    // asyncio.gather(customer_queue.join(), *cashiers)
    std::vector<Future<void>> all{ensure_future(join_queue(customer_queue))};
    all.insert(all.end(), cashiers.begin(), cashiers.end());
    auto g = gather(all);
    co_await g;
    print(at("all customers served"));
}

TEST_CASE("cashier simulation: 3 cashiers serve 10 customers from a Queue") {
    // Python twin: the tutorial's program with these fixed baskets and English messages.
    Run run;
    looplab::run(cashier_main());
    CHECK(run.lines() == Lines{
                             "t=0 cashier 0 checking out customer 0",
                             "t=0 cashier 0 scanning diapers of customer 0",
                             "t=0 cashier 1 checking out customer 1",
                             "t=0 cashier 1 scanning bananas of customer 1",
                             "t=0 cashier 2 checking out customer 2",
                             "t=0 cashier 2 scanning sausage of customer 2",
                             "t=0.2 cashier 0 scanning beer of customer 0",
                             "t=0.2 cashier 2 scanning sausage of customer 2",
                             "t=0.4 cashier 2 scanning bananas of customer 2",
                             "t=0.5 cashier 1 finished customer 1",
                             "t=0.5 cashier 1 checking out customer 3",
                             "t=0.5 cashier 1 finished customer 3",
                             "t=0.5 cashier 1 checking out customer 4",
                             "t=0.5 cashier 1 scanning beer of customer 4",
                             "t=0.9 cashier 2 finished customer 2",
                             "t=0.9 cashier 2 checking out customer 5",
                             "t=0.9 cashier 2 scanning bananas of customer 5",
                             "t=1.4 cashier 2 scanning diapers of customer 5",
                             "t=1.6 cashier 2 finished customer 5",
                             "t=1.6 cashier 2 checking out customer 6",
                             "t=1.6 cashier 2 scanning sausage of customer 6",
                             "t=1.8 cashier 2 finished customer 6",
                             "t=1.8 cashier 2 checking out customer 7",
                             "t=1.8 cashier 2 scanning beer of customer 7",
                             "t=2.2 cashier 0 finished customer 0",
                             "t=2.2 cashier 0 checking out customer 8",
                             "t=2.2 cashier 0 scanning diapers of customer 8",
                             "t=2.4 cashier 0 finished customer 8",
                             "t=2.4 cashier 0 checking out customer 9",
                             "t=2.4 cashier 0 scanning bananas of customer 9",
                             "t=2.5 cashier 1 finished customer 4",
                             "t=2.9 cashier 0 scanning bananas of customer 9",
                             "t=3.4 cashier 0 finished customer 9",
                             "t=3.8 cashier 2 scanning sausage of customer 7",
                             "t=4 cashier 2 finished customer 7",
                             "t=4 all customers served",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-3\n0.000000 1 Task-4\n0.000000 1 Task-5\n"
          "0.200000 1 Task-2\n0.200000 1 Task-4\n0.400000 1 Task-4\n0.500000 1 Task-3\n0.900000 1 Task-4\n"
          "1.400000 1 Task-4\n1.600000 1 Task-4\n1.800000 1 Task-4\n2.200000 1 Task-2\n2.400000 1 Task-2\n"
          "2.500000 1 Task-3\n2.900000 1 Task-2\n3.400000 1 Task-2\n3.800000 1 Task-4\n4.000000 1 Task-4\n"
          "4.000000 1 Task-5\n4.000000 1 Task-1\n" +
              shutdown_ticks(4, 6));
}

// --- producer/consumer with Queue(maxsize=1) ---------------------------------------------------

Coroutine<void> producer(Queue<int>& q) {
    for (int i = 0; i < 4; ++i) {
        print(at("putting " + n(i) + " (qsize " + n(q.qsize()) + ")"));
        co_await q.put(i);
        print(at("put " + n(i)));
    }
    co_await q.put(-1);
    print(at("producer done"));
}

Coroutine<void> consumer(Queue<int>& q) {
    while (true) {
        int item = co_await q.get();
        if (item == -1) {
            q.task_done();
            print(at("consumer done"));
            break;
        }
        print(at("got " + n(item)));
        co_await sleep(0.5);
        q.task_done();
    }
}

Coroutine<void> producer_consumer_main() {
    Queue<int> q(1);
    Task<void> c = create_task(consumer(q));
    Task<void> p = create_task(producer(q));
    co_await p;
    print(at("producer finished, " + n(q.unfinished_tasks()) + " unfinished"));
    co_await q.join();
    print(at("joined"));
    co_await c;
}

TEST_CASE("producer/consumer over Queue(maxsize=1): output and ticks as CPython") {
    Run run;
    looplab::run(producer_consumer_main());
    CHECK(run.lines() == Lines{
                             "t=0 putting 0 (qsize 0)",
                             "t=0 put 0",
                             "t=0 putting 1 (qsize 1)",
                             "t=0 got 0",
                             "t=0 put 1",
                             "t=0 putting 2 (qsize 1)",
                             "t=0.5 got 1",
                             "t=0.5 put 2",
                             "t=0.5 putting 3 (qsize 1)",
                             "t=1 got 2",
                             "t=1 put 3",
                             "t=1.5 got 3",
                             "t=1.5 producer done",
                             "t=1.5 producer finished, 2 unfinished",
                             "t=2 consumer done",
                             "t=2 joined",
                         });
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.000000 1 Task-2\n"
          "0.000000 1 Task-3\n"
          "0.500000 1 Task-2\n"
          "0.500000 1 Task-3\n"
          "1.000000 1 Task-2\n"
          "1.000000 1 Task-3\n"
          "1.500000 1 Task-2\n"
          "1.500000 1 Task-3\n"
          "1.500000 1 Task-1\n"
          "2.000000 1 Task-2\n"
          "2.000000 1 Task-1\n"
          "2.000000 1 Task-4\n"
          "2.000000 1 Task-5\n");
}

// --- trace ----------------------------------------------------------------------------------

Coroutine<void> traced_main() {
    Queue<int> q(1);
    Task<void> g = create_task(getter(q, "G"));
    co_await sleep(0);
    q.put_nowait(7);  // wakes G
    co_await q.put(8);  // full (G has not run yet): waits
    co_await g;
    q.task_done();
    print(at("qsize " + n(q.qsize())));
}

TEST_CASE("queue operations are traced as primitive_op events") {
    Run run;
    looplab::run(traced_main());
    CHECK(run.lines() == Lines{"t=0 G got 7", "t=0 qsize 1"});
    CHECK(run.ticks() ==
          "0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-1\n0.000000 1 Task-2\n0.000000 1 Task-1\n" +
              shutdown_ticks(0, 3));
    CHECK(queue_ops(run) == Lines{"queue_get_wait 0", "queue_put 1", "queue_put_wait 1", "queue_get 0",
                                  "queue_put 1", "queue_task_done 1"});
    uint32_t created = 0;
    for (const TraceEvent& e : run.rt.tracer()->events())
        if (e.kind == EventKind::primitive_created) created = e.arg;
    CHECK(run.rt.tracer()->strings().get(created) == "Queue");
}

// --- deadlock --------------------------------------------------------------------------------

Coroutine<void> deadlock_main() {
    Queue<int> q;
    co_await q.get();
}

TEST_CASE("deadlock: a getter on an empty queue with no producer") {
    Run run;
    try {
        looplab::run(deadlock_main());
        FAIL("no deadlock reported");
    } catch (const RunEnded& e) {
        CHECK(e.exit_code() == 3);
        // CPython runner: exit 3, this stderr.
        CHECK(e.report() ==
              "looplab: deadlock at t=0\n"
              "  Task-1 waits for Queue.get (empty)");
    }
}
