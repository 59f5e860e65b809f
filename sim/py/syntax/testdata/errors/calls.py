f(a for a in b, c)
# ----
f(c, a for a in b)
# ----
f(a=1, b)
# ----
f(**k, b)
# ----
f(**k, *a)
# ----
f(True=1)
# ----
f(None=1)
# ----
f(a.b=1)
# ----
f(x=1 for x in y)
# ----
f(a b)
# ----
f(a, b c)
# ----
f(a=1, a=2)
# ----
f(1 + )
# ----
f(,)
# ----
f(a,,b)
# ----
class A(x=1, x=2): pass
# ----
print "hello"
# ----
print x
# ----
print x, y
# ----
exec "code"
# ----
x = [1 2]
# ----
x = [1, 2 3]
# ----
x = (a b)
# ----
x = {a: b c}
# ----
x = {a b}
# ----
x = [f(x) y]
# ----
x = (1, 2
     3)
# ----
x = [a.b c.d]
# ----
x = ["a" "b" c]
# ----
x = 1 2
# ----
x = a b
# ----
x = [*a for a in b]
# ----
x = [a, b for a in c]
# ----
x = [a, for a in c]
# ----
x = {a, b for a in c}
# ----
x = {**a for a in b}
# ----
x = (*a for a in b)
# ----
x = (*a)
# ----
x = (**a)
# ----
x = {a: 1, b}
# ----
x = {a:}
# ----
x = {a: *b}
# ----
x = {a: 1, b:}
# ----
x = [x for x in]
# ----
x = [for x in y]
# ----
x = [x for in y]
