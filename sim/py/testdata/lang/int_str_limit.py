# CPython 3.11 refuses int<->str conversion beyond 4300 decimal digits
# (CVE-2020-10735 mitigation); arithmetic on such ints is still fine.
big = 10 ** 5000
print(big.bit_length(), big % 1000007, len(hex(big)))
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("9" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 4299)), int("7" * 4300) % 10)
