# Container and numeric protocols: __setitem__, __delitem__, slices,
# reflected and in-place operators, __str__ falling back to __repr__.
class Grid:
    def __init__(self, n):
        self.cells = [0] * n
    def __len__(self):
        return len(self.cells)
    def __getitem__(self, index):
        if isinstance(index, slice):
            return f"slice({index.start}, {index.stop}, {index.step})"
        return self.cells[index]
    def __setitem__(self, index, value):
        self.cells[index] = value
    def __delitem__(self, index):
        self.cells[index] = None
    def __repr__(self):
        return f"Grid{self.cells}"

g = Grid(4)
g[1] = "x"
g[-1] = 9
del g[0]
print(g, str(g), len(g), g[1], g[1:3], g[::2], g[:])
print([c for c in g], "x" in g, 7 in g)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
    __radd__ = __add__
    def __iadd__(self, other):
        print("in-place add")
        self.cents += other.cents
        return self
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __le__(self, other):
        return self.cents <= other.cents

m = Money(100)
print(m + 5, 5 + m, m + Money(1), sum([Money(1), Money(2)]))
before = m
m += Money(50)
print(m, m is before, m == Money(150), m != Money(150), m == 150)
print(Money(1) <= Money(2), Money(3) >= Money(2))
try:
    m + "x"
except TypeError as e:
    print("TypeError:", e)
p, q = object(), object()
print(p == p, p == q, p != q)
