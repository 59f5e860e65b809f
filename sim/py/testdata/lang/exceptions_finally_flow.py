# finally with return/break/continue, and exceptions inside loops.
def returns_in_finally():
    try:
        return "try"
    finally:
        print("finally runs before return")

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the error"

print(returns_in_finally())
print(finally_overrides())
print(swallow())

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)

while True:
    try:
        break
    finally:
        print("finally on break")

results = []
for token in ["1", "x", "3", "", "5"]:
    try:
        results.append(int(token))
    except ValueError:
        results.append(None)
        continue
    else:
        results.append("ok")
print(results)

def nested():
    try:
        try:
            raise KeyError("k")
        except KeyError:
            raise IndexError("from handler")
        finally:
            print("inner finally")
    except IndexError as e:
        return f"caught {e}"
print(nested())
