# wait(timeout=...) does not raise and does not cancel what is still pending.
import asyncio


async def job(d):
    await asyncio.sleep(d)
    print(f"job({d}) finished at {asyncio.get_running_loop().time()}")
    return d


async def main():
    tasks = [asyncio.create_task(job(d)) for d in (1, 2, 4)]
    done, pending = await asyncio.wait(tasks, timeout=2.5)
    print("after wait:", sorted(t.result() for t in done), len(pending),
          asyncio.get_running_loop().time())
    done, pending = await asyncio.wait(pending, timeout=10)
    print("second wait:", [t.result() for t in done], len(pending),
          asyncio.get_running_loop().time())
    done, pending = await asyncio.wait(tasks, timeout=0)
    print("timeout=0 with all done:", len(done), len(pending))


asyncio.run(main())
