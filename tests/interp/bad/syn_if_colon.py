# expect: exit=1 stderr-last="SyntaxError: expected ':'"
x = 1
if x
    print(x)
