# requests.get in coroutines freezes the loop: steps start after the block.
import asyncio, time, requests, sim

sim.set_latency('https://example.com', 1)


async def ticker():
    for _ in range(3):
        print('tick', time.monotonic())
        await asyncio.sleep(0.5)


async def get(i):
    resp = requests.get(f'https://example.com/{i}')
    print(i, resp.status_code, time.monotonic())


async def main():
    await asyncio.gather(ticker(), get(1), get(2))
    print('total', time.monotonic())


asyncio.run(main())
