# Multiple inheritance: C3 linearisation and cooperative super().
class A:
    def who(self):
        return ["A"]
    def __init__(self):
        print("A.__init__")
        super().__init__()

class B(A):
    def who(self):
        return ["B"] + super().who()
    def __init__(self):
        print("B.__init__")
        super().__init__()

class C(A):
    def who(self):
        return ["C"] + super().who()
    def __init__(self):
        print("C.__init__")
        super().__init__()

class D(B, C):
    def who(self):
        return ["D"] + super().who()
    def __init__(self):
        print("D.__init__")
        super().__init__()

d = D()
print(d.who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])

class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class V(Z, W): pass
print([k.__name__ for k in V.__mro__])

class Mixin:
    def greet(self):
        return "mixin:" + super().greet()
class Core:
    def greet(self):
        return "core"
class Combined(Mixin, Core):
    pass
print(Combined().greet())

class Explicit(B):
    def who(self):
        return super(B, self).who()
print(Explicit().who())
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
