# Async generators and async comprehensions, await inside comprehensions.
def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("coroutine suspended")

async def double(x):
    return x * 2

async def agen(n):
    for i in range(n):
        yield await double(i)
    print("agen finished")

async def main():
    async for v in agen(3):
        print("got", v)
    squares = [v * v async for v in agen(4)]
    print(squares)
    doubled = [await double(x) for x in range(3)]
    print(doubled)
    mapping = {x: await double(x) for x in "ab"}
    print(mapping)
    evens = [v async for v in agen(5) if v % 4 == 0]
    print(evens)
    g = agen(2)
    print(type(g).__name__)
    first = await g.__anext__()
    second = await g.__anext__()
    print(first, second)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    return "ok"

print(run(main()))
