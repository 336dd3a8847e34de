# expect: exit=1 stderr-last="SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'"
x = 1
print(f"{x!z}")
