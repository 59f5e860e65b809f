x = 1abc
# ----
x = 0x
# ----
x = 1_
# ----
x = 1__0
# ----
x = 0o8
# ----
x = 0o
# ----
x = 0b2
# ----
x = 0b
# ----
x = 012
# ----
x = 1e
# ----
x = 1e+
# ----
x = 1.2.3
# ----
x = 0xg
# ----
x = 5 € 3
# ----
x€ = 1
# ----
x = $
# ----
x = a ? b : c
# ----
x = `a`
# ----
x = a ! b
# ----
x = 1 \ 2
# ----
x = 1 + \
# ----
x = 1 +\

# ----
x = a <> b
# ----
x = a === b
# ----
x = a && b
# ----
x = a || b
# ----
x++
# ----
x = 1 if
# ----
import
# ----
from x import
# ----
from x import a,
# ----
from x import (a, b
# ----
import a.
# ----
from . import *, a
# ----
import a as
# ----
def def(): pass
# ----
class = 1
# ----
None = 1
# ----
x = True = 1
# ----
if = 1
# ----
for = 1
# ----
x = import
# ----
else:
    pass
# ----
elif x:
    pass
# ----
except:
    pass
# ----
try:
    pass
x = 1
# ----
try:
    pass
else:
    pass
# ----
@
def f(): pass
# ----
@decorator
x = 1
# ----
x = 1; ; y = 2
# ----
;
# ----
x =
# ----
x = (
# ----
del
# ----
assert
# ----
raise from x
# ----
global
# ----
global x.y
# ----
with:
    pass
# ----
with a as:
    pass
# ----
x = [1, 2, 3]]
# ----
x = 'abc' + 1abc
# ----
x = (1 +
# ----
foo(
bar = 1
# ----
x = 1 +
# ----
x = not
# ----
x = a.1
# ----
x = a.
# ----
x = .5.5
# ----
x = 5.a
# ----
x = 1 in
# ----
if x:
	 pass
  	pass
# ----
def f():
 	x = 1
	y = 2
