import logging
import time

log = logging.getLogger("app")
log.warning("before config: %s", "bare message")
log.info("not shown")
logging.warning("root warning %d", 1)
logging.info("root info hidden")
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
logging.debug("debug %s", "now")
time.sleep(1.5)
log.info("info at %.1f", 1.5)
log.error("error!")
child = logging.getLogger("app.db")
child.warning("child %s", {"k": 1})
print(child.parent.name, child.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG), logging.getLevelName(30), logging.getLevelName("INFO"))
print(repr(log), repr(logging.getLogger()), logging.getLogger("app") is log)
try:
    1 / 0
except ZeroDivisionError:
    log.exception("division failed")
try:
    {}["missing"]
except KeyError as e:
    log.error("lookup failed: %r", e, exc_info=True)
log.setLevel("WARNING")
log.info("hidden now")
log.warning("still shown")
log.log(logging.CRITICAL, "critical via log")

h = logging.StreamHandler()
h.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s | %(funcName)s:%(lineno)d | %(message)s"))
other = logging.getLogger("other")
other.addHandler(h)
other.propagate = False
other.setLevel(logging.INFO)


def work():
    other.info("from work")


work()
fmt = logging.Formatter("{levelname}:{message}", style="{")
h.setFormatter(fmt)
other.warning("brace style")
h2 = logging.StreamHandler()
h2.setFormatter(logging.Formatter("%(asctime)s|%(msecs)03d|%(message)s", datefmt="%H:%M:%S"))
other.addHandler(h2)
time.sleep(0.25)
other.error("two handlers")
try:
    log.setLevel("NOPE")
except ValueError as e:
    print(e)
logging.getLogger("quiet").addHandler(logging.NullHandler())
logging.getLogger("quiet").propagate = False
logging.getLogger("quiet").error("never printed")
print("done")
