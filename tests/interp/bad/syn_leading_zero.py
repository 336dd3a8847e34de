# expect: exit=1 stderr-last="SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
x = 012
