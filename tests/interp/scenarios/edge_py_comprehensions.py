# List/dict/set comprehensions: conditions, nesting, conditional expressions, own scope for the loop variable.
x = "outer"
squares = [x * x for x in range(6)]
print(squares, x)
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print({k: len(k) for k in ["a", "bb", "ccc"]})
print({v: k for k, v in {"x": 1, "y": 2}.items()})
print(sorted({n % 4 for n in range(10)}))
print({n % 4 for n in range(10)})
words = ["apple", "bob", "kayak", "zed"]
print([w.upper() for w in words if w == w[::-1]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([list(col) for col in zip(*matrix)])
print(dict((k, v) for k, v in zip("abc", range(3))))
print([y for y in [[1], [], [2, 3]] if y])
