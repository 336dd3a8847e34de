# Consumers wait on an empty queue after the producer stopped: deadlock (exit 3).
import asyncio


async def producer(q):
    for i in range(3):
        await asyncio.sleep(1)
        await q.put(i)


async def consumer(q, name):
    while True:
        item = await q.get()
        print(f"{asyncio.get_running_loop().time()} {name} got {item}")


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q, "c1"), consumer(q, "c2"))


asyncio.run(main())
