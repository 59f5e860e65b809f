# collections.Counter including most_common.
from collections import Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(), c.most_common(2), c["a"], c["z"])
print(sorted(c), sorted(c.elements()), c.total())
c.update("aaz")
c.subtract({"b": 1})
print(c)
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(3))
for word, n in wc.most_common():
    print(f"{word:>4} {'*' * n}")
a = Counter(x=3, y=1)
b = Counter(x=1, y=2)
print(a + b, a - b, a & b, a | b)
print(Counter({"a": 2, "b": -1}), +Counter({"a": 2, "b": -1}))
print(dict(Counter([1, 1, 2])), list(Counter("cab").keys()), len(Counter("hello")))
print(Counter(), Counter("aab") == Counter("aba"), isinstance(c, dict))
tie = Counter(["b", "a", "b", "a", "c"])
print(tie.most_common(2))
del c["z"]
print("z" in c, sum(c.values()))
