# Scopes: global statement, LEGB lookup, class bodies, UnboundLocalError.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)

def create_global():
    global created
    created = "made inside"
create_global()
print(created)

total = 100
def shadowing():
    total = 1
    return total
print(shadowing(), total)

print((lambda: total + 1)())

def broken():
    print(total)
    total = 5
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)

def uses_missing():
    return missing_helper()
try:
    uses_missing()
except NameError as e:
    print("NameError:", e)
x = 1
def del_then_use():
    x = 2
    del x
    return x
try:
    del_then_use()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

class Config:
    level = 3
    doubled = level * 2
    def method(self):
        try:
            return level
        except NameError as e:
            return f"NameError: {e}"
print(Config.doubled, Config().method())
