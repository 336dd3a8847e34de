# compare: full-stderr
# The same never-awaited warning is shown once per location (warnings.py's registry): three
# dropped at one line give one warning; two held by main() when it fails give one "sys:1".
import asyncio


async def helper():
    pass


async def main():
    for i in range(3):
        helper()
    c1 = helper()
    c2 = helper()
    raise RuntimeError("main failed")


asyncio.run(main())
