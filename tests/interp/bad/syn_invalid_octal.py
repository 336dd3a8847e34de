# expect: exit=1 stderr-last="SyntaxError: invalid digit '8' in octal literal"
x = 0o8
