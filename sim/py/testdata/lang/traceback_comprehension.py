# Errors inside a lambda, a list comprehension and a generator expression.
# CPython 3.11 shows <listcomp> and <genexpr> frames (3.12 inlines listcomp).
invert = lambda x: 1 / x  ### "ZeroDivisionError: division by zero"

def inverses(values):
    return [invert(v) for v in values]

def total(values):
    return sum(1 / v for v in values)

print(inverses([1, 2, 4]))
print(total([1, 2]))
try:
    total([1, 0])
except ZeroDivisionError as e:
    print("caught:", e)
print(inverses([5, 0]))
