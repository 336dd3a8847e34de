# expect: exit=1 stderr-last="NotImplementedError: LoopLab does not support input() in scenarios"
x = input("name? ")
print(x)
