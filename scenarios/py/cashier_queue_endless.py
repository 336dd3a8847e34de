# looplab-args: --until 6
# Tutorial 002 (Chinese), chapter 12, "队列" (second version): a customer generator that
# never stops feeds Queue(5) with blocking put(); three cashiers take customers with
# blocking get(). The tutorial's random baskets are replaced by a fixed rule; --until 6
# ends the endless run.
import asyncio
import time
from asyncio import Queue


class Product:
    def __init__(self, name: str, checkout_time: float):
        self.name = name
        self.checkout_time = checkout_time


class Customer:
    def __init__(self, customer_id, products):
        self.customer_id = customer_id
        self.products = products


ALL_PRODUCTS = [Product('beer', 2), Product('bananas', .5),
                Product('sausage', .2), Product('diapers', .2)]


async def checkout_customer(queue: Queue, cashier_number: int):
    while True:
        customer: Customer = await queue.get()
        print(f'收营员 {cashier_number} 结账客户 {customer.customer_id}')
        for product in customer.products:
            print(f"收营员 {cashier_number} 正在给 {customer.customer_id} 's 结算 {product.name}")
            await asyncio.sleep(product.checkout_time)
        print(f'收营员 {cashier_number} 完成对 {customer.customer_id} 的结算 '
              f't={time.perf_counter():.1f}')
        queue.task_done()


def generate_customer(customer_id: int) -> Customer:
    products = [ALL_PRODUCTS[(customer_id + k) % 4] for k in range(customer_id % 3 + 1)]
    return Customer(customer_id, products)


async def customer_generator(queue: Queue):
    customer_count = 0
    while True:
        customers = [generate_customer(i)
                     for i in range(customer_count, customer_count + 4)]
        for customer in customers:
            print(f'客户正在等待排队... qsize={queue.qsize()}')
            await queue.put(customer)
            print('客户已加入排队!')
        customer_count = customer_count + len(customers)
        await asyncio.sleep(1)


async def main():
    customer_queue = Queue(5)
    customer_producer = asyncio.create_task(customer_generator(customer_queue))
    cashiers = [asyncio.create_task(checkout_customer(customer_queue, i)) for i in range(3)]
    await asyncio.gather(customer_producer, *cashiers)


asyncio.run(main())
