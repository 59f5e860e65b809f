# collections.OrderedDict.
from collections import OrderedDict
od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.items()))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([("x", 1), ("y", 2)])
od3 = OrderedDict([("y", 2), ("x", 1)])
print(od2 == od3, dict(od2) == dict(od3), od2 == {"y": 2, "x": 1})
cache = OrderedDict()
def use(key, capacity=2):
    if key in cache:
        cache.move_to_end(key)
    cache[key] = True
    if len(cache) > capacity:
        evicted, _ = cache.popitem(last=False)
        print("evict", evicted)
for k in ["a", "b", "a", "c", "b", "d"]:
    use(k)
print(list(cache))
print(OrderedDict(), OrderedDict(a=1), isinstance(od2, dict))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
