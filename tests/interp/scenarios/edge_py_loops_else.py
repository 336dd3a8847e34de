# while/for with else, break/continue, nested loops with flags, range forms, enumerate/zip.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while", i)
else:
    print("while-else not reached")
j = 0
while j < 2:
    j += 1
else:
    print("while-else runs when the condition fails, j =", j)
for _ in []:
    pass
else:
    print("for-else on empty")
print(list(range(5, 0, -2)), list(range(-3)), list(range(1, 2)))
for idx, (a, b) in enumerate(zip("xyz", [1, 2])):
    print(idx, a, b)
total = 0
for k in range(10):
    if k % 2:
        continue
    total += k
print("total", total)
