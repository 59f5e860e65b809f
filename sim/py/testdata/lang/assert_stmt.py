# assert with and without message.
def check(n):
    assert n >= 0, f"negative value: {n}"
    return n ** 0.5

print(check(16))
try:
    check(-4)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("empty message:", repr(str(e)), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("args:", e.args)
assert True, "never raised"
t = (1, 2)
assert t, "a non-empty tuple is true"
print("done")
