# A custom exception class with its own __init__ and __str__, uncaught: last line "InsufficientFunds: ...", exit 1.
import asyncio


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__(balance, amount)
        self.balance = balance
        self.amount = amount

    def __str__(self):
        return f"need {self.amount}, have {self.balance}"


async def withdraw(balance, amount):
    await asyncio.sleep(0.1)
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    return balance - amount


async def main():
    b = await withdraw(100, 30)
    print("balance", b)
    try:
        await withdraw(b, 500)
    except BankError as e:
        print("caught:", e, "| repr:", repr(e), "| args:", e.args)
    await withdraw(b, 71)


asyncio.run(main())
