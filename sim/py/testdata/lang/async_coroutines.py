# async def / await without any event loop: coroutines that never suspend
# run to completion on the first send(None), returning via StopIteration.
def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("coroutine suspended")

async def add(a, b):
    return a + b

async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y, await add("a", "b")]

print(run(compute()))
co = add(1, 2)
print(type(compute).__name__, type(co).__name__)
co.close()  # closing an unstarted coroutine silences the never-awaited warning

async def fails():
    raise ValueError("inside coroutine")

async def catches():
    try:
        await fails()
    except ValueError as e:
        return f"caught {e}"
    finally:
        print("finally in coroutine")
print(run(catches()))

async def recursive(n):
    if n == 0:
        return 0
    return n + await recursive(n - 1)
print(run(recursive(10)))

c = add(5, 5)
print(run(c))
try:
    run(c)
except RuntimeError as e:
    print("RuntimeError:", e)

class Service:
    async def fetch(self, key):
        return key.upper()
    async def fetch_all(self, keys):
        return [await self.fetch(k) for k in keys]
print(run(Service().fetch_all(["a", "b"])))
