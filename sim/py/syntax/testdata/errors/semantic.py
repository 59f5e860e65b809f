return 1
# ----
def f():
    pass
return
# ----
class C:
    return 1
# ----
yield 1
# ----
class C:
    yield
# ----
x = yield from y
# ----
await x
# ----
def f():
    await x
# ----
async def f():
    lambda: await x
# ----
async def f():
    def g():
        await x
# ----
break
# ----
continue
# ----
for x in y:
    def f():
        break
# ----
while x:
    class C:
        continue
# ----
if x:
    break
# ----
while x:
    pass
else:
    break
# ----
try:
    pass
finally:
    continue
# ----
nonlocal x
# ----
def f():
    nonlocal x
# ----
def f():
    x = 1
    def g():
        global x
        nonlocal x
# ----
def f(x):
    global x
# ----
def f():
    x = 1
    global x
# ----
def f():
    print(x)
    global x
# ----
def f():
    x: int
    global x
# ----
def f(x):
    def g():
        nonlocal x
        x = 1
    nonlocal x
# ----
class A:
    from m import *
# ----
def f():
    from m import *
# ----
def f():
    [(yield x) for x in y]
# ----
def f():
    {(yield x) for x in y}
# ----
def f():
    ((yield x) for x in y)
# ----
[await x for x in y]
# ----
def f():
    return [await x for x in y]
# ----
def f():
    [x async for x in y]
# ----
async with a:
    pass
# ----
async for x in y:
    pass
# ----
def f():
    async with a:
        pass
# ----
def f():
    async for x in y:
        pass
# ----
async def f():
    yield 1
    return 2
# ----
async def f():
    yield from x
# ----
f(a=1, a=2)
# ----
f(a=1, b=2, **c, a=3)
# ----
x = *a
# ----
*a = 1
# ----
*a, *b = c
# ----
print(*a) if x else *b
# ----
return *a
# ----
def f():
    return *a
# ----
for *x in y:
    pass
# ----
x = [a for a in b if *c]
# ----
def f(a, b, a):
    pass
# ----
def f(a, *, b, **b):
    pass
# ----
x = 1
def f():
    x = 2
    def g():
        nonlocal y
