# From: tutorials/002_0b10f73f7bace513.txt — 超时后任务不取消 (wait_for + shield)
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    task = asyncio.create_task(delay(10))

    try:
        result = await asyncio.wait_for(asyncio.shield(task), 5)
        print(result)
    except TimeoutError:
        print("任务已超时,但不会停止运行!")
        result = await task
        print(result)


asyncio.run(main())
