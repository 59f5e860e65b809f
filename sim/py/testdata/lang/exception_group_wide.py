# CPython draws at most 15 members of a group and 10 levels of nesting.


def nest(depth):
    if depth == 0:
        return ValueError("bottom")
    try:
        raise ExceptionGroup(f"level {depth}", [nest(depth - 1)])
    except ExceptionGroup as eg:
        return eg


try:
    raise ExceptionGroup("wide", [KeyError(i) for i in range(17)] + [nest(12)])
except* KeyError as eg:
    print("took", len(eg.exceptions))
    raise ExceptionGroup("again", list(eg.exceptions) + [nest(3)]) from None  ### "ExceptionGroup: again"
