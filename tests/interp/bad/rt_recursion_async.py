# expect: exit=1 stderr-last="RecursionError: maximum recursion depth exceeded"
# known-gap: unbounded await recursion hangs (killed after 20 s) instead of raising RecursionError
import asyncio
async def f(n):
    return await f(n + 1)
asyncio.run(f(0))
