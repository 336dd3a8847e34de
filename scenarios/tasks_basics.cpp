// Scenarios about tasks and awaiting: sequential awaits vs concurrent tasks, when a created
// task starts, sleep(0) and the order in which awaited tasks return. Each is the C++ twin of
// scenarios/py/<name>.py; the comment above each names the tutorial it comes from.
#include "looplab/gather.hpp"
#include "looplab/runners.hpp"
#include "looplab/sleep.hpp"
#include "scenario.hpp"
#include "tutorial_util.hpp"

using namespace looplab;
using namespace looplab::scenarios;
using looplab::scenarios::format;

namespace {

// Tutorial 004's delay(): prints with the self-documenting f"{seconds=}".
Coroutine<void> delay_004(int seconds) {
    print(format("delay(seconds=%d) started", seconds));
    co_await sleep(seconds);
    print(format("delay(seconds=%d) finished", seconds));
}

// --- sequential_awaits ---------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Чому асинхронний код з await може виконуватись синхронно?"
Coroutine<void> sequential_main() {
    double start_time = virtual_time();
    co_await delay_004(1);
    co_await delay_004(3);
    co_await delay_004(2);
    print(format("elapsed time: %.1f seconds", virtual_time() - start_time));
}

// --- concurrent_tasks ----------------------------------------------------------------------
// Tutorial 004 (Ukrainian), "Для чого використовується asyncio.create_task(...)?"
Coroutine<void> concurrent_main() {
    double start_time = virtual_time();
    Task<void> first_task = create_task(delay_004(1));
    Task<void> second_task = create_task(delay_004(3));
    Task<void> third_task = create_task(delay_004(2));
    print("before first await");
    co_await first_task;
    print("after first_task");
    co_await second_task;
    print("after second_task");
    co_await third_task;
    print(format("elapsed time: %.1f seconds", virtual_time() - start_time));
}

// --- first_await_rule ----------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "运行多个任务 示例二"
Coroutine<void> hello_every_second() {
    for (int i = 0; i < 2; ++i) {
        co_await sleep(1);
        print(format("I'm running other code while I'm waiting! t=%.1f", virtual_time()));
    }
}

Coroutine<void> first_await_main() {
    Task<int> first_delay = create_task(delay_002(3));
    Task<int> second_delay = create_task(delay_002(3));
    print("two tasks created, neither has started yet");
    co_await hello_every_second();
    co_await first_delay;
    co_await second_delay;
    print(format("all done at t=%.1f", virtual_time()));
}

// --- sleep0_interleaving -------------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 14, "强制运行事件循环"
Coroutine<void> create_tasks_no_sleep() {
    Task<int> task1 = create_task(delay_002(1));
    Task<int> task2 = create_task(delay_002(2));
    print("got the tasks:");
    co_await gather(task1, task2);
}

Coroutine<void> create_tasks_sleep() {
    Task<int> task1 = create_task(delay_002(1));
    co_await sleep(0);
    Task<int> task2 = create_task(delay_002(2));
    co_await sleep(0);
    print("got the tasks:");
    co_await gather(task1, task2);
}

Coroutine<void> ping_pong(const char* name) {
    for (int i = 0; i < 3; ++i) {
        print(format("%s %d", name, i));
        co_await sleep(0);
    }
}

Coroutine<void> sleep0_main() {
    print("--- without asyncio.sleep(0) ---");
    co_await create_tasks_no_sleep();
    print("--- with asyncio.sleep(0) ---");
    co_await create_tasks_sleep();
    print("--- two tasks taking turns with sleep(0) ---");
    co_await gather(ping_pong("ping"), ping_pong("pong"));
}

// --- create_task_await_order ---------------------------------------------------------------
// Tutorial 002 (Chinese), chapter 2, "运行多个任务 示例一"
Coroutine<void> await_order_main() {
    Task<int> sleep_for_three = create_task(delay_002(3));
    Task<int> sleep_for_one = create_task(delay_002(1));
    Task<int> sleep_for_two = create_task(delay_002(2));
    int result = co_await sleep_for_one;
    print(format("awaited the 1 s task: %d at t=%.1f", result, virtual_time()));
    result = co_await sleep_for_three;
    print(format("awaited the 3 s task: %d at t=%.1f", result, virtual_time()));
    result = co_await sleep_for_two;
    print(format("awaited the 2 s task: %d at t=%.1f", result, virtual_time()));
}

}  // namespace

LOOPLAB_SCENARIO(sequential_awaits, "004: awaiting three delays one after another takes 6 s") {
    run(sequential_main());
}

LOOPLAB_SCENARIO(concurrent_tasks, "004: the same delays as tasks take 3 s") {
    run(concurrent_main());
}

LOOPLAB_SCENARIO(first_await_rule, "002: created tasks start only when the creator awaits") {
    run(first_await_main());
}

LOOPLAB_SCENARIO(sleep0_interleaving, "002: asyncio.sleep(0) lets new tasks run their first step") {
    run(sleep0_main());
}

LOOPLAB_SCENARIO(create_task_await_order, "002: awaiting tasks in a chosen order; done tasks return at once") {
    run(await_order_main());
}
