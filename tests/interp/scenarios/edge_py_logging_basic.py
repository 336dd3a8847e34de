# logging without configuration: warning/error go to stderr as LEVEL:root:msg; info is dropped; exc_info adds a traceback.
import asyncio
import logging


async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("request failed")


async def main():
    logging.info("not shown: the default level is WARNING")
    logging.warning("a warning")
    t = asyncio.create_task(bad())
    await asyncio.wait([t])
    logging.error("请求异常", exc_info=t.exception())
    print("stdout still works")
    logging.error("plain error %s %d", "with", 2)


asyncio.run(main())
