# try/except/else/finally, tuples of exception types, handler order.
def attempt(action):
    try:
        print("  trying", action)
        if action == "zero":
            1 / 0
        elif action == "key":
            {}["k"]
        elif action == "type":
            len(1)
        elif action == "value":
            int("x")
    except ZeroDivisionError as e:
        print("  zero:", e)
    except (KeyError, IndexError) as e:
        print("  lookup:", type(e).__name__, e)
    except Exception as e:
        print("  other:", type(e).__name__, e)
    else:
        print("  no exception")
    finally:
        print("  finally for", action)

for act in ["ok", "zero", "key", "type", "value"]:
    attempt(act)
try:
    try:
        raise TypeError("inner")
    finally:
        print("inner finally runs first")
except TypeError as e:
    print("then handler:", e)

