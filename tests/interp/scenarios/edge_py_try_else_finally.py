# try/except/else/finally ordering; return in finally overrides; finally runs on break/continue/return.
import asyncio


def order(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("x")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


def finally_return():
    try:
        return "from try"
    finally:
        print("finally before return")


def overridden():
    try:
        return "try"
    finally:
        return "finally wins"


print(order(False), order(True))
print(finally_return(), overridden())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
    finally:
        print("finally for", i)


async def main():
    try:
        await asyncio.sleep(1)
        raise KeyError("k")
    except KeyError as e:
        await asyncio.sleep(1)
        print("handled", e, asyncio.get_running_loop().time())
    else:
        print("no")
    finally:
        await asyncio.sleep(1)
        print("finally at", asyncio.get_running_loop().time())
    try:
        pass
    except Exception:
        pass
    try:
        print(e)
    except NameError as exc:
        print("e is unbound after except:", type(exc).__name__)


asyncio.run(main())
