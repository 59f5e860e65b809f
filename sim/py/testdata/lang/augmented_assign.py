# Augmented assignment on names, attributes, subscripts; in-place vs rebinding.
a = [1, 2]
alias = a
a += [3]
print(a, alias, a is alias)
t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias, t is t_alias)
s = "ab"
s += "c"
s *= 2
print(s)
d = {"n": 1}
d["n"] += 10
d["m"] = d.get("m", 0) - 1
d |= {"z": 0}
print(d)

class Box:
    def __init__(self):
        self.v = 0
        self.items = []
b = Box()
b.v += 5
b.v **= 2
b.items += "xy"
print(b.v, b.items)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 7
print(grid)
calls = []
def key():
    calls.append("key")
    return "k"
store = {"k": 1}
store[key()] += 1
print(store, calls)
x = 7
x /= 2
print(x)
x //= 1
print(x)
n = 10
n %= 4
n -= 5
n *= -3
print(n)
try:
    t[0] += 1
except TypeError as e:
    print("TypeError:", e)
try:
    undefined_total += 1
except NameError as e:
    print("NameError:", e)
lst = [1]
lst *= 3
print(lst)
