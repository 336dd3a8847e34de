# expect: exit=1 stderr-last="SyntaxError: 'return' outside function"
x = 1
return x
