// Scenarios about the synchronisation primitives of tutorial 002, chapter 11: Lock,
// Semaphore, BoundedSemaphore, Event, Condition, and a lock-ordering deadlock (004).
#include <functional>

#include "looplab/condition.hpp"
#include "looplab/event.hpp"
#include "looplab/gather.hpp"
#include "looplab/lock.hpp"
#include "looplab/runners.hpp"
#include "looplab/semaphore.hpp"
#include "looplab/sleep.hpp"
#include "pyfmt.hpp"
#include "scenario.hpp"
#include "tutorial_util.hpp"

using namespace looplab;
using namespace looplab::scenarios;

namespace {

// --- lock_a_b ------------------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 11, "asyncio 锁"
Coroutine<void> lock_a(Lock* lock) {
    print("等待 a 获取锁");
    {
        auto guard = co_await lock->scoped();
        print("a 获取到了锁");
        co_await delay_002(2);
    }
    print("a 释放了锁");
}

Coroutine<void> lock_b(Lock* lock) {
    print("等待 b 获取锁");
    {
        auto guard = co_await lock->scoped();
        print("b 获取到了锁");
        co_await delay_002(2);
    }
    print("b 释放了锁");
}

Coroutine<void> lock_a_b_amain() {
    Lock lock;
    co_await gather(lock_a(&lock), lock_b(&lock));
    print(format("locked() at the end: %s", py_bool(lock.locked())));
}

// --- semaphore_workers ---------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 11, "信号量"
Coroutine<void> operation(Semaphore* semaphore, int n) {
    print(format("%d: 等待获取信号量...", n));
    {
        auto guard = co_await semaphore->scoped();
        print(format("%d: 获取到信号量! t=%.1f", n, virtual_time()));
        co_await sleep(2);
        print(format("%d: 释放信号量!", n));
    }
}

Coroutine<void> semaphore_workers_amain() {
    Semaphore semaphore(2);
    std::vector<Coroutine<void>> ops;
    for (int n = 0; n < 4; ++n) ops.push_back(operation(&semaphore, n));
    co_await gather(std::move(ops));
    print(format("elapsed %.1f s", virtual_time()));
}

// --- bounded_semaphore ---------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 11, "有界信号量"
Coroutine<void> bounded_semaphore_amain() {
    BoundedSemaphore semaphore(1);
    co_await semaphore.acquire();
    print(format("acquired, locked()=%s", py_bool(semaphore.locked())));
    semaphore.release();
    print(format("released once, locked()=%s", py_bool(semaphore.locked())));
    semaphore.release();
    print("never printed");
}

// --- event_wakes_all -----------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 11, "Event"
void trigger_event(Event* event) {
    print(format("event.set() at t=%.1f", virtual_time()));
    event->set();
}

Coroutine<void> do_work_on_event(Event* event, int n) {
    print(format("%d: 等待 event...", n));
    co_await event->wait();
    print(format("%d: 开始工作! t=%.1f", n, virtual_time()));
    co_await sleep(1);
    print(format("%d: 完成工作!", n));
    event->clear();
}

Coroutine<void> event_wakes_all_amain() {
    Event event;
    get_running_loop().call_later(5.0, std::bind(trigger_event, &event));
    std::vector<Coroutine<void>> workers;
    for (int n = 0; n < 3; ++n) workers.push_back(do_work_on_event(&event, n));
    co_await gather(std::move(workers));
    print(format("is_set() at the end: %s", py_bool(event.is_set())));
}

// --- condition_notify ----------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 11, "Conditions"
Coroutine<void> do_work(Condition* condition, std::string name) {
    while (true) {
        auto guard = co_await condition->scoped();
        print(name + " 等待 notify_all ...");
        co_await condition->wait();
        print(format("%s 监听到 notify_all 事件... t=%.1f", name.c_str(), virtual_time()));
        co_await sleep(1);
        print(name + " 工作结束,释放锁.");
    }
}

Coroutine<void> fire_event(Condition* condition) {
    while (true) {
        co_await sleep(5);
        auto guard = co_await condition->scoped();
        print("fire_event,即将通知所有开始工作.");
        condition->notify_all();
        print("fire_event 通知工作结束.");
    }
}

Coroutine<void> condition_notify_amain() {
    Condition condition;
    create_task(fire_event(&condition));
    co_await gather(do_work(&condition, "work1"), do_work(&condition, "work2"));
}

// --- deadlock_locks ------------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Типові помилки": deadlocks
Coroutine<void> lock_worker(std::string name, Lock* first, Lock* second) {
    auto guard = co_await first->scoped();
    print(name + " holds its first lock");
    co_await sleep(1);
    print(name + " waits for its second lock");
    auto guard2 = co_await second->scoped();
    print("never printed");
}

Coroutine<void> deadlock_locks_amain() {
    Lock a, b;
    co_await gather(lock_worker("one", &a, &b), lock_worker("two", &b, &a));
}

}  // namespace

LOOPLAB_SCENARIO(lock_a_b, "002: coroutines a and b take turns holding one Lock") {
    run(lock_a_b_amain());
}

LOOPLAB_SCENARIO(semaphore_workers, "002: Semaphore(2) lets two of four operations in at a time") {
    run(semaphore_workers_amain());
}

LOOPLAB_SCENARIO(bounded_semaphore, "002: BoundedSemaphore released too many times (exit 1)") {
    run(bounded_semaphore_amain());
}

LOOPLAB_SCENARIO(event_wakes_all, "002: Event.set() from call_later wakes every waiter") {
    run(event_wakes_all_amain());
}

LOOPLAB_SCENARIO(condition_notify, "002: Condition.notify_all() every 5 s, endless (--until 12)") {
    run(condition_notify_amain());
}

LOOPLAB_SCENARIO(deadlock_locks, "004: two locks taken in opposite order deadlock (exit 3)") {
    run(deadlock_locks_amain());
}
