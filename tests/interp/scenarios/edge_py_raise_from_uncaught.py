# raise ... from ...: the traceback shows both exceptions; the last line is the outer one; exit 1.
import asyncio


class ConfigError(Exception):
    pass


async def read_port(cfg):
    await asyncio.sleep(0.1)
    try:
        return int(cfg["port"])
    except KeyError as e:
        raise ConfigError("port is not configured") from e


async def main():
    print(await read_port({"port": "8080"}))
    try:
        await read_port({})
    except ConfigError as e:
        print("caught:", e, "| cause:", repr(e.__cause__))
    try:
        raise ConfigError("context hidden") from None
    except ConfigError as e:
        print("from None:", e.__cause__, e.__suppress_context__)
    await read_port({})


asyncio.run(main())
