import os
import sys

print(os.cpu_count(), os.name, os.sep, os.linesep == "\n", os.pathsep, os.curdir, os.pardir, os.devnull)
print(os.environ.get("NO_SUCH_VAR"), os.getenv("NO_SUCH_VAR", "dflt"), isinstance(os.getpid(), int), os.getpid() > 0)
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/y", "z"), os.path.basename("/a/b/c.py"), os.path.dirname("/a/b/c.py"))
print(os.path.split("/a/b/c"), os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"), os.path.normpath("a//b/../c/./d"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.exists("/definitely/not/here"), os.path.basename(__file__))
import sim
print(os.cpu_count(), sim.CORES)
print(sys.platform, sys.maxsize, sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 8))
print(sys.byteorder, sys.getrecursionlimit(), type(sys.argv), len(sys.argv), os.path.basename(sys.argv[0]))
print("modules:", "sys" in sys.modules, "os" in sys.modules, sys.modules["__main__"].__name__)
sys.stdout.write("via sys.stdout.write\n")
n = sys.stdout.write("héllo\n")
print(n, sys.stdout, sys.stderr)
sys.stdout.flush()
print("to stderr", file=sys.stderr)
sys.stderr.write("raw stderr\n")
print("a", "b", sep="-", end="!\n", file=sys.stdout)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t, repr(v))
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code, e.args)
print("bye")
sys.exit("fatal: done")
