# Integer arithmetic with Python's floor semantics.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)

print(2 ** 10, 2 ** -2, (-2) ** 3, -2 ** 2)
print(10 - 3 - 2, 2 ** 3 ** 2, 100 // 7 // 2)
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 4, -16 >> 2)
print(True + True, True * 10, False - 1)
print(int("42"), int(" -17 "), int("0x1f", 16), int("ff", 16), int("777", 8))
print(int("1010", 2), int("z", 36), int("0b101", 0), int("1_000_000"))
print(int(3.99), int(-3.99), int(True))
print(1_000_000, 0xFF, 0o17, 0b1011)
x = 5
x += 3
x -= 1
x *= 4
x //= 3
x %= 5
x **= 3
x <<= 2
x >>= 1
x |= 1
x &= 0xFF
x ^= 0b10
print(x)
print(isinstance(True, int), type(7 // 2).__name__, type(7 / 2).__name__)
print(0 == -0, 3 == 3.0, 1 < 2 < 3, 10 > 5 > 6)
print(max(3, -4, 2), min(3, -4, 2), abs(-12))
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "big"))
