# expect: exit=1 stderr-last="SyntaxError: 'await' outside async function"
import asyncio
def f():
    await asyncio.sleep(1)
