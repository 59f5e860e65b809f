# Uncaught user-defined exception: __main__ classes print without module.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed

def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount, balance)  ### "InsufficientFunds: need 50, have 20"
    return balance - amount

print(withdraw(100, 30))
print(withdraw(20, 50))
