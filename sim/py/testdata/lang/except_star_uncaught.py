# An uncaught exception group prints in CPython's boxes: the rest that no
# except* clause took, with what a clause raised while handling its part.


def check(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    raise TypeError(f"even {n}")


def run_all():
    errors = []
    for n in range(4):
        try:
            check(n)
        except Exception as e:
            errors.append(e)
    inner = ExceptionGroup("inner", [KeyError("k"), OSError("disk")])
    inner.add_note("a note on the inner group\nspanning two lines")
    errors.append(inner)
    raise ExceptionGroup("checks failed", errors)


def main():
    try:
        run_all()
    except* ValueError as eg:
        print("handled", len(eg.exceptions), "ValueErrors")
        raise RuntimeError("while handling the values")
    except* KeyError:
        print("handled the KeyError")


main()  ### "ExceptionGroup:  \(2 sub-exceptions\)"
