import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(-0.5), math.ceil(5))
print(math.fabs(-3), math.pow(2, 10), math.pow(2, 0.5), math.exp(1), math.log(100), math.log(8, 2), math.log(100, 10))
print(math.log2(1024), math.log10(1000), math.log1p(1e-10), math.expm1(1e-10), math.exp2(3))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.asin(1), math.acos(0), math.atan(1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.dist((0, 0), (3, 4)), math.hypot(1e-320, 1e-320))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1))
print(math.gcd(12, 18), math.gcd(), math.gcd(0, 5, 10), math.lcm(4, 6), math.lcm(), math.factorial(0), math.factorial(20))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([1e-16, 1, 1e16]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]))
print(math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(5), math.isqrt(17), math.isqrt(10**18))
print(math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.modf(3.25), math.frexp(8), math.ldexp(0.5, 4))
print(math.erf(1), math.erfc(1), math.gamma(5), math.lgamma(10), math.cbrt(27), math.ulp(1.0), math.nextafter(1, 2))
print(math.floor(True), math.ceil(-0.0), type(math.floor(2.5)), math.trunc(3))
for f, args in [(math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.acos, (2,)), (math.pow, (0, -1)),
                (math.factorial, (-1,)), (math.isqrt, (-1,)), (math.comb, (-1, 2)), (math.sin, (math.inf,)),
                (math.gamma, (0,))]:
    try:
        f(*args)
    except ValueError as e:
        print("ValueError", e)
for f, args in [(math.exp, (1000,)), (math.pow, (10, 400)), (math.floor, (math.inf,)), (math.ldexp, (1.0, 2000))]:
    try:
        f(*args)
    except OverflowError as e:
        print("OverflowError", e)
for f, args in [(math.sqrt, ("x",)), (math.factorial, (2.0,)), (math.floor, ("x",)), (math.gcd, (1.5,))]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    math.floor(math.nan)
except ValueError as e:
    print(e)
try:
    math.log(10, 1)
except ZeroDivisionError as e:
    print(e)
