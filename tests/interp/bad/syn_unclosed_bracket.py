# expect: exit=1 stderr-last="SyntaxError: '[' was never closed"
xs = [1, 2, 3
