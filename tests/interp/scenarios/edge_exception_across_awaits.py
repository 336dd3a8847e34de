# Exceptions travel through several awaits; __context__ / __cause__ are kept; handlers can re-raise.
import asyncio


async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)


async def load(text):
    try:
        return await parse(text)
    except ValueError as e:
        raise RuntimeError(f"cannot load {text!r}") from e


async def load_all(items):
    results = []
    for item in items:
        try:
            results.append(await load(item))
        except RuntimeError as e:
            print("error:", e, "| cause:", repr(e.__cause__))
            results.append(None)
    return results


async def main():
    print(await load_all(["1", "x", "3"]))
    try:
        try:
            await parse("y")
        except ValueError:
            await asyncio.sleep(0.1)
            raise KeyError("during handling")
    except KeyError as e:
        print("context:", type(e.__context__).__name__, "| suppress:", e.__suppress_context__)
    print(f"t={asyncio.get_running_loop().time():.1f}")


asyncio.run(main())
