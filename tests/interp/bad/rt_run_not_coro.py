# expect: exit=1 stderr-last="ValueError: a coroutine was expected, got 5"
import asyncio
asyncio.run(5)
