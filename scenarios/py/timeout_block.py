# Tutorial 002 (Chinese), chapter 2, "设置超时时间", written with 3.11's asyncio.timeout():
# the block is cancelled at the deadline and TimeoutError raised at its end; a block that
# finishes in time is not affected; reschedule() moves the deadline.
import asyncio
import time


async def main():
    try:
        async with asyncio.timeout(2):
            await asyncio.sleep(10)
        print('never printed')
    except TimeoutError:
        print(f'timed out at t={time.perf_counter():.1f}')

    async with asyncio.timeout(5) as cm:
        await asyncio.sleep(1)
    print(f'fast enough at t={time.perf_counter():.1f}: expired()={cm.expired()}')

    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(asyncio.get_running_loop().time() + 1.5)
            try:
                await asyncio.sleep(3)
            except asyncio.CancelledError:
                print(f'the block sees CancelledError at t={time.perf_counter():.1f}')
                raise
    except TimeoutError:
        print(f'rescheduled timeout at t={time.perf_counter():.1f}: expired()={cm.expired()}')
    print(f'cancelling()={asyncio.current_task().cancelling()}')


asyncio.run(main())
