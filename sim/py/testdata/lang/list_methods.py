# list methods and operations.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.insert(0, 2)
a.insert(100, 6)
a.insert(-1, 7)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(4), a.index(1), a.count(1), a.count(42))
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
b = a.copy()
b.append(0)
print(a, b, a == b[:-1], a is b)
b.clear()
print(b, bool(b))
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, 3 in [1, 2, 3], [1, [2]] == [1, [2]])
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0])
nested = [[1, 2], [3, 4]]
alias = nested[0]
alias.append(99)
print(nested)
lst = list("abc")
lst += "de"
lst *= 2
print(lst)
lst[1:3] = ["X"]
del lst[-1]
del lst[::2]
print(lst)
print(list(range(5)), list(range(10, 0, -3)), list(range(0)), list((1, 2)))
print(sum([[1], [2, 3]], []), max([3, 7, 2]), min(["b", "a"]), sorted([3, 1, 2]))
print(list(enumerate(["x", "y"], 1)), list(zip([1, 2, 3], "ab")))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1][5]
except IndexError as e:
    print("IndexError:", e)
