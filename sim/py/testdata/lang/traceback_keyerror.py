# Uncaught KeyError: the message is the repr of the key.
inventory = {"apples": 3, "pears": 0}

def take(item, count):
    stock = inventory[item]  ### "KeyError: 'plums'"
    inventory[item] = stock - count
    return inventory[item]

print(take("apples", 1))
print(take("plums", 1))
