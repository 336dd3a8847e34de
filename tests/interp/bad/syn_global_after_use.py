# expect: exit=1 stderr-last="SyntaxError: name 'x' is used prior to global declaration"
# known-gap: LoopLab says 'used before global declaration'; CPython 3.11 says 'used prior to global declaration'
x = 1
def f():
    print(x)
    global x
