# expect: exit=1 stderr-last="SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?"
f() = 3
