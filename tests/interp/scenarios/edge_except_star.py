# except* on a hand-made ExceptionGroup: matching parts, nested groups, the unmatched rest re-raised.
class AppError(Exception):
    pass


def handle(eg):
    try:
        raise eg
    except* ValueError as g:
        print("  ValueError group:", repr(g))
    except* AppError as g:
        print("  AppError group:", g.exceptions)


eg = ExceptionGroup("batch", [ValueError(1), AppError("a"), ValueError(2),
                              ExceptionGroup("inner", [AppError("b"), ValueError(3)])])
print(str(eg))
print(repr(eg))
print("handle:")
handle(eg)
try:
    try:
        raise ExceptionGroup("mixed", [ValueError("x"), KeyError("y")])
    except* ValueError:
        print("handled the ValueError")
except ExceptionGroup as rest:
    print("rest:", repr(rest))
try:
    raise TypeError("naked")
except* TypeError as g:
    print("naked exception wrapped:", repr(g))
match_v, rest = eg.split(ValueError)
print(len(match_v.exceptions), len(rest.exceptions))
print(eg.subgroup(lambda e: isinstance(e, AppError)))
