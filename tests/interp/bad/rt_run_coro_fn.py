# expect: exit=1 stderr-contains="ValueError: a coroutine was expected, got <function main at 0x"
import asyncio
async def main():
    pass
asyncio.run(main)
