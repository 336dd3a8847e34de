# expect: exit=1 stderr-last="SyntaxError: cannot delete literal"
del 1
