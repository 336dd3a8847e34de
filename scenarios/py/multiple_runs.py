# Tutorial 000 (Chinese), "使用asyncio.run,多次运行是否安全": asyncio.run called several
# times from synchronous code. Each call makes a new event loop (1, 2, 3 in the ticks) and
# task names keep counting across runs, including asyncio.run's two shutdown tasks.
import asyncio
import time


async def my_task(url: str) -> str:
    await asyncio.sleep(1)
    return f'{url} by {asyncio.current_task().get_name()} at t={time.perf_counter():.1f}'


async def gather_tasks(*integration_tasks):
    print(f'gather_tasks runs as {asyncio.current_task().get_name()}')
    return await asyncio.gather(*integration_tasks)


def complete_integrations(*integration_tasks):
    return asyncio.run(gather_tasks(*integration_tasks))


for round_number in range(3):
    integration_tasks = [my_task('url1'), my_task('url2')]
    print(complete_integrations(*integration_tasks))
