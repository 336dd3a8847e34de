# Tutorial 002 (Chinese), chapter 12, "队列": three cashiers take customers from a Queue
# with get_nowait() until it is empty; main waits for queue.join() and the cashiers.
# The tutorial draws the baskets with random.randrange; they are fixed here.
import asyncio
import time
from asyncio import Queue
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
        print(f'收营员 {cashier_number} 结账客户 {customer.customer_id}')
        for product in customer.products:
            print(f"收营员 {cashier_number} 正在给 {customer.customer_id} 's 结算 {product.name}")
            await asyncio.sleep(product.checkout_time)
        print(f'收营员 {cashier_number} 完成对 {customer.customer_id} 的结算 '
              f't={time.perf_counter():.1f}')
        queue.task_done()


async def main():
    customer_queue = Queue()
    all_products = [Product('beer', 2), Product('bananas', .5),
                    Product('sausage', .2), Product('diapers', .2)]
    baskets = [[0, 1], [2], [3, 3, 1], [], [1, 0], [2, 3], [0]]
    for i, basket in enumerate(baskets):
        products = [all_products[p] for p in basket]
        customer_queue.put_nowait(Customer(i, products))
    cashiers = [asyncio.create_task(checkout_customer(customer_queue, i)) for i in range(3)]
    await asyncio.gather(customer_queue.join(), *cashiers)
    print(f'all customers served at t={time.perf_counter():.1f}')


asyncio.run(main())
