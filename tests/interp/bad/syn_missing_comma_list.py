# expect: exit=1 stderr-last="SyntaxError: invalid syntax. Perhaps you forgot a comma?"
xs = [1 2]
