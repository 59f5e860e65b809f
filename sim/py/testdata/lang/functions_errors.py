# TypeErrors from calls, with CPython 3.11 wording.
def f(a, b):
    return a + b

class K:
    def m(self, x):
        return x

def kw(*, only):
    return only

def po(a, /):
    return a

five, nothing, text = 5, None, "abc"
calls = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=1),
    lambda: f(),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: kw(1),
    lambda: kw(),
    lambda: po(a=1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: five(),
    lambda: nothing(),
    lambda: text(),
    lambda: int("x"),
    lambda: int("12.5"),
    lambda: float("abc"),
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [] + (),
    lambda: "a" * "b",
    lambda: -"a",
    lambda: five[0],
    lambda: iter(5),
    lambda: abs("x"),
]
for c in calls:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
