# A child cancelled on its own: gather raises CancelledError (without return_exceptions) but siblings continue.
import asyncio


async def child(name, d):
    await asyncio.sleep(d)
    print(f"{name} finished at {asyncio.get_running_loop().time()}")
    return name


async def main():
    victim = asyncio.create_task(child("victim", 5))
    other = asyncio.create_task(child("other", 2))
    asyncio.get_running_loop().call_later(1, victim.cancel)
    try:
        await asyncio.gather(victim, other)
    except asyncio.CancelledError:
        print("gather raised CancelledError at", asyncio.get_running_loop().time())
    print("main not cancelled:", not asyncio.current_task().cancelled())
    print(await other)


asyncio.run(main())
