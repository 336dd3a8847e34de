# expect: exit=1 stderr-last="OverflowError: integer overflow: LoopLab ints are 64-bit"
x = 1
for i in range(100):
    x *= 10
print(x)
