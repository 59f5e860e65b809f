# Classes: __init__, methods, class vs instance attributes, type names.
class Account:
    bank = "PyBank"
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def deposit(self, amount):
        self.balance += amount
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"

a = Account("ann")
b = Account("bob", 50)
a.deposit(10).deposit(5)
print(a, b, Account.count, a.count, a.bank)
a.bank = "Other"
print(a.bank, b.bank, Account.bank)
print(type(a).__name__, type(a) is Account, isinstance(a, Account), isinstance(a, object))
print(Account.__name__, repr(Account)[-10:], type(Account).__name__)
m = a.deposit
m(100)
print(a.balance, Account.deposit(b, 1).balance)
print(getattr(a, "owner"), getattr(a, "missing", "dflt"), hasattr(a, "deposit"))
setattr(a, "nick", "A")
print(a.nick, vars(b))

class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, Empty.__name__, isinstance(e, Empty))
try:
    e.y
except AttributeError as err:
    print("AttributeError:", err)
try:
    Empty.nope
except AttributeError as err:
    print("AttributeError:", err)
print(repr(int), repr(Empty) == "<class '__main__.Empty'>", str(type("s")))
print(Account.__qualname__, Account.deposit.__name__)
