# Truthiness, boolean operators returning operands, None.
values = [0, 1, -1, 0.0, 2.5, "", "a", [], [0], (), (None,), {}, {"k": 1}, None, set()]
for v in values:
    print(repr(v), bool(v), not v)

print(0 or "default", "x" or "y", [] or {} or "last")
print(1 and 2, 0 and 2, "a" and "" and "b")
print(None is None, None == None, None is not False)
print(True is True, True == 1, False == 0, True is not None)
print(str(None), repr(None), str(True), repr(False))
print(type(None).__name__, type(True).__name__)
print(int(True) + int(False), True & False, True | False, True ^ True)
print(bool(), bool(None), bool("False"))

def noreturn():
    pass

print(noreturn())
result = noreturn() or "fallback"
print(result)
x = None
if not x:
    print("x is falsy")
if x is None:
    print("x is None")
print(all([]), any([]), all([1, "a"]), any([0, "", None]))
