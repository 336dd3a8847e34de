# gather() wraps each coroutine in a Task, consuming Task-N numbers in argument order.
import asyncio


async def who(label, delay):
    await asyncio.sleep(delay)
    name = asyncio.current_task().get_name()
    print(f"{asyncio.get_running_loop().time():.1f} {label} ran as {name}")
    return name


async def main():
    t = asyncio.create_task(who("explicit", 0.3))
    names = await asyncio.gather(who("a", 0.2), t, who("b", 0.1))
    print(names)
    after = asyncio.create_task(who("after", 0))
    print("next task is", after.get_name())
    await after


asyncio.run(main())
