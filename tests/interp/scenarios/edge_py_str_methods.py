# Common str methods: split/join/strip/replace/find/startswith/upper/title/zfill/center/partition/count.
s = "  Hello, Async World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
t = s.strip()
print(t.lower(), t.upper(), t.title(), t.swapcase(), "hello world".capitalize())
print(t.split(), t.split(", "), "a,b,,c".split(","), "a b  c".split(" "), "k=v=w".split("=", 1))
print("-".join(["a", "b", "c"]), "".join(reversed("abc")), t.replace("l", "L"), t.replace("l", "", 1))
print(t.find("Async"), t.find("nope"), t.index("W"), t.count("l"), t.startswith("Hell"), t.endswith(("x", "ld")))
print("42".zfill(5), "ab".center(6, "*"), "ab".ljust(4, "."), "ab".rjust(4), "-5".zfill(4))
print("a:b:c".partition(":"), "a:b:c".rpartition(":"), "line1\nline2\n".splitlines())
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "Ab".islower(), "AB".isupper())
print("%s" % t[7:12], t[::-1], t * 0 == "", "Async" in t, ord("A"), chr(97), str(12) + "3")
print("{}|{}".format("x".rjust(3), "tab\tsep".expandtabs(4)), "a\\b", len("a\\b"), 'q"q', "it's")
try:
    t.index("zzz")
except ValueError as e:
    print("ValueError:", e)
print("ß".upper(), "ǅ".lower(), "ΑΒΓ".lower(), "ÿ".upper())
