1 = x
# ----
f() = 1
# ----
x + 1 = 2
# ----
"a" = 1
# ----
None = 1
# ----
True = 1
# ----
x = f() = 1
# ----
x = 1 = 2
# ----
[a, 1] = b
# ----
(a, f()) = b
# ----
a, f() = b
# ----
a.b() = 1
# ----
[x for x in y] = 1
# ----
(x for x in y) = 1
# ----
{a: b} = 1
# ----
{a} = 1
# ----
a if b else c = 1
# ----
lambda: 1 = 1
# ----
-x = 1
# ----
await x = 1
# ----
a and b = 1
# ----
a < b = 1
# ----
not a = 1
# ----
x += 1 += 2
# ----
f() += 1
# ----
a, b += 1
# ----
[a] += 1
# ----
x + 1 += 1
# ----
del f()
# ----
del 1
# ----
del *a
# ----
del a + b
# ----
del (a, f())
# ----
for f() in x:
    pass
# ----
for 1 in x:
    pass
# ----
for a, b() in x:
    pass
# ----
[x for f() in y]
# ----
with a as f():
    pass
# ----
with a as 1, b:
    pass
# ----
x: int, y: int = 1, 2
# ----
a, b: int
# ----
[a, b]: int
# ----
(a, b): int
# ----
f(): int
# ----
a + b: int
# ----
x = yield = 1
# ----
def f():
    x = yield y = 1
# ----
(yield x) = 1
# ----
x := 1
# ----
(x.y := 1)
# ----
(f() := 1)
# ----
[a, *b, *c] = d
# ----
*a = 1
# ----
x = *a
# ----
print(*a) = 1
# ----
... = 1
# ----
f"{x}" = 1
# ----
(a := 1) = 2
# ----
x = a if b else c = 1
# ----
i++
# ----
x = 1 if y
# ----
x = 1 if y else
# ----
print(a if b)
# ----
():0
# ----
[]: int
# ----
(): int = 1
