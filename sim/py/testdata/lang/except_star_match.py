# except* (PEP 654): each clause takes the part of the group that matches.


def show(label, f):
    try:
        f()
        print(label, "-> nothing escaped")
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e))


def full():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        print("caught", repr(e), type(e).__name__)


def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("values", repr(e))
    except* TypeError as e:
        print("types", repr(e))


def unmatched_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError("k"), OSError(5)])
    except* ValueError as e:
        print("values", repr(e))


def nested():
    inner = ExceptionGroup("inner", [TypeError("t"), ValueError("v")])
    try:
        raise ExceptionGroup("outer", [ValueError(1), inner, KeyError(2)])
    except* ValueError as e:
        print("values", repr(e))
        print("leaves", [repr(x) for x in e.exceptions])
    except* (TypeError, KeyError) as e:
        print("others", repr(e))


def naked():
    try:
        raise ValueError("alone")
    except* ValueError as e:
        print("wrapped", repr(e), repr(e.exceptions[0]))


def naked_unmatched():
    try:
        raise ValueError("alone")
    except* TypeError:
        print("not here")


def naked_base():
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as e:
        print("base", type(e).__name__, repr(e))


def exception_matches_group():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* Exception as e:
        print("everything", repr(e))


def name_unbound():
    e = "before"
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        print(e)
    except NameError as err:
        print("NameError:", err)


def else_finally():
    for raise_it in (False, True):
        try:
            if raise_it:
                raise ExceptionGroup("eg", [ValueError(1)])
            print("body ran")
        except* ValueError:
            print("handled")
        else:
            print("else ran")
        finally:
            print("finally ran")


def finally_with_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled values")
    finally:
        print("finally before the rest leaves")


def handler_order():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* Exception as e:
        print("first clause takes all", repr(e))
    except* ValueError:
        print("never")


show("full", full)
show("partial", partial)
show("unmatched_rest", unmatched_rest)
show("nested", nested)
show("naked", naked)
show("naked_unmatched", naked_unmatched)
show("naked_base", naked_base)
show("exception_matches_group", exception_matches_group)
show("name_unbound", name_unbound)
show("else_finally", else_finally)
show("finally_with_rest", finally_with_rest)
show("handler_order", handler_order)
