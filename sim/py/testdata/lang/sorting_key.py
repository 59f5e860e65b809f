# sorted and list.sort: key functions, reverse, stability.
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 25), ("eve", 40)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: -p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name = sorted(people, reverse=True)
print(by_name)
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums)
nums.sort()
print(nums, sorted(nums, reverse=True))
print(sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted([]))
print(sorted([3.5, 1, 2.25, -1]), sorted([True, False, 2]))
records = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
print([r["n"] for r in sorted(records, key=lambda r: r["v"])])

class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price
    def __repr__(self):
        return f"Item({self.name!r}, {self.price})"
items = [Item("pen", 2), Item("book", 12), Item("cup", 5)]
print(sorted(items, key=lambda i: i.price))
print(max(items, key=lambda i: i.price), min(items, key=lambda i: i.name))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(items)
except TypeError as e:
    print("TypeError:", e)
