# Sets: operations and methods (printed sorted, except reprs of tiny sets).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)), a.isdisjoint({7}), {1, 2} <= a, {1, 2} < a, a >= {1})
print(a.issubset(range(10)), a.issuperset([1, 2]), len(a), 3 in a, 7 not in a)
s = set()
print(s, {1}, set([2, 2]), frozenset(), frozenset({5}), {"only"})
s.add("x")
s.add("x")
s.update(["y", "z"], "w")
s.discard("nope")
s.remove("w")
print(sorted(s), len(s))
try:
    s.remove("nope")
except KeyError as e:
    print("KeyError:", e)
c = a.copy()
c -= {1}
c |= {10}
c &= {2, 3, 10}
c ^= {3, 99}
print(sorted(c), sorted(a))
popped = {42}.pop()
print(popped)
words = ["pear", "fig", "pear", "plum", "fig"]
print(sorted(set(words)), len(set(words)))
print(sorted({len(w) for w in words}))
fs = frozenset([1, 2])
print(fs | {3} == {1, 2, 3}, type(fs | {3}).__name__, {fs: "key"}[frozenset([2, 1])])
print({1, 2} == {2, 1}, set("aab") == {"a", "b"}, set() == frozenset())
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(sorted({(1, "a"), (0, "b")}))
print(set() or "empty")
