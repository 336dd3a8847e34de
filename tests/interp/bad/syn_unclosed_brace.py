# expect: exit=1 stderr-last="SyntaxError: '{' was never closed"
d = {"a": 1
