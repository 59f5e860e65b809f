# Uncaught NameError with a "Did you mean" suggestion (3.11).
def total(values):
    result = 0
    for value in values:
        result += value
    return result

def show(values):
    print("total", total(values))
    for value in values:
        prnt(value)  ### "name 'prnt' is not defined"

show([1, 2])
