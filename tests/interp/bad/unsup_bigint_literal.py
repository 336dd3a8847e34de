# expect: exit=1 stderr-last="OverflowError: integer overflow: LoopLab ints are 64-bit"
x = 2**64
print(x)
