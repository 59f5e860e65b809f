1 + 2 * 3 - 4 / 5 // 6 % 7
# ----
2 ** 3 ** 4
# ----
-2 ** 2
# ----
2 ** -1
# ----
-x
+x
~x
not x
not not x
# ----
a << b >> c
a & b | c ^ d
a @ b
# ----
a and b and c
# ----
a or b or c
# ----
a and b or c and d
# ----
not a and b
# ----
a < b < c
# ----
a == b != c <= d >= e > f < g
# ----
a is b
a is not b
a in b
a not in b
# ----
a if b else c
# ----
a if b else c if d else e
# ----
(a if b else c) if d else e
# ----
x = (y := 10)
# ----
if (n := len(a)) > 10:
    pass
# ----
while (line := f.readline()):
    pass
# ----
[y for x in data if (y := f(x))]
# ----
print(x := 1)
# ----
f(a)(b)(c)
# ----
a.b.c.d
# ----
a[0][1][2]
# ----
a[1:2]
a[1:]
a[:2]
a[:]
a[::2]
a[1:2:3]
a[::]
a[:: -1]
a[x:y, z]
a[1, 2]
a[1,]
a[:, None]
a[...]
a[..., 1]
# ----
a[b:=1]
# ----
a[*b]
# ----
a[*b, c]
# ----
f()
f(a)
f(a, b)
f(a, b=1)
f(*args)
f(**kwargs)
f(a, *args, b=1, **kwargs)
f(a=1, *b)
f(*a, *b, **c, **d)
f(a, b,)
f(x for x in y)
f((x for x in y))
f((x for x in y), 1)
f(a)(x for x in y)
# ----
f(**k, a=1)
# ----
(x for x in range(10))
# ----
[x for x in range(10)]
# ----
[x * y for x in a for y in b]
# ----
[x for x in a if x if not x]
# ----
[(x, y) for x in a if x > 0 for y in b if y]
# ----
{x for x in a}
# ----
{k: v for k, v in d.items()}
# ----
{k: v for k in a for v in b if k != v}
# ----
[[x for x in row] for row in matrix]
# ----
[x for x, in a]
# ----
[x for *a, x in b]
# ----
[lambda: x for x in y]
# ----
[x if x else y for x in z]
# ----
[]
()
{}
[1]
(1,)
{1}
[1, 2, 3]
(1, 2, 3)
{1, 2, 3}
{'a': 1, 'b': 2}
# ----
[*a, *b]
(*a, *b)
{*a, *b}
{**a, **b}
{**a, 'b': 1, **c}
{'a': 1, **b}
# ----
[1, 2,]
(1, 2,)
{1, 2,}
{1: 2,}
# ----
x = 1,
# ----
x = *a, b
# ----
x = ()
# ----
(a)
((a))
((a), (b))
# ----
def f():
    (yield)
# ----
def f():
    x = (yield)
    y = (yield from z)
    await_ = 1
# ----
print("hello", end="")
# ----
print(*items, sep=", ")
# ----
a.b(c).d[e](f)
# ----
x = a if b else (lambda: c)
# ----
x = lambda: a if b else c
# ----
x = not a == b
# ----
x = a < b == c > d
# ----
x = -a ** -b
# ----
x = a * -b
# ----
x = (a, b)[0]
# ----
x = [a, b][c:d]
# ----
x = {1: 2}[1]
# ----
x = "abc"[0]
# ----
x = f"{a}"[0]
# ----
...
# ----
x = ...
# ----
x = None, True, False
# ----
x = a.__class__.__name__
# ----
x = super().method(*args, **kwargs)
# ----
print(a, b, sep='', end='\n', file=sys.stderr, flush=True)
# ----
x = (1 for i in a), 2
# ----
x = not (a or b)
# ----
x = a or (b and c)
# ----
x = (a or b) and c
# ----
x = a if not b else -c
# ----
x = [i for i in range(10) if i % 2 == 0]
# ----
result = sorted(items, key=lambda item: (item[1], -item[0]), reverse=True)
# ----
x = 1 if y else 2, 3
# ----
f(a for a in b if a)
# ----
f(x=lambda: 1)
# ----
x = {**d}
# ----
x = {1, 2, *a}
# ----
match = 1
case = 2
_ = 3
print(match, case, _)
# ----
type = 1
print = 2
# ----
print >>sys.stderr, "x"
# ----
print
"hello"
