# Timers due at the same time run in the order they were scheduled (SPEC 4), even many of them.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    order = []
    for i in range(12):
        loop.call_later(1, order.append, i)
    for i in range(12, 16):
        loop.call_at(loop.time() + 1, order.append, i)
    tasks = [asyncio.create_task(asyncio.sleep(1, result=f"task{i}")) for i in range(6)]
    for i, t in enumerate(tasks):
        t.add_done_callback(lambda f: order.append(f.result()))
    await asyncio.sleep(1)
    print(order)
    await asyncio.gather(*tasks)
    print(order[16:])


asyncio.run(main())
