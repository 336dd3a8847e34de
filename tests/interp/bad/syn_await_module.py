# expect: exit=1 stderr-last="SyntaxError: 'await' outside function"
import asyncio
await asyncio.sleep(1)
