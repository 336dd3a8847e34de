# expect: exit=1 stderr-last="TypeError: object int can't be used in 'await' expression"
import asyncio
async def main():
    await 5
asyncio.run(main())
