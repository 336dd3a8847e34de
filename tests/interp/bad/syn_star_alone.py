# expect: exit=1 stderr-last="SyntaxError: can't use starred expression here"
x = *a
