# expect: exit=1 stderr-last="SyntaxError: closing parenthesis ')' does not match opening parenthesis '['"
xs = [1, 2)
