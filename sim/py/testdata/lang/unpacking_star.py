# Tuple/list unpacking, starred targets, starred calls and displays.
a, b = 1, 2
(c, d), e = (3, 4), 5
[f, g] = "fg"
print(a, b, c, d, e, f, g)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
head, *mid, tail = range(6)
x, *empty = [9]
print(first, rest, init, last, head, mid, tail, x, empty)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
p, q = q_p = (7, 8)
print(p, q, q_p)
n = m = 0
n += 1
print(n, m)
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab", 9], (*[1, 2],), {*[1, 1, 2]} == {1, 2})
print({**{"a": 1}, "b": 2, **dict(c=3)})

def f3(a, b, c):
    return a + b + c
args = [1, 2, 3]
print(f3(*args), f3(*"xyz"), f3(1, *[2, 3]), f3(**{"a": 1, "b": 2, "c": 3}))
try:
    a, b = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
try:
    a, b, c = [1, 2]
except ValueError as err:
    print("ValueError:", err)
try:
    a, *b, c = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    a, b = 5
except TypeError as err:
    print("TypeError:", err)
(a, b), c = "xy", 3
print(a, b, c)
lst = [0, 0, 0]
i, lst[i] = 1, 42
print(lst)
