# Closures capture variables, nonlocal rebinding, late binding.
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())

def make_multipliers():
    return [lambda x: x * i for i in range(1, 4)]
print([m(10) for m in make_multipliers()])

def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())

def accumulator():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulator()
for v in (5, 10, 20):
    print(acc(v))

def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(1), adder(-1)(1), (lambda a, b=2: a * b)(4))

def fib_memo():
    cache = {}
    def fib(n):
        if n not in cache:
            cache[n] = n if n < 2 else fib(n - 1) + fib(n - 2)
        return cache[n]
    return fib
print(fib_memo()(80))

def shadow():
    y = 1
    def read():
        return y
    y = 2
    return read()
print(shadow())
