# Tutorial 002 (Chinese), chapter 3, "事件循环", and tutorial 001 (Chinese),
# "loop.run_until_complete": a loop made by hand with new_event_loop(), run with
# run_until_complete (no asyncio.run, so no shutdown tasks), then closed.
import asyncio
import time


async def main():
    print(f'main runs as {asyncio.current_task().get_name()}')
    await asyncio.sleep(1)
    return f'slept until t={time.perf_counter():.1f}'


async def do_work():
    return 1


loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(main()))
    print(loop.run_until_complete(do_work()))
finally:
    loop.close()
print(f'loop closed: {loop.is_closed()}')
