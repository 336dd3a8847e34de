# From: tutorials/004_1b2e1f106161893f.txt — Типові помилки при роботі з asyncio (custom_coro() without await: never awaited)
async def custom_coro():
    print('hi there')
custom_coro()
print('the body never ran')
