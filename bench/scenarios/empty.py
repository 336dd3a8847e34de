"""empty: the imports and one asyncio.run() of an empty coroutine, and nothing else.

py_compare.py subtracts this file's run time from a workload's run under `looplab run`
(whose time.perf_counter is the virtual clock): what is left is the workload's own time.
"""
import asyncio
import random
import sys
import time


async def main():
    pass


asyncio.run(main())
