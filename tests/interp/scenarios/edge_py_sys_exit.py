# sys.exit("message") inside asyncio.run: SystemExit propagates, the message goes to stderr, exit 1.
import asyncio
import sys


async def main():
    await asyncio.sleep(0.5)
    try:
        sys.exit(0)
    except SystemExit as e:
        print("caught SystemExit with code", e.code, isinstance(e, Exception))
    print("stopping at", asyncio.get_running_loop().time())
    sys.exit("fatal: configuration missing")


asyncio.run(main())
print("not reached")
