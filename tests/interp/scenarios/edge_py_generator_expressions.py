# Generator expressions: lazy, single pass, consumed by sum/any/all/min/max/next/tuple/join.
nums = [3, 8, 1, 9, 4]
print(sum(n * n for n in nums), max(n % 5 for n in nums), min((n for n in nums), default=0))
print(any(n > 8 for n in nums), all(n > 0 for n in nums), any(()), all([]))
gen = (n for n in nums if n > 3)
print(next(gen), next(gen), list(gen), list(gen))
print(next((n for n in nums if n > 100), "none found"))
print(tuple(str(n) for n in range(3)), ",".join(str(n) for n in nums))
print(sorted((n for n in nums), reverse=True), dict((n, n % 2) for n in nums[:2]))
it = iter(nums)
print(next(it), next(it), list(it))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
g = (1 / n for n in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("raised lazily:", e)
print(sum(1 for _ in range(1000)), list(map(lambda n: -n, filter(lambda n: n % 2, nums))))
