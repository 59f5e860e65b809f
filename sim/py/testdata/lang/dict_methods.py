# dict methods, views and errors.
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(d.keys(), d.values(), d.items())
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "none"), d)
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append(1)
d.update({"a": 10, "x": 5})
d.update(y=6)
d.update([("z", 7)])
print(d)
print(d.popitem(), d)
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0))
e = d.copy()
e.clear()
print(e, d == d.copy(), {"a": 1, "b": 2} == {"b": 2, "a": 1})
for k, v in {"one": 1, "two": 2}.items():
    print(k, "->", v)
del d["x"]
print(d)
print({**{"a": 1}, **{"b": 2}, "a": 3}, {"a": 1} | {"b": 2})
m = {"a": 1}
m |= {"c": 3}
print(m)
print({1: "int", 1.0: "float", True: "bool"})
print(dict(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1])))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
keys = d.keys()
d["late"] = 0
print(keys, len(keys), "late" in keys)
print(list(reversed({"p": 1, "q": 2})), sorted({"b": 1, "a": 2}))
