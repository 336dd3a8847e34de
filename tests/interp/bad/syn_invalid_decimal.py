# expect: exit=1 stderr-last="SyntaxError: invalid decimal literal"
x = 1abc
