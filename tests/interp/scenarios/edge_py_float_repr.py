# Float reprs are CPython's shortest round-trip forms, incl. exponents, signed zero, inf and nan.
values = [0.1 + 0.2, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, -0.0, 0.0, 1.0, 2.5,
          1 / 3, 2 / 3, 10 / 4, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, 100.0, 3.0 * 1.1]
for v in values:
    print(repr(v), str(v))
inf = float("inf")
print(inf, -inf, float("nan"), inf > 1e308, -inf < 0)
print(float("1.5"), float("  -2e3 "), float(7), int(2.9), int(-2.9), round(2.675, 2))
print(0.1 * 3, 0.1 * 3 == 0.3, abs(-0.0), -0.0 == 0.0, 1.0 == 1)
print(1e16 + 1, 2 ** 53 + 1.0, 7 / 2, 7 // 2.0, -7 / 2, 7 % 2.5, -7.5 % 2)
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3), round(1234.5, -2))
print(sum([0.1] * 10), 1.1 + 2.2)
print(f"{0.1 + 0.2}", str(1e100), 1e-100, 12345678.9, 0.000012345)
