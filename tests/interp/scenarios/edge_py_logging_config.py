# logging.basicConfig(level=INFO, format=...) and a named logger; exception() inside except logs the traceback.
import asyncio
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("worker")


async def job(n):
    await asyncio.sleep(n)
    log.info("job %d finished", n)
    if n == 2:
        raise KeyError(n)


async def main():
    log.debug("hidden")
    for n in (1, 2):
        try:
            await job(n)
        except KeyError:
            log.exception("job failed")
    logging.info("root logger at %s", asyncio.get_running_loop().time())


asyncio.run(main())
