# random after the run's random.seed(0): randint/choice/shuffle/sample/uniform/random/randrange are bit-identical.
import random

print(random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.choice(["red", "green", "blue"]), random.choice("abcdef"), random.choice(range(100)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], k=2))
print(random.uniform(0.2, 0.7), random.uniform(45.6, 52.3), random.uniform(5, 1))
print(random.randrange(10), random.randrange(5, 50, 5), random.randrange(1000000))
print([round(random.random(), 6) for _ in range(3)])
print(random.randint(0, 2 ** 40), random.randint(-10, -5))
