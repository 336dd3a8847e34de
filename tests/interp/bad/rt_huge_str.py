# expect: exit=1 stderr-last-re="^(MemoryError|OverflowError)\b"
x = "x" * 10**12
print(len(x))
