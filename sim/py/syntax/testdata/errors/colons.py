if x = 1:
    pass
# ----
if x
    pass
# ----
if x:
    pass
elif y
    pass
# ----
if x:
    pass
else
    pass
# ----
while x
    pass
# ----
for i in range(10)
    print(i)
# ----
def f()
    pass
# ----
def f:
    pass
# ----
class A
    pass
# ----
class A(B)
    pass
# ----
try
    pass
except:
    pass
# ----
try:
    pass
except ValueError
    pass
# ----
try:
    pass
except
    pass
# ----
try:
    pass
finally
    pass
# ----
with open(f) as g
    pass
# ----
async def f()
    pass
# ----
if x  # comment
    pass
# ----
def f(x) -> int
    pass
# ----
for x in y z:
    pass
# ----
while x y:
    pass
# ----
lambda x x
