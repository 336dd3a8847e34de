# expect: exit=1 stderr-last="SyntaxError: '(' was never closed"
x = (1 +
