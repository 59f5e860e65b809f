x = (1 2
y = 'abc
# ----
x = 1 2
y = 'abc
# ----
if x:
    y = 1 2
  z = 3
# ----
s = "héllo" + 
# ----
s = "héllo" + $
# ----
s = "日本" 1
# ----
name = "Zoë"; print(f"{name!}")
# ----
items = [
    "a",
    "b"
    "c"
    d
]
# ----
items = [
    1,
    2
    3,
]
# ----
def f(x):
return x
# ----
if x == 1:
    pass
else if x == 2:
    pass
# ----
x = = 1
# ----
if x == 1
    print(x)
# ----
while True print(x)
# ----
for i in range 10:
    pass
# ----
print("a" "b" c)
# ----
import curio
async def main()
    await curio.sleep(1)
# ----
async def f():
    await
# ----
async = 1
# ----
await = 1
# ----
def class(): pass
# ----
def f(self, x=[]:
    pass
# ----
curio.run(main()
# ----
async def main():
    await curio.sleep(1
curio.run(main)
# ----
async def main():
    task = await curio.spawn(child
    await task.join()
# ----
async def main():
    print('hi')
   await curio.sleep(1)
# ----
def f():
	if x:
	    pass
        return 1
# ----
x = [i for i in range(10) if i % 2 == 0 else 0]
# ----
x = {'a': 1 'b': 2}
# ----
x = {'a' 1}
# ----
d = {'a': 1, 'b' 2}
# ----
print('hello' + name + )
# ----
if x > 0 and:
    pass
# ----
x = 5 +* 3
# ----
def f():
    return x
    y = 1
        z = 2
# ----
class A:
    def __init__(self):
        self.x = 1
     def f(self):
        pass
# ----
try:
    x = 1
print(x)
# ----
try:
    pass
except ValueError, TypeError:
    pass
# ----
try:
    pass
except (ValueError, TypeError) e:
    pass
# ----
with open('f') as f, :
    pass
# ----
from curio import *, run
# ----
import curio.
# ----
x = 'abc' 'def
# ----
x = """abc""" """def
# ----
	x = 1
# ----
x = 1
	y = 2
# ----
def f():
    x = 1
	y = 2
# ----
f(**)
# ----
f(*)
# ----
x = [1, 2,, 3]
# ----
x = (,)
# ----
lambda: yield
# ----
x = yield
# ----
def f():
    x = await y
# ----
nonlocal = 1
# ----
x.1 = 2
# ----
x = 1.__class__
# ----
x = 0777
# ----
x = 09
# ----
x = 1e5j5
# ----
x = 0b102
# ----
x = 0o19
# ----
x = 0x1g
# ----
x = 1_000_
# ----
x = 3.14.15
# ----
a = 1 if b else
# ----
print(x for x in y, z)
# ----
f(x for x in y)(a for a in b, c)
# ----
x = [(yield) for y in z]
# ----
def f():
    yield = 1
# ----
del x + 1
# ----
del (x for x in y)
# ----
global x, 1
# ----
assert x,
# ----
raise X,
# ----
return x,,
# ----
x = a if b else c if d
# ----
x = -
# ----
x = not
y = 1
# ----
if True:
    pass
  elif False:
    pass
