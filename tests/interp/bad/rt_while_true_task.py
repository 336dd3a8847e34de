# expect: exit=4 stderr-contains="runaway" stderr-contains="Task-2" stderr-contains="line 7"
# known-gap: `while True` without await inside a task hangs (killed after 20 s) instead of the runaway stop, exit 4
import asyncio
async def spin():
    n = 0
    while True:
        n += 1
async def main():
    await asyncio.create_task(spin())
asyncio.run(main())
