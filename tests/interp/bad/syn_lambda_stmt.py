# expect: exit=1 stderr-last="SyntaxError: invalid syntax"
f = lambda: return 1
