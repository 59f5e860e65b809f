# Generators: lazy evaluation, state, return value, generator expressions.
def count_up(n):
    print("start")
    for i in range(n):
        print("yielding", i)
        yield i
    print("end")

g = count_up(2)
print(type(g).__name__)
for value in g:
    print("got", value)
print(list(g))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])

def with_return():
    yield 1
    return "result"
gr = with_return()
print(next(gr))
try:
    next(gr)
except StopIteration as e:
    print("StopIteration value:", e.value)

gen = (x * x for x in range(5) if x % 2 == 0)
print(gen.__class__.__name__, list(gen), list(gen))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(", ".join(str(i) for i in range(3)))

def pipeline():
    nums = (n for n in range(1, 20))
    evens = (n for n in nums if n % 2 == 0)
    squares = (n * n for n in evens)
    return list(squares)
print(pipeline())

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(3, fib())))
def empty():
    return
    yield
print(list(empty()))
lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
