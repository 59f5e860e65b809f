# functools.partial.
from functools import partial
import functools

def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
cube = partial(power, exponent=3)
two_to = partial(power, 2)
print(square(5), cube(2), two_to(10), square(base=3))
print(square.func is power, square.args, square.keywords, two_to.args)

def log(level, message, *, sep=": "):
    return f"{level}{sep}{message}"
warn = partial(log, "WARN")
print(warn("disk low"), warn("x", sep=" - "))
print(list(map(partial(int, base=2), ["101", "111"])))
nested = partial(partial(log, "ERR"), sep="!")
print(nested("boom"), nested.args, nested.keywords)
print(functools.partial(max, 3)(1, 2), functools.partial(sorted, key=len)(["ccc", "a", "bb"]))
try:
    square()
except TypeError as e:
    print("TypeError:", e)
callbacks = [partial(print, "callback", i) for i in range(3)]
for cb in callbacks:
    cb()
