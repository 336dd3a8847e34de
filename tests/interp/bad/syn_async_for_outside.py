# expect: exit=1 stderr-last="SyntaxError: 'async for' outside async function"
def f(xs):
    async for x in xs:
        pass
