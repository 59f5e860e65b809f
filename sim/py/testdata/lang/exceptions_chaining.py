# __cause__, __context__, __suppress_context__ (all caught, printed).
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e

try:
    parse("x1")
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))
    print(e.__suppress_context__)

try:
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print(e, "| cause:", e.__cause__, "| context:", repr(e.__context__))
    print(e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError("hidden context") from None
except LookupError as e:
    print(e, e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    raise TypeError("direct")
except TypeError as e:
    print(e.__cause__, e.__context__)

def cleanup_fails():
    try:
        raise OSError("primary")
    finally:
        try:
            raise AttributeError("in finally")
        except AttributeError as inner:
            print("inner context:", repr(inner.__context__))
try:
    cleanup_fails()
except OSError as e:
    print("primary still propagates:", e)

err = ValueError("manual")
err.__cause__ = KeyError("set by hand")
print(repr(err.__cause__), err.__suppress_context__)
try:
    raise IndexError("i") from TypeError("t")
except IndexError as e:
    print(repr(e.__cause__), e.__cause__.__traceback__ is None)
