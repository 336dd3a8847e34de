# A self-rescheduling call_later ticker under run_forever: stopped at the time limit (exit 0).
import asyncio

loop = asyncio.new_event_loop()
count = 0


def tick():
    global count
    count += 1
    if count % 25 == 0:
        print(f"tick {count} at {loop.time():.1f}")
    loop.call_later(2.5, tick)


loop.call_soon(tick)
loop.run_forever()
