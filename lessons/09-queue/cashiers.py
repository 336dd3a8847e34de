# Lesson 09 · From: tutorials/002 — chapter 12, queues: cashiers serving a line of customers
import asyncio
import time
from asyncio import Queue
from random import randrange
from typing import List


class Product:
    def __init__(self, name: str, checkout_time: float):
        self.name = name
        self.checkout_time = checkout_time


class Customer:
    def __init__(self, customer_id: int, products: List[Product]):
        self.customer_id = customer_id
        self.products = products


async def checkout_customer(queue: Queue, cashier_number: int):
    while not queue.empty():
        customer: Customer = queue.get_nowait()
        print(f'cashier {cashier_number} checking out customer {customer.customer_id}')
        for product in customer.products:
            print(f'cashier {cashier_number} scanning '
                  f"customer {customer.customer_id}'s {product.name}")
            await asyncio.sleep(product.checkout_time)
        print(f'cashier {cashier_number} finished customer {customer.customer_id}'
              f' at t={time.perf_counter():.1f}')
        queue.task_done()


async def main():
    customer_queue = Queue()

    all_products = [
        Product('beer', 2),
        Product('bananas', .5),
        Product('sausage', .2),
        Product('diapers', .2)
    ]

    for i in range(6):            # the tutorial has 10 customers; 6 keep the output short
        products = [all_products[randrange(len(all_products))]
                    for _ in range(randrange(4))]
        customer_queue.put_nowait(Customer(i, products))

    cashiers = [asyncio.create_task(checkout_customer(customer_queue, i)) for i in range(3)]

    await asyncio.gather(customer_queue.join(), *cashiers)
    print(f'all customers served at t={asyncio.get_running_loop().time():.1f}')


asyncio.run(main())
