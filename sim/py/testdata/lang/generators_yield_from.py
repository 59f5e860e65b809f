# yield from: delegation, return values, send passthrough.
def inner():
    x = yield "inner-1"
    print("inner received", x)
    yield "inner-2"
    return "inner-result"

def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer-done"

g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration:
    print("finished")

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))

def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", [1, 2], range(3, 5), (x for x in "z"))))

def tree(depth):
    if depth == 0:
        return 1
    left = yield from tree(depth - 1)
    right = yield from tree(depth - 1)
    yield f"node@{depth}"
    return left + right
t = tree(2)
print(list(t))

def delegate_throw():
    try:
        yield from inner()
    except RuntimeError as e:
        yield f"outer handled {e}"
d = delegate_throw()
next(d)
print(d.throw(RuntimeError("x")))
