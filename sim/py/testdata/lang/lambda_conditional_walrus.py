# lambda, conditional expressions and assignment expressions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
print(list(map(lambda s: s[::-1], ["abc", "xy"])))
print(square.__name__)
for n in range(-1, 2):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
values = iter([5, 4, 0, 7])
while (v := next(values)) != 0:
    print("got", v)
print([y for x in range(5) if (y := x * x) % 2], y)
print((total := 10) + 1, total)

def fn(x):
    return (r := x * 2) + r
print(fn(3))
pick = (lambda flag: "yes" if flag else "no")
print(pick(1), pick([]))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
