# Unbounded recursion raises RecursionError at CPython's default limit (1000).
# Only stable facts are printed: the type, the message and a depth range.
depth = 0

def dive(n):
    global depth
    depth = n
    return dive(n + 1)

try:
    dive(1)
except RecursionError as e:
    print(type(e).__name__, "-", e)
    print("is RuntimeError:", isinstance(e, RuntimeError))
    print("depth between 900 and 1000:", 900 < depth <= 1000)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(500))))

def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)
print("recovered, recursion works again:", fact(10))
