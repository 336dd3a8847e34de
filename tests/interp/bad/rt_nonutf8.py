# expect: exit=1 stderr-contains="SyntaxError: Non-UTF-8 code starting with '\xff'"
x = "ÿþ café"
print(x)
