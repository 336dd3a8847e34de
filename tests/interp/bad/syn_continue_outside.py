# expect: exit=1 stderr-last="SyntaxError: 'continue' not properly in loop"
def f():
    continue
