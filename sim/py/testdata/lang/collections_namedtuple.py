# collections.namedtuple.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(Point(x=3, y=4), Point(5, y=6))
x, y = p
print(x + y, p == (1, 2), p == Point(1, 2), isinstance(p, tuple))
print(p._replace(y=20), p, p._asdict(), Point._fields)
print(Point._make([7, 8]), repr(p), str(p), type(p).__name__)
Color = namedtuple("Color", "red green blue")
c = Color(255, 128, 0)
print(c, c._fields, max(c), sorted(c))
Person = namedtuple("Person", "name age", defaults=[0])
print(Person("ann"), Person("bob", 30))
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
people = [Person("cid", 40), Person("ann", 25), Person("bob", 31)]
print(sorted(people, key=lambda p: p.age))
print({pt: "origin" for pt in [Point(0, 0)]})

class Point3(namedtuple("Point3", "x y z")):
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
print(Point3(1, -2, 3).norm1(), Point3(1, 2, 3))
