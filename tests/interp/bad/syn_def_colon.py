# expect: exit=1 stderr-last="SyntaxError: expected ':'"
def f()
    return 1
