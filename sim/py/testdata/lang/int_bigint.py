# Arbitrary-precision integers: growth, arithmetic, conversion.
a = 2 ** 100
print(a)
print(a * a)
print(-a // 7, -a % 7)
print(divmod(a, 12345678901234567890))
print(3 ** 64 - 1)

f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(len(str(f)))

# negative big numbers and floor semantics
b = -(10 ** 30) + 1
print(b // 10 ** 15, b % 10 ** 15)

# comparison between big and small, and with floats
print(a > 10 ** 30, a == 2 ** 100, a < 2.0 ** 101)
print(float(2 ** 60), int(1e20))

# bit operations on big numbers
print((a | 1) & ~(a >> 1) ^ 0xFF)
print(a >> 98, 1 << 70)
print((2 ** 70).bit_length(), (-255).bit_length())

# int from strings, hex of big numbers
print(int("123456789012345678901234567890"))
print(hex(2 ** 80), bin(2 ** 65)[:10], oct(8 ** 25))
print(pow(3, 200, 10 ** 9 + 7))
print(pow(2, 10), pow(2, -1), pow(-8, 3))
print(abs(-(2 ** 90)))
print(sum(range(10 ** 6)))
print(12345678901234567890 * 98765432109876543210)
