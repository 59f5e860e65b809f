# raise forms: bare re-raise, raising a class, args, bare except, 'as' unbinding.
def reraiser():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except ValueError as e:
    print("outer caught", e)

e = "name before"
try:
    raise RuntimeError("bound")
except RuntimeError as e:
    print("handler sees", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)

try:
    raise ValueError
except ValueError as v:
    print("class raised ->", repr(v), v.args)
try:
    raise KeyError("a", 1)
except LookupError as k:
    print(repr(k), k.args, str(k))
try:
    raise Exception()
except BaseException as b:
    print(repr(b), repr(str(b)))
try:
    raise KeyboardInterrupt
except:
    print("bare except catches everything")
try:
    raise
except RuntimeError as r:
    print("RuntimeError:", r)

def handler_chain(exc):
    try:
        raise exc
    except (TypeError, ValueError) as e:
        return "tuple handler: " + type(e).__name__
    except Exception as e:
        return "generic handler: " + type(e).__name__
print(handler_chain(ValueError()), handler_chain(OSError()), handler_chain(TypeError))
