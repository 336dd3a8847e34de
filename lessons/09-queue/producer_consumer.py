# Lesson 09 · From: tutorials/002 — chapter 12: a bounded queue between a producer and cashiers
# (the tutorial's producer runs forever; this one brings 8 customers, then closes the shop)
import asyncio
import time
from asyncio import Queue


async def checkout_customer(queue: Queue, cashier_number: int):
    while True:
        customer_id, seconds = await queue.get()      # waits while the line is empty
        print(f't={time.perf_counter():.1f} cashier {cashier_number} takes customer {customer_id}')
        await asyncio.sleep(seconds)
        queue.task_done()


async def customer_generator(queue: Queue):
    for customer_id in range(8):
        await queue.put((customer_id, 1 + customer_id % 3))   # waits while the line is full
        print(f't={time.perf_counter():.1f} customer {customer_id} joined the line '
              f'({queue.qsize()} waiting)')


async def main():
    customer_queue = Queue(maxsize=2)
    producer = asyncio.create_task(customer_generator(customer_queue))
    cashiers = [asyncio.create_task(checkout_customer(customer_queue, i)) for i in range(2)]

    await producer
    await customer_queue.join()            # every customer served
    for cashier in cashiers:
        cashier.cancel()                   # cashiers loop forever: send them home
    await asyncio.gather(*cashiers, return_exceptions=True)
    print(f'shop closed at t={time.perf_counter():.1f}')


asyncio.run(main())
