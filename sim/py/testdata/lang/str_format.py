# str.format: positional, keyword, indexing, conversions, specs.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
point = {"x": 1, "y": 2}
print("({0[x]}, {0[y]})".format(point))
print("{p[x]}".format(p=point), "{0[1]}".format([10, 20]))

class P:
    def __init__(self):
        self.x = 3
        self.y = 4
print("{0.x}/{0.y}".format(P()))
print("{!r} {!s} {!a}".format("hi", "hi", "é"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*^10}".format("mid"), "{:05d}".format(42), "{:+d} {:+d}".format(5, -5))
print("{:.3f} {:.2e} {:.1%} {:,}".format(3.14159, 12345.678, 0.256, 1234567))
print("{:x} {:X} {:o} {:b} {:#x} {:#b}".format(255, 255, 8, 5, 255, 5))
print("{:{w}.{p}f}".format(2.71828, w=10, p=2))
print("{{literal}} {}".format("braces"))
print("{:10}|{:<5}|".format(7, 3.5))
print("{:_} {:,.2f}".format(10 ** 7, 9876543.219))
print("{:g} {:g} {:g}".format(1e-5, 123456789.0, 0.5))
print("{0:s}".format("str"), "{:c}".format(65))
args = ("a", "b")
kwargs = {"k": "v"}
print("{} {} {k}".format(*args, **kwargs))
print("{:=+8d}".format(42), "{: d}".format(42))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
