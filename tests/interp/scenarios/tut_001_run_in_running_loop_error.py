# From: tutorials/001_05a791dc056d4108.txt — asyncio.run (RuntimeError: asyncio.run() cannot be called from a running event loop)
import asyncio


async def do_work():
    return 1


async def main():
    coro = do_work()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
    finally:
        coro.close()
    print(await do_work())


if __name__ == "__main__":
    asyncio.run(main())
