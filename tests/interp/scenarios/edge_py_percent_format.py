# %-formatting: %s %r %d %i %f %.2f %5d %-5d| %05.1f %x %o %e %% and dict-based %(name)s.
name = "world"
print("hello %s" % name)
print("%s and %r" % (name, name))
print("%d|%i|%5d|%-5d|%05d|%+d" % (42, 42, 42, 42, 42, 42))
print("%f|%.2f|%8.3f|%-8.1f|%05.1f" % (3.14159, 3.14159, 3.14159, 3.14159, 3.14159))
print("%x|%X|%o|%e|%.3e|%g|%g" % (255, 255, 8, 12345.678, 0.000123, 0.5, 1e20))
print("100%% sure, %s" % "yes")
print("%(user)s has %(n)d items" % {"user": "ann", "n": 3})
print("%s" % [1, 2], "%s" % (None,), "%s|%s" % (True, 1.5))
print("%10s|" % "right", "%-10s|" % "left", "%.2s" % "abc")
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
