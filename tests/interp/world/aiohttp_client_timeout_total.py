# ClientTimeout(total): TimeoutError after `total` seconds when the latency is longer.
import asyncio, time, aiohttp, sim

sim.set_latency('https://slow', 2)


async def attempt(session, **kwargs):
    start = time.monotonic()
    try:
        async with session.get('https://slow', **kwargs) as resp:
            print('ok', resp.status, time.monotonic() - start)
    except asyncio.TimeoutError as e:
        print('timeout', repr(e), time.monotonic() - start,
              isinstance(e, aiohttp.ClientError), e.args)


async def main():
    half = aiohttp.ClientTimeout(total=0.5)
    async with aiohttp.ClientSession(timeout=half) as session:
        await attempt(session)
        await attempt(session, timeout=aiohttp.ClientTimeout(total=2))
        await attempt(session, timeout=aiohttp.ClientTimeout(total=0))
        await attempt(session, timeout=aiohttp.ClientTimeout(1.5, connect=.1))
        await attempt(session, timeout=3)
        await attempt(session, timeout=0.25)
        await attempt(session, timeout=2)
        print(session.timeout)
    async with aiohttp.ClientSession() as session:
        await attempt(session)
        await attempt(session, timeout=half)
    print(half, aiohttp.ClientTimeout(), aiohttp.ClientTimeout(1, 2), half.total, half.connect)


asyncio.run(main())
