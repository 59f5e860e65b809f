# List, dict and set comprehensions, nesting, conditions, scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
print({w: len(w) for w in ["one", "three", "five"]})
print({k: v for k, v in zip("abc", range(3)) if v})
print(sorted({n % 4 for n in range(10)}))
matrix = [[1, 2], [3, 4], [5, 6]]
print([n for row in matrix for n in row])
print([list(col) for col in zip(*matrix)])
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
print([y for y in (1, 2, 3)], [(lambda v: v + 1)(z) for z in range(3)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
print([(a, b) for a, b in [(1, "x"), (2, "y")]])
print([p for p in [1, 2, 3, 4] if (q := p * 10) > 15], q)
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]])
print(sum(len(w) for w in words), {w[0]: w for w in words})
print(dict((str(i), i) for i in range(3)))

class Scope:
    base = 10
    values = [v * 2 for v in range(3)]
print(Scope.values)
