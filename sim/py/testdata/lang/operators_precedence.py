# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2, (-3) ** 2)
print(2 ** -1, 2 ** 3 ** 2, 100 / 10 / 5, 2 - 3 - 4)
print(not 1 == 2, not (1 and 0), 1 + 2 == 3 and 4 > 3)
print(1 | 2 ^ 3 & 4, 1 << 2 + 1, ~0 + 1, -~5, +-+3)
print(3 > 2 == True, (3 > 2) == True)
print(1 if 0 else 2 if 0 else 3)
print(True or False and False, (True or False) and False)
print("a" in "abc" and "z" not in "abc")
print([1, 2] + [3] * 2, "ab" * 3, 3 * "x", [0] * 0)
print(10 % 3 * 2, 10 * 3 % 7, -7 // 2 * 2)
x = 5
print(0 < x < 10, 0 < x > 3, 1 < 2 < 3 < 4 < 2)
print(x is not None, x not in [1, 2, 3])
lst = [1, 2, 3]
print(lst is lst, lst == [1, 2, 3], lst is [1, 2, 3])
print(not not x, -x ** 2, (-x) ** 2)
trace = []
def val(v):
    trace.append(v)
    return v
print(val(1) < val(2) < val(3), trace)
trace.clear()
print(val(5) < val(2) < val(3), trace)
trace.clear()
print(val(0) or val(7), val(0) and val(8), trace)
