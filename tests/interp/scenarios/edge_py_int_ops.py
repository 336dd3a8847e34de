# Integer arithmetic: floor division and modulo of negatives, divmod, powers, bit ops, large 64-bit values.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (-1, 10)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 10, 2 ** 62, -2 ** 2, (-2) ** 2, 2 ** -1, 10 ** 18)
print(9223372036854775807, -9223372036854775807 - 1)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -17 >> 2)
print(abs(-12), max(3, -4, 2), min(3, -4, 2), sum(range(101)), int("-42"), int("0x1f", 16), int("101", 2))
print(17 // 5 * 5 + 17 % 5 == 17, int(True) + True, 3 * "ab", [0] * 3)
print(1_000_000, 0b1010, 0o17, 0xFF, hex(255), oct(8), bin(5), bool(0), bool(-1))
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(int("  12  "), str(-0), 10 ** 2 // 7, pow(2, 10), pow(3, 4, 5))
