# Slicing of lists, strings, tuples, bytes; slice assignment and deletion.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[-2:2:-2])
print(s[100:], s[-100:2], s[5:2], s[::-3], repr(s[3:3]))
lst = list(range(10))
print(lst[::3], lst[8:2:-2], lst[-1:-4:-1], lst[:], lst[:] is lst)
t = tuple(lst)
print(t[2:4], t[::-4], b"bytes"[1:3], range(10)[2:8:2])
a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [10, 20, 30, 40][:len(a[::2])]
print(a)
a[:0] = [-1]
a[len(a):] = [99]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
b = [1, 2, 3]
b[:] = []
print(b)
sl = slice(1, 8, 3)
print(s[sl], sl, sl.start, sl.stop, sl.step, slice(4))
print(slice(None, None, -1).indices(5), slice(2, 100).indices(10))
try:
    c = [1, 2, 3, 4]
    c[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1:] for row in matrix[1:]], matrix[-1][::-1])
