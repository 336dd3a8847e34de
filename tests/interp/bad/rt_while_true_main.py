# expect: exit=4 stdout-contains="start" stderr-contains="runaway" stderr-contains="Task-1" stderr-contains="line 6"
# known-gap: `while True: pass` in the main coroutine hangs (killed after 20 s) instead of the runaway stop, exit 4
import asyncio
async def main():
    print("start")
    while True:
        pass
asyncio.run(main())
