# random.seed(n) resets the generator; the same seed gives the same sequence; delays drawn from random.
import asyncio
import random

random.seed(42)
first = [random.randint(1, 100) for _ in range(5)]
random.seed(42)
second = [random.randint(1, 100) for _ in range(5)]
print(first, first == second)
random.seed(2024)
print(random.random(), random.uniform(1, 3), random.sample(range(20), 3))
random.seed(0)
print(random.randrange(10), random.random())


async def worker(name):
    d = random.uniform(0.2, 0.7)
    await asyncio.sleep(d)
    print(f"{asyncio.get_running_loop().time():.4f} {name} slept {d:.4f}")


async def main():
    random.seed(7)
    await asyncio.gather(*[worker(f"w{i}") for i in range(5)])


asyncio.run(main())
