# traceback.format_tb(tb, limit) and print_tb(tb, limit, file) over e.__traceback__ and
# sys.exc_info()[2]: one "  File ..." string per frame, outermost first, with its caret line;
# a positive limit keeps the first frames, a negative one the last.
import sys
import traceback


def inner(d):
    return d["missing"]


def outer():
    inner({})


try:
    outer()
except KeyError as e:
    print(traceback.format_tb(e.__traceback__))
    print(traceback.format_tb(e.__traceback__, limit=1))
    print(traceback.format_tb(e.__traceback__, -1))
    print(traceback.format_tb(e.__traceback__, limit=0))
    traceback.print_tb(e.__traceback__, file=sys.stdout)
    traceback.print_tb(sys.exc_info()[2], 2, sys.stdout)
    print(traceback.format_tb(None))
