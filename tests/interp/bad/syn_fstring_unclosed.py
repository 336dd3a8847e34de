# expect: exit=1 stderr-last="SyntaxError: f-string: expecting '}'"
x = 1
print(f"{x")
