# From: tutorials/002_0b10f73f7bace513.txt — 第二章 简单协程示例
import asyncio


async def coroutine_add_one(number: int) -> int:
    return number + 1


result = asyncio.run(coroutine_add_one(1))
print(coroutine_add_one(1))
print(result)
