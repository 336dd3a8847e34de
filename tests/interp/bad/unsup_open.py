# expect: exit=1 stderr-last="NotImplementedError: LoopLab does not support open() in scenarios"
with open("/etc/passwd") as f:
    print(f.read()[:4])
