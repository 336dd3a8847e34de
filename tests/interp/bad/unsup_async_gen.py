# expect: exit=1 stderr-last="NotImplementedError: LoopLab does not support async generators yet ('agen'); write a class with __aiter__ and __anext__ instead"
import asyncio
async def agen():
    yield 1
async def main():
    async for x in agen():
        print(x)
asyncio.run(main())
