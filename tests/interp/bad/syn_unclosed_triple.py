# expect: exit=1 stderr-last="SyntaxError: unterminated triple-quoted string literal (detected at line 3)"
x = """abc
print(x)
