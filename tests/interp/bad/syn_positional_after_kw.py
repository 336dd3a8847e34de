# expect: exit=1 stderr-last="SyntaxError: positional argument follows keyword argument"
print(sep="", 1)
