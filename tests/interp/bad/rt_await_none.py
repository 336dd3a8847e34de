# expect: exit=1 stderr-last="TypeError: object function can't be used in 'await' expression"
import asyncio
async def f():
    pass
async def main():
    await f
asyncio.run(main())
