# Tutorial 004 (Ukrainian), "Типові помилки": deadlocks - tasks waiting for something no one
# will ever provide. main awaits a task that awaits a future nobody sets; LoopLab ends the
# run with a deadlock report (exit 3).
import asyncio


async def waiter(fut):
    print('waiter: waiting for a future nobody will set')
    await fut
    print('never printed')


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(waiter(fut))
    await asyncio.sleep(1)
    print('main: waiting for the waiter')
    await task


asyncio.run(main())
