# expect: exit=1 stderr-last="NotImplementedError: LoopLab does not support eval() in scenarios"
print(eval("1 + 2"))
