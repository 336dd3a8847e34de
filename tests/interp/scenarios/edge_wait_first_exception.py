# wait(FIRST_EXCEPTION) returns at the first failure; pending tasks keep running until cancelled.
import asyncio


async def ok(d):
    await asyncio.sleep(d)
    return d


async def bad(d):
    await asyncio.sleep(d)
    raise ValueError(f"bad after {d}")


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(ok(0.5)), asyncio.create_task(bad(1)), asyncio.create_task(ok(3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"t={loop.time()} done={len(done)} pending={len(pending)}")
    for t in tasks:
        if t in done:
            print(t.get_name(), "exception:", repr(t.exception()))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(tasks)
    print(f"t={loop.time()}", [t.cancelled() for t in tasks])
    # with no failure FIRST_EXCEPTION waits for everything
    done, pending = await asyncio.wait([asyncio.create_task(ok(1))], return_when=asyncio.FIRST_EXCEPTION)
    print(f"t={loop.time()} done={len(done)} pending={len(pending)}")
    print(asyncio.FIRST_EXCEPTION, asyncio.FIRST_COMPLETED, asyncio.ALL_COMPLETED)


asyncio.run(main())
