# Uncaught AttributeError: CPython 3.11 adds "Did you mean" for near misses.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount

acct = Account(10)
acct.deposit(5)
print(acct.balance)
# str(e) never contains the suggestion; only the printed traceback does.
try:
    acct.balanse
except AttributeError as e:
    print("caught:", e)
print(acct.balanse)  ### "has no attribute 'balanse'"
