# Future states: result()/exception() on pending futures raise InvalidStateError; set twice is an error.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f), f.done())
    for call in (f.result, f.exception):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    f.set_result(7)
    print(repr(f), f.result(), f.exception())
    try:
        f.set_result(8)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    g = loop.create_future()
    g.set_exception(ValueError("bad"))
    print(repr(g), repr(g.exception()))
    try:
        await g
    except ValueError as e:
        print("await raised", e)
    h = loop.create_future()
    print(h.cancel(), h.cancelled(), repr(h))
    try:
        h.exception()
    except asyncio.CancelledError:
        print("exception() of a cancelled future raises CancelledError")
    k = loop.create_future()
    loop.call_later(2, k.set_result, "later")
    print(await k, loop.time())


asyncio.run(main())
