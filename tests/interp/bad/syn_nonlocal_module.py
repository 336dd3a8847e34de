# expect: exit=1 stderr-last="SyntaxError: nonlocal declaration not allowed at module level"
nonlocal x
