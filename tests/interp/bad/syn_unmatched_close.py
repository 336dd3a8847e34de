# expect: exit=1 stderr-last="SyntaxError: unmatched ')'"
x = 1)
