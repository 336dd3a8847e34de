# random: bit-identical to CPython for the same seed (LoopLab seeds 0 before the run)
import random

print(random.random(), random.randint(1, 10), random.choice("abcdef"))
random.seed(42)
print(random.random(), random.randint(1, 100), random.randrange(0, 100, 5), random.uniform(1, 2))
items = list(range(10))
random.shuffle(items)
print(items, random.sample(range(100), 5), random.sample(["a", "b", "c"], 2))
print(random.choices("abc", k=5), random.choices("abc", weights=[1, 2, 3], k=5), random.choices([1, 2], cum_weights=[1, 5], k=3))
print(random.gauss(0, 1), random.gauss(10, 2), random.normalvariate(), random.expovariate(2.0), random.triangular(0, 10, 3))
print(random.getrandbits(20), random.uniform(5, 1), random.randrange(10))
random.seed("hello")
print(random.random())
random.seed(3.5)
print(random.random())
random.seed(-7)
print(random.random())
r = random.Random(123)
print(r.random(), r.randint(1, 6), random.Random(123).random() == random.Random(123).random())
random.seed(2**40 + 5)
print(random.random())
for args in [(5, 1), (1.5, 3)]:
    try:
        random.randint(*args)
    except ValueError as e:
        print(e)
try:
    random.choice([])
except IndexError as e:
    print(e)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print(e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print(e)
try:
    random.choices([1, 2], 3)
except TypeError as e:
    print(e)
try:
    random.seed([1])
except TypeError as e:
    print(e)
print(random.Random)
import random
for i in range(3):
    print(random.randrange(5.0), random.randint(1.0, 3.0))
try:
    random.randrange(2.5)
except ValueError as e:
    print(e)
try:
    random.randint(1, "x")
except TypeError as e:
    print(e)
