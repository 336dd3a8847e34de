# expect: exit=1 stderr-last="SyntaxError: invalid syntax"
else:
    pass
