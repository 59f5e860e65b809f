# math module basics.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.pow(2, 10), 2 ** 10)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.5))
print(math.fabs(-3), math.factorial(20), math.gcd(12, 18), math.lcm(4, 6))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0))
print(round(math.sin(math.pi / 2), 12), round(math.cos(0), 12), math.atan2(1, 1) * 4)
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.dist([0, 0], [3, 4]))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.comb(5, 2), math.perm(5, 2))
print(math.copysign(3, -0.0), math.fmod(-7, 3), -7 % 3, math.modf(3.75), math.frexp(8.0))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
from math import sqrt as root, floor
print(root(81), floor(9.99))
