# From: tutorials/004_1b2e1f106161893f.txt — Що таке async/await, навіщо вони потрібні і як їх використовувати
import asyncio
import aiohttp

import sim

sim.set_latency('https://www.python.org', 0.3)

urls = ['https://www.google.com', 'https://www.python.org']


async def call_url(session, url):
    print(f'Run {url}')
    async with session.get(url) as response:
        data = await response.text()
        print(f'{url}: {len(data)} bytes')
        return data


async def main(urls):
    async with aiohttp.ClientSession() as session:
        tasks = [call_url(session, url) for url in urls]
        results = await asyncio.gather(*tasks)
        return results

asyncio.run(main(urls))  # Run the event loop
