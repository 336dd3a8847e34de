# expect: exit=1 stderr-last="SyntaxError: keyword argument repeated: sep"
print(1, sep="a", sep="b")
