# Parameters: defaults, *args, **kwargs, keyword-only, positional-only.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

def collect(*args, **kwargs):
    return args, kwargs
print(collect(), collect(1, 2, a=3), collect(*"ab", **{"x": 1}))

def kwonly(a, *, b, c=3):
    return a, b, c
print(kwonly(1, b=2), kwonly(a=1, b=2, c=4))

def posonly(a, b, /, c):
    return a, b, c
print(posonly(1, 2, 3), posonly(1, 2, c=3))

def mixed(a, b=2, *rest, key=None, **extra):
    return f"a={a} b={b} rest={rest} key={key} extra={extra}"
print(mixed(1))
print(mixed(1, 5, 6, 7, key="k", z=26))

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print(append_to(1), append_to(2), append_to(3, []))

def append_safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(append_safe(1), append_safe(2))

def no_return():
    x = 1
def early(n):
    if n:
        return
    return "end"
print(no_return(), early(1), early(0))

def multi():
    return 1, [2], "three"
print(multi(), type(multi()).__name__)

def doc():
    """Docstring here."""
    return doc.__doc__
print(doc(), greet.__name__)
