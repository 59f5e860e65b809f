# Uncaught AssertionError with a message.
def apply_discount(price, percent):
    assert 0 <= percent <= 100, f"bad percent {percent}"  ### "AssertionError: bad percent 150"
    return price * (100 - percent) / 100

prices = {"book": 80, "pen": 4}
for item, price in prices.items():
    print(item, apply_discount(price, 25))
print(apply_discount(prices["book"], 150))
print("not reached")
