# From: tutorials/002_0b10f73f7bace513.txt — gather 中的异常 (False: 即使其中一个协程失败了,我们的其他协程也不会被取消)
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def fail_after(seconds):
    await asyncio.sleep(seconds)
    raise ValueError(f'failed after {seconds} second(s)')


async def main():
    try:
        await asyncio.gather(delay(1), fail_after(2), delay(3))
    except ValueError as e:
        print(f'gather raised: {e}')
    await asyncio.sleep(2)
    print('main done')


asyncio.run(main())
