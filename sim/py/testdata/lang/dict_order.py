# Dicts keep insertion order across updates, deletes and re-inserts.
d = {}
for key in ["zebra", "apple", "mango", "kiwi"]:
    d[key] = len(key)
print(list(d))
d["apple"] = 99
print(list(d.items()))
del d["zebra"]
d["zebra"] = 0
print(list(d))
d.pop("mango")
d["banana"] = 6
print(d)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print({k: v for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))})
big = {i * 7 % 11: i for i in range(11)}
print(list(big))
merged = {"x": 1, "y": 2}
merged.update({"w": 0, "x": 5})
print(merged)
print(dict.fromkeys(["c", "a", "b", "a"]))
inverse = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverse)
nums = {-1: "m", 100: "h", 3: "t", 0: "z"}
print(nums, list(nums.values()))
