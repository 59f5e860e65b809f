x = 1
# ----
a = b = c = 0
# ----
a, b = b, a
# ----
a, *rest = [1, 2, 3]
# ----
*init, last = range(10)
# ----
[a, b] = c
# ----
(a, b), c = d
# ----
x.y = 1
x[0] = 2
x[1:2] = [3]
# ----
x += 1
x -= 1
x *= 2
x /= 3
x //= 4
x %= 5
x **= 6
x >>= 1
x <<= 2
x &= 3
x |= 4
x ^= 5
x @= y
# ----
obj.attr += 1
obj[i] -= 2
(x) += 3
# ----
x: int
y: list[int] = []
self.x: int = 0
(z): str = 'a'
d['k']: float
# ----
del x
del x, y
del (x, y)
del [a, b], c.d, e[0]
del x,
# ----
pass
# ----
def f():
    return
# ----
def f():
    return 1, 2
# ----
def f():
    return *a, b
# ----
def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    yield from range(3)
# ----
import os
import os.path
import a.b.c as d, e
# ----
from os import path
from os.path import join, exists as ex
from . import x
from .. import y
from ...pkg import z
from .mod import (a, b as c,)
from .... import w
from x import *
# ----
global x
global x, y
# ----
def f():
    x = 1
    def g():
        nonlocal x
        x = 2
    return g
# ----
assert x
assert x, "message"
# ----
raise
# ----
raise ValueError
# ----
raise ValueError("bad") from err
# ----
raise ValueError from None
# ----
if x:
    pass
# ----
if x:
    a
elif y:
    b
elif z:
    c
else:
    d
# ----
if __name__ == '__main__':
    main()
# ----
while True:
    break
else:
    pass
# ----
while x > 0:
    x -= 1
    if x == 3:
        continue
# ----
for i in range(10):
    print(i)
else:
    print("done")
# ----
for i, (a, b) in enumerate(pairs):
    pass
# ----
for x, in y:
    pass
# ----
for *a, b in c:
    pass
# ----
for x.y in z: pass
for x[0] in z: pass
for [a, b] in z: pass
# ----
try:
    pass
except:
    pass
# ----
try:
    f()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except Exception as e:
    raise RuntimeError("x") from e
else:
    ok()
finally:
    cleanup()
# ----
try:
    pass
finally:
    pass
# ----
with open(f) as fh:
    pass
# ----
with a, b as c, d() as (e, f):
    pass
# ----
with (a, b):
    pass
# ----
with (a as b, c as d):
    pass
# ----
with (a as b, c as d,):
    pass
# ----
with (a, b) as c:
    pass
# ----
def f():
    with (yield):
        pass
# ----
with (a):
    pass
# ----
with (a) as b, (c):
    pass
# ----
class A:
    pass
# ----
class B(A, metaclass=M):
    x = 1
    def method(self):
        return self.x
# ----
class C(A, B, *mixins, **kw):
    pass
# ----
class D():
    pass
# ----
@decorator
def f():
    pass
# ----
@property
def x(self):
    return self._x
# ----
class K:
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): pass
    @x.setter
    def x(self, v): self._x = v
    @a.b(c)
    @d
    def m(self): ...
# ----
@dataclass
class P:
    x: int = 0
# ----
x = 1; y = 2; z = 3
# ----
x = 1;
# ----
if x: y = 1; z = 2
# ----
while 1: pass
# ----
for x in y: continue
# ----
class E(Exception): pass
# ----
def f(): return 1
# ----
x = 1  # comment
# comment
   # indented comment

y = 2
# ----
def f():
    # comment


    return 1
# ----
if x:
    if y:
        if z:
            pass
        else:
            pass
a = 1
# ----
x = (1 +
     2)
y = [1,
  2,
      3]
z = {
}
# ----
x = 1 + \
    2
# ----
if a and \
   b:
    pass
# ----
def f(
    a,
    b,
):
    pass
# ----
x = [
    1,
    2,
]
# ----
try:
    pass
except* ValueError:
    pass
# ----
try:
    f()
except *(TypeError, KeyError) as e:
    g(e)
except* OSError:
    pass
else:
    h()
finally:
    done()
# ----
def f():
    for x in y:
        try:
            pass
        except* E:
            for z in x:
                break
            def g():
                return 1
    try:
        return 1
    except* E:
        pass
    else:
        return 2
    finally:
        return 3
# ----
async def f():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(g())
    try:
        await g()
    except* (ValueError, TypeError) as eg:
        print(eg.exceptions)
