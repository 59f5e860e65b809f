# Type annotations parse and are ignored at run time (no typing module).
def scale(values: list[int], factor: float = 2.0) -> list[float]:
    return [v * factor for v in values]

def describe(name: str, *args: int, sep: str = ", ", **kw: bool) -> str:
    return name + ": " + sep.join(str(a) for a in args) + f" {kw}"

count: int = 5
label: str
ratio: float = count / 2
pairs: dict[str, tuple[int, int]] = {"a": (1, 2)}

class Point:
    x: int
    y: int = 0
    def __init__(self, x: int, y: int = 0) -> None:
        self.x = x
        self.y = y
    def moved(self, dx: "int") -> "Point":
        return Point(self.x + dx, self.y)

print(scale([1, 2]), scale([3], factor=1.5))
print(describe("nums", 1, 2, 3, flag=True))
print(count, ratio, pairs)
try:
    print(label)
except NameError as e:
    print("NameError:", e)
print(scale(["ab"], 2), Point(1).moved(4).x, Point.y)
try:
    Point.x
except AttributeError as e:
    print("AttributeError:", e)
print(list[int], dict[str, int])
