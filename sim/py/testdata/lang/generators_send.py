# Generator send, throw, close, and finally in generators.
def echo():
    received = None
    while True:
        received = yield f"echo:{received}"
        if received == "stop":
            return "stopped"

g = echo()
print(next(g))
print(g.send("a"))
print(g.send(42))
try:
    g.send("stop")
except StopIteration as e:
    print("returned", e.value)

def averager():
    total, count = 0, 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
a.send(None)
print([a.send(v) for v in (10, 20, 60)])

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("generator caught", e)
        yield "recovered"
    finally:
        print("generator cleanup")

gg = guarded()
print(next(gg))
print(gg.throw(ValueError("boom")))
gg.close()
print("closed")

g2 = guarded()
print(next(g2))
g2.close()
g2.close()
try:
    next(g2)
except StopIteration:
    print("exhausted after close")
fresh = echo()
try:
    fresh.send("too early")
except TypeError as e:
    print("TypeError:", e)
