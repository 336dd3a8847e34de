# expect: exit=1 stderr-last-re="^(MemoryError|OverflowError)\b"
# known-gap: LoopLab raises 'RuntimeError: out of memory'; CPython raises MemoryError
x = [0] * 10**12
print(len(x))
