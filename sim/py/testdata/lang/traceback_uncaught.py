# An uncaught ZeroDivisionError raised three calls deep.
def average(values):
    total = sum(values)
    return total / len(values)  ### "ZeroDivisionError: division by zero"

def report(name, values):
    mean = average(values)
    return f"{name}: {mean:.2f}"

def main():
    print(report("first", [1, 2, 3]))
    print(report("empty", []))

main()
print("not reached")
