# print(sep=, end=, file=sys.stderr, flush=): stdout and stderr are separate streams.
import sys

print("a", "b", "c", sep="-")
print("no newline", end="")
print(" <- same line")
print("x", 1, None, 2.5, [1], sep="", end="!\n")
print()
print("to stderr", file=sys.stderr)
print(*["p", "q"], sep=", ", flush=True)
print("", end="")
print("multi\nline")
sys.stdout.write("written\n")
print("last stderr line", 42, file=sys.stderr)
