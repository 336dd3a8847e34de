# From: tutorials/004_1b2e1f106161893f.txt — Типові помилки при роботі з asyncio (TypeError: 'coroutine' object is not callable)
async def custom_coro():
    print('hi there')

coro = custom_coro()
coro()  # TypeError: 'coroutine' object is not callable
