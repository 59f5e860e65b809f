def f(a=1, b): pass
# ----
def f(a, a): pass
# ----
def f(a, *, a): pass
# ----
def f(*a, **a): pass
# ----
lambda a, a: 1
# ----
def f(*): pass
# ----
def f(*, **k): pass
# ----
def f(*a=1): pass
# ----
def f(**k=1): pass
# ----
def f(**k, a): pass
# ----
def f(**k, *a): pass
# ----
def f(/, a): pass
# ----
def f(a, /, b, /): pass
# ----
def f(*a, /): pass
# ----
def f(*a, *b): pass
# ----
def f(a=): pass
# ----
def f(a, b=1, c): pass
# ----
def f(a b): pass
# ----
def f(1): pass
# ----
def f(a,,): pass
# ----
lambda a=1, b: 0
# ----
lambda *: 0
# ----
def (x): pass
# ----
def f(x) pass
# ----
class (A): pass
# ----
class A(): pass
class B(A, b c): pass
