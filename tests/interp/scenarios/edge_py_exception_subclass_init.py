# Exception subclasses with custom __init__: args, str, repr, attributes, hierarchy in except clauses.
class AppError(Exception):
    """Base of the app's errors."""


class HttpError(AppError):
    def __init__(self, status, url):
        super().__init__(f"HTTP {status} for {url}")
        self.status = status
        self.url = url


class NoSuperInit(AppError):
    def __init__(self, code):
        self.code = code


for exc in (HttpError(404, "/x"), NoSuperInit(7), AppError("plain"), AppError(), AppError("a", 2)):
    try:
        raise exc
    except HttpError as e:
        print("HttpError", e.status, e.url, "|", e, "|", repr(e), e.args)
    except AppError as e:
        print(type(e).__name__, "str=", repr(str(e)), "repr=", repr(e), "args=", e.args)
try:
    raise HttpError(500, "/y")
except (KeyError, AppError) as e:
    print("tuple clause caught", type(e).__name__, isinstance(e, Exception))
print(AppError.__doc__, HttpError.__mro__[1].__name__)
