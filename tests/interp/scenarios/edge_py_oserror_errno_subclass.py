# OSError(errno, strerror[, filename[, winerror[, filename2]]]) as Objects/exceptions.c builds it:
# OSError itself becomes the subclass its errno maps to (OSError(2, 'x') is a FileNotFoundError),
# .errno/.strerror/.filename are set, a filename leaves args as (errno, strerror), and str()
# reads "[Errno 2] x: 'f.txt'". Subclasses keep their own class; a Python __init__ parses instead.
import asyncio
import errno


def describe(e):
    print(type(e).__name__, repr(e), str(e), e.args, e.errno, e.strerror, e.filename, e.filename2)


for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.ETIMEDOUT, errno.ECONNREFUSED,
             errno.ECONNRESET, errno.ECONNABORTED, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINPROGRESS,
             errno.EALREADY, errno.EISDIR, errno.ENOTDIR, errno.EINTR, errno.ECHILD, errno.ESRCH, errno.EPIPE,
             errno.ESHUTDOWN, errno.EIO, errno.EINVAL):
    describe(OSError(code, errno.errorcode[code].lower()))

for args in [(2,), (2, "x", "f.txt"), (2, "x", "f", None, "g"), (2, "x", None), (None, None), ("2", "x"),
             (), ("only",), (1, 2, 3, 4, 5, 6), (True, "b")]:
    describe(OSError(*args))

print(issubclass(ConnectionRefusedError, ConnectionError), issubclass(BrokenPipeError, ConnectionError))
print([c.__name__ for c in BlockingIOError.__mro__], IOError is OSError, EnvironmentError is OSError)
print(FileNotFoundError(13, "not remapped"), type(FileNotFoundError(13, "x")).__name__)
print(OSError(2, "x").__dict__)
try:
    OSError(errno=2)
except TypeError as exc:
    print("TypeError:", exc)

b = BlockingIOError(errno.EAGAIN, "again", 5)
print(b, b.characters_written, b.args, b.filename)

e = OSError(2, "x")
e.errno = 5
e.strerror = "changed"
e.filename = "z"
print(e, e.args)


class PlainSubclass(OSError):
    pass


class ParsesInInit(OSError):
    def __init__(self, msg):
        super().__init__(errno.ENOENT, msg)


class IgnoresArgs(OSError):
    def __init__(self, msg):
        self.msg = msg


for exc in (PlainSubclass(2, "x"), ParsesInInit("hi"), IgnoresArgs("hi")):
    print(type(exc).__name__, repr(exc), str(exc), exc.errno, exc.args)


async def open_config(name):
    await asyncio.sleep(0.1)
    raise OSError(errno.ENOENT, "No such file or directory", name)


async def connect(port):
    await asyncio.sleep(0.2)
    raise OSError(errno.ECONNREFUSED, f"Connect call failed ('127.0.0.1', {port})")


async def main():
    try:
        await open_config("settings.toml")
    except FileNotFoundError as exc:
        print("missing:", exc.filename, "|", exc)
    results = await asyncio.gather(connect(8080), open_config("a.txt"), return_exceptions=True)
    for r in results:
        print(type(r).__name__, isinstance(r, ConnectionError), r.errno, r)
    try:
        await connect(9000)
    except ConnectionRefusedError as exc:
        print("refused:", exc.errno == errno.ECONNREFUSED, exc.args)
    await open_config("last.cfg")


asyncio.run(main())
