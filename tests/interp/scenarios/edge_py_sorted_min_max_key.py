# sorted/min/max with key and reverse; sort is stable; list.sort in place; ties keep order.
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 19), ("ed", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
print(max(["kiwi", "banana", "fig"], key=len), min("hello"), max(3, 7, 5), min([4, 2], default=0))
print(max([], default="empty"), sorted("banana"), sorted({3: "c", 1: "a"}))
words = ["Banana", "apple", "Cherry"]
print(sorted(words), sorted(words, key=str.lower))
nums = [5, 2, 9, 1]
print(nums.sort(), nums)
nums.sort(key=lambda n: -n)
print(nums, list(reversed(nums)), sorted([2.5, 1, True, -3]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
