# compare: full-stderr
# Tasks kept in a module-level list fail unnoticed; asyncio.run() returns and the module then
# raises: the traceback first, the never-retrieved exceptions when the module's globals go.
import asyncio

tasks = []


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"boom {n}")


async def main():
    tasks.append(asyncio.create_task(fail(0.1)))
    tasks.append(asyncio.create_task(fail(0.2)))
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
print("after run")
raise RuntimeError("after asyncio.run")
