def f(): pass
# ----
def f(a): pass
# ----
def f(a, b=1, *args, c, d=2, **kwargs): pass
# ----
def f(a, /, b, *, c): pass
# ----
def f(a, b=2, /, c=3, *, d, e=5): pass
# ----
def f(*, a, b=1): pass
# ----
def f(*args): pass
# ----
def f(**kwargs): pass
# ----
def f(a, /): pass
# ----
def f(a=1, /, b=2): pass
# ----
def f(a: int, b: str = "x", *args: int, c: float = 1.0, **kw: dict) -> bool: pass
# ----
def f(a, b,): pass
# ----
def f(*args,): pass
# ----
def f(**kwargs,): pass
# ----
async def main():
    await asyncio.sleep(1)
# ----
async def gen():
    for i in range(3):
        yield i
        await sleep(0)
# ----
async def f():
    async for x in aiter():
        pass
    else:
        pass
# ----
async def f():
    async with lock:
        pass
    async with a as b, c as d:
        pass
# ----
async def f():
    r = [x async for x in agen()]
    s = [await x for x in y]
    t = {k: await v async for k, v in items()}
    u = (await x for x in y)
    v = await asyncio.gather(*tasks)
    return await coro()
# ----
async def f():
    x = await a.b.c()
    y = await a ** 2
    z = -await b
    w = await a[0]
    return [await t for t in tasks if await t]
# ----
@curio.run
async def main(): pass
# ----
def outer():
    def inner():
        pass
    async def ainner():
        pass
    class Local:
        pass
    return inner
# ----
async def f():
    [x for x in await y]
# ----
lambda: 0
# ----
f = lambda x: x + 1
# ----
f = lambda x, y=2, *a, z, **k: (x, y, a, z, k)
# ----
f = lambda *, a: a
# ----
f = lambda a, /, b: a
# ----
f = lambda *args, **kwargs: None
# ----
f = lambda: (yield)
# ----
key = lambda x: -x[1]
# ----
def f(x):
    return lambda y: lambda z: x + y + z
# ----
def f():
    global counter
    counter += 1
# ----
def f():
    x = 0
    def g():
        nonlocal x
        x += 1
    g()
    return x
# ----
def f(a, b):
    """Docstring."""
    return a
# ----
class A:
    """Doc."""
    def __init__(self, x):
        super().__init__()
        self.x = x

    def __repr__(self):
        return f"A({self.x!r})"

    def __eq__(self, other):
        return isinstance(other, A) and self.x == other.x

    def __lt__(self, other):
        return self.x < other.x

    def __hash__(self):
        return hash(self.x)

    def __len__(self):
        return 1

    def __iter__(self):
        yield self.x

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False
