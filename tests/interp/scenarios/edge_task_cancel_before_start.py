# A task cancelled before its first step never runs its body.
import asyncio


async def body(label):
    print(f"body {label} ran")
    return label


async def main():
    t = asyncio.create_task(body("cancelled-early"))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start:", t.cancelled())
    t2 = asyncio.create_task(body("normal"))
    await asyncio.sleep(0)
    print("after one iteration t2 is done:", t2.done(), t2.result())


asyncio.run(main())
