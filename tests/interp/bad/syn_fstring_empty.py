# expect: exit=1 stderr-last="SyntaxError: f-string: empty expression not allowed"
x = 1
print(f"{}")
