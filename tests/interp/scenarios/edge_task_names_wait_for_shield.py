# wait_for, shield and as_completed create tasks for coroutines; the numbering shows it.
import asyncio


async def who(label):
    await asyncio.sleep(0.1)
    return f"{label}:{asyncio.current_task().get_name()}"


async def main():
    print(await asyncio.wait_for(who("wait_for"), timeout=5))
    print(await asyncio.shield(who("shield")))
    for fut in asyncio.as_completed([who("ac1"), who("ac2")]):
        print(await fut)
    done, _ = await asyncio.wait([asyncio.ensure_future(who("ensure_future"))])
    for d in done:
        print(d.result())
    print("next:", asyncio.create_task(who("x")).get_name())


asyncio.run(main())
