# expect: exit=1 stderr-last="SyntaxError: expected ':'"
for i in range(3)
    print(i)
