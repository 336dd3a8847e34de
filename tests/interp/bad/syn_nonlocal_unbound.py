# expect: exit=1 stderr-last="SyntaxError: no binding for nonlocal 'zz' found"
def f():
    def g():
        nonlocal zz
    return g
