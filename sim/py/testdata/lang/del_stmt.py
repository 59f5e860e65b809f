# del on names, items, slices, attributes.
x = 5
del x
try:
    x
except NameError as e:
    print("NameError:", e)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["c"]
print(d)
lst = list(range(8))
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)

class Box:
    pass
b = Box()
b.item = "thing"
b.other = 1
print(hasattr(b, "item"))
del b.item
print(hasattr(b, "item"), b.other)
try:
    del b.item
except AttributeError as e:
    print("AttributeError:", e)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
a, c = 1, 2
del a, c
try:
    print(a)
except NameError as e:
    print("NameError:", e)
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
