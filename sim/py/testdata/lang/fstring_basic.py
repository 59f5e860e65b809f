# f-strings: expressions, conversions, nesting, self-documenting =.
name = "World"
n = 3
print(f"Hello, {name}!")
print(f"{n} + 1 = {n + 1}", f"{n * 'ab'}", f"{[i * i for i in range(n)]}")
print(f"{name!r} {name!s} {'é'!a}")
print(f"{name.upper()} {len(name)} {name[1:3]}")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{{braces}} {n}")
print(f"{n=}", f"{n + 1 = }", f"{name=!r}")
x = 10
print(f"{'big' if x > 5 else 'small'}")
print(f"{x:{n}}|", f"{3.14159:.{n}f}")
print(f"multi" f"part {x}" "plain")
items = ["a", "b"]
print(f"items: {', '.join(items)}")
print(f"{None} {True} {1.5} {-0.0}")

class Temp:
    def __init__(self, c):
        self.c = c
    def __str__(self):
        return f"{self.c}°C"
    def __repr__(self):
        return f"Temp({self.c!r})"
t = Temp(21.5)
print(f"{t} {t!r} {[t]}")
print(f"""{
    name
}""")
print(f"{'nested {x}'}", f"{f'{x}'}")
