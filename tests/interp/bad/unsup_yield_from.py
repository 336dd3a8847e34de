# expect: exit=1 stderr-last="SyntaxError: LoopLab does not support 'yield from' (use 'await' in async def)"
def g():
    yield from [1, 2]
print(list(g()))
