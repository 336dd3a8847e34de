# From: tutorials/001_05a791dc056d4108.txt — create_task (loop.create_task + add_done_callback)
import asyncio
from asyncio import Task


async def do_work():
    return 222


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    task = loop.create_task(do_work())

    def done_callback(task: Task):
        print("callback got", task.result())
        future.set_result(task.result())

    task.add_done_callback(done_callback)
    print("task done yet?", task.done())
    print(await future)  # 222
    print(await task)


asyncio.run(main())
