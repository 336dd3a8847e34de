# finally blocks (and awaits inside them) run when a task is cancelled, innermost first.
import asyncio


async def level3():
    try:
        await asyncio.sleep(10)
    finally:
        print("level3 finally at", asyncio.get_running_loop().time())


async def level2():
    try:
        await level3()
    finally:
        await asyncio.sleep(0.25)
        print("level2 finally (after an await) at", asyncio.get_running_loop().time())


async def level1():
    try:
        await level2()
    except asyncio.CancelledError:
        print("level1 except CancelledError")
        raise
    else:
        print("else: not run")
    finally:
        print("level1 finally")


async def main():
    t = asyncio.create_task(level1())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())


asyncio.run(main())
