# Task-N names: asyncio.run's main task is Task-1; each create_task takes the next number.
import asyncio


async def child(n):
    await asyncio.sleep(n / 10)
    return asyncio.current_task().get_name()


async def main():
    print("main is", asyncio.current_task().get_name())
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2), name="custom")
    t3 = asyncio.create_task(child(3))
    print(t1.get_name(), t2.get_name(), t3.get_name())
    t3.set_name("renamed")
    print(await t1, await t2, await t3)
    # a name that is not a str is converted with str()
    t4 = asyncio.create_task(child(0), name=42)
    print(repr(t4.get_name()), await t4)
    t5 = asyncio.get_running_loop().create_task(child(0))
    print(t5.get_name(), await t5)


asyncio.run(main())
print("second run:")
asyncio.run(main())
