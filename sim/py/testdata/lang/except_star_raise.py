# What leaves a try/except*: exceptions raised in the clauses together
# with the unhandled rest, as CPython's _PyExc_PrepReraiseStar builds it.


def show(label, f):
    try:
        f()
        print(label, "-> nothing escaped")
    except BaseException as e:
        print(label, "->", repr(e))
        ctx = e.__context__
        print("   context:", repr(ctx), "suppress:", e.__suppress_context__)
        if isinstance(e, BaseExceptionGroup):
            for x in e.exceptions:
                print("   member", repr(x), "context", repr(x.__context__))


def reraise_naked():
    try:
        raise ValueError(1)
    except* ValueError:
        raise


def reraise_part():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise


def reraise_both():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        raise


def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")


def raise_new_naked():
    try:
        raise ValueError(1)
    except* ValueError:
        raise KeyError("new")


def raise_in_two():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise OSError("a")
    except* TypeError:
        raise RuntimeError("b")


def raise_group_again():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise e


def raise_from():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise TypeError("converted") from e


def all_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
    except* TypeError:
        pass


def context_of_orig():
    try:
        try:
            raise KeyError("first")
        except KeyError:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass


def bad_type_group():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


def bad_type_tuple():
    try:
        raise ValueError(1)
    except* (ValueError, BaseExceptionGroup):
        pass


def bad_type_int():
    try:
        raise ValueError(1)
    except* int:
        pass


def bad_type_after_match():
    try:
        raise ValueError(1)
    except* ValueError:
        print("matched first")
    except* "not a class":
        pass


def in_loop():
    for i in range(3):
        try:
            if i % 2:
                raise ExceptionGroup("odd", [ValueError(i)])
            raise TypeError(i)
        except* ValueError as e:
            print(i, "value", repr(e))
        except* TypeError as e:
            print(i, "type", repr(e))


for f in [reraise_naked, reraise_part, reraise_both, raise_new, raise_new_naked,
          raise_in_two, raise_group_again, raise_from, all_handled, context_of_orig,
          bad_type_group, bad_type_tuple, bad_type_int, bad_type_after_match, in_loop]:
    show(f.__name__, f)


def raise_leaf():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e.exceptions[0]


show("raise_leaf", raise_leaf)
