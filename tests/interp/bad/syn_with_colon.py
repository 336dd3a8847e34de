# expect: exit=1 stderr-last="SyntaxError: expected ':'"
with open("x") as f
    pass
