# A failing TaskGroup child cancels its siblings; the group raises an ExceptionGroup caught with except*.
import asyncio


async def sibling(name, d):
    try:
        await asyncio.sleep(d)
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time()}")
        raise


async def failing():
    await asyncio.sleep(1)
    raise ValueError("child failed")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling("quick", 0.5))
            tg.create_task(failing())
            tg.create_task(sibling("slow", 5))
            tg.create_task(sibling("slower", 10))
            print("body done; waiting for children")
    except* ValueError as eg:
        print("caught:", repr(eg))
        print("exceptions:", eg.exceptions)
    print("after group at", asyncio.get_running_loop().time())


asyncio.run(main())
