# shield: cancelling the awaiting task does not cancel the shielded one.
import asyncio


async def important():
    await asyncio.sleep(2)
    print(f"important work finished at {asyncio.get_running_loop().time()}")
    return "saved"


async def waiter(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print(f"waiter cancelled at {asyncio.get_running_loop().time()}; inner cancelled? {t.cancelled()}")
        raise


async def main():
    inner = asyncio.create_task(important())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("w.cancelled():", w.cancelled())
    print("inner result:", await inner)
    # cancelling the inner task itself does reach the shield's awaiter
    inner2 = asyncio.create_task(important())
    w2 = asyncio.create_task(waiter(inner2))
    await asyncio.sleep(0.5)
    inner2.cancel()
    try:
        await w2
    except asyncio.CancelledError:
        print("w2 got CancelledError at", asyncio.get_running_loop().time())


asyncio.run(main())
