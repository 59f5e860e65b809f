# async with (__aenter__/__aexit__) and async for (__aiter__/__anext__).
def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("coroutine suspended")

class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("acquire", self.name)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("release", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError

class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    async with Resource("db") as r, Resource("cache"):
        print("using", r.name)
    async with Resource("suppressing"):
        raise KeyError("ignored")
    try:
        async with Resource("failing"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    async for t in Ticker(3):
        print("tick", t)
    async for t in Ticker(5):
        if t == 2:
            continue
        if t == 4:
            break
        print("loop", t)
    else:
        print("not reached")
    async for t in Ticker(0):
        pass
    else:
        print("empty async for runs else")
    return "done"

print(run(main()))
