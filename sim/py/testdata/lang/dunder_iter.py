# Iterator protocol: __iter__/__next__, iter(), next() with default.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(3)))
for n in Countdown(2):
    print("tick", n)

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2

r = Range2(7)
print(list(r), list(r), sum(r), 4 in r, 5 in r)

it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 100
print(list(Seq()), 200 in Seq())

lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
it2 = iter("xyz")
print(iter(it2) is it2, list(it2), list(it2))
e = enumerate("ab")
print(next(e), list(e))
z = zip([1, 2, 3], "ab")
print(next(z), list(z))
m = map(str.upper, "hi")
print(type(m).__name__, list(m), list(m))
try:
    next([1, 2])
except TypeError as err:
    print("TypeError:", err)
