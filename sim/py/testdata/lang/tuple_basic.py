# Tuples: packing, single-element syntax, methods, immutability.
t = (1, 2, 3)
single = (5,)
empty = ()
packed = 1, "two", 3.0
print(t, single, empty, packed, (5), type(single).__name__)
print(len(t), t[0], t[-1], t[1:], t.count(2), t.index(3))
print(t + (4,), t * 2, 2 in t, (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple())
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
nested = ((1, 2), (3, 4))
for (p, q) in nested:
    print(p + q)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "ok"}[(1, 2)])
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
mixed = (1, [2, 3])
mixed[1].append(4)
print(mixed)
print(max((3, "a"), (3, "b")), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(repr((1,)), str(("a", 'b"c')), ((),), tuple(x for x in "hi"))

def stats(nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, mean = stats([4, 8, 6])
print(lo, hi, mean, stats([1]))
