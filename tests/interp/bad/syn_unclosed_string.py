# expect: exit=1 stderr-last="SyntaxError: unterminated string literal (detected at line 2)"
print("hello)
