# expect: exit=1 stderr-last="SyntaxError: integer literal too large for LoopLab (64-bit ints)"
x = 123456789012345678901234567890
print(x)
