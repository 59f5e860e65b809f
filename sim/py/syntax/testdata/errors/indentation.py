x = 1
    y = 2
# ----
if x:
pass
# ----
def f():
    if x:
y = 1
# ----
if x:
# ----
if True:
  x
 y
# ----
def f():
return 1
# ----
for x in y:
print(x)
# ----
while x:
x -= 1
# ----
class A:
def f(self): pass
# ----
try:
x = 1
except:
    pass
# ----
try:
    x = 1
except:
pass
# ----
try:
    x = 1
finally:
pass
# ----
with a:
pass
# ----
if x:
    pass
else:
pass
# ----
if x:
    pass
elif y:
pass
# ----
async def f():
pass
# ----
def f():
    x = 1
      y = 2
# ----
def f():
	x = 1
        y = 2
# ----
if x:
        a
	b
# ----
  x = 1
# ----
def f():
    pass
  x = 1
# ----
if x:
    pass
    else:
        pass
# ----
def f():
    """doc"""
        return 1
# ----
class C:
    def f(self):
        pass
   def g(self):
        pass
# ----
for i in range(3):
    pass
        print(i)
# ----
if x:
    a = 1
  b = 2
