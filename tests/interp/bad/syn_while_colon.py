# expect: exit=1 stderr-last="SyntaxError: expected ':'"
while False
    pass
