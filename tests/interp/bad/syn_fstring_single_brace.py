# expect: exit=1 stderr-last="SyntaxError: f-string: single '}' is not allowed"
x = 1
print(f"a } b")
