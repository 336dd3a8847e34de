# From: tutorials/002_0b10f73f7bace513.txt — asyncio.sleep
import asyncio


async def hello_world_message() -> str:
    await asyncio.sleep(1)
    return "Hello World!"


async def main() -> None:
    message = hello_world_message()
    print(message)


asyncio.run(main())
