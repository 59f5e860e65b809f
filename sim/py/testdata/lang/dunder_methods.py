# Data model: repr/str, comparisons, hashing, len, getitem, contains, call.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __eq__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, other):
        return (self.x ** 2 + self.y ** 2) < (other.x ** 2 + other.y ** 2)
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __contains__(self, value):
        return value in (self.x, self.y)
    def __call__(self, scale):
        return self * scale
    def __bool__(self):
        return bool(self.x or self.y)

v, w = Vec(1, 2), Vec(3, 4)
print(v, repr(v), [v], str(v), f"{v}", f"{v!r}")
print(v + w, v * 3, 2 * v, -v, len(v), v[0], v[-1], 2 in v, 5 in v, v(10))
print(v == Vec(1, 2), v != w, v == "x", v < w, w > v, sorted([w, v, Vec(0, 1)]))
print(len({v, Vec(1, 2), w}), {v: "a"}[Vec(1, 2)], bool(Vec(0, 0)), bool(v))
print(list(v), tuple(w), max([v, w]))
x, y = w
print(x, y)

class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
print(NoHash() == 1, NoHash.__hash__)
try:
    v <= w
except TypeError as e:
    print("TypeError:", e)
try:
    v - w
except TypeError as e:
    print("TypeError:", e)
