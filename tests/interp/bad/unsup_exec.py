# expect: exit=1 stderr-last="NotImplementedError: LoopLab does not support exec() in scenarios"
exec("print(1)")
