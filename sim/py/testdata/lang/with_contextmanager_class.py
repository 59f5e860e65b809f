# with: __enter__/__exit__, several items, suppression, exceptions.
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print(f"exit {self.name} exc={kind} {exc!r}")
        return self.suppress

with Managed("a") as value:
    print("body with", value)

with Managed("outer") as o, Managed("inner") as i:
    print("both", o, i)

with Managed("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")

try:
    with Managed("loud"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

try:
    with Managed("first"), Managed("second", suppress=True):
        1 / 0
    print("inner suppressed, outer saw nothing")
except ZeroDivisionError:
    print("not reached")

def early_return():
    with Managed("ret"):
        return "returned"
print(early_return())

for n in range(2):
    with Managed(f"loop{n}"):
        if n == 0:
            continue
        break

class NoEnter:
    pass
try:
    with NoEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
with Managed("paren") as (p):
    print(p)
