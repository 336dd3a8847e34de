# expect: exit=1 stderr-last="SyntaxError: '(' was never closed"
print((1, 2)
x = 3
