# expect: exit=1 stderr-last="SyntaxError: duplicate argument 'a' in function definition"
def f(a, a):
    pass
