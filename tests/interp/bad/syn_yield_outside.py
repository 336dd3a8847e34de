# expect: exit=1 stderr-last="SyntaxError: 'yield' outside function"
yield 1
