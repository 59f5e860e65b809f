# A naked exception that no except* clause takes leaves as itself; one
# that a clause takes was wrapped, and what the clause raises carries it
# as its context.


def parse(text):
    try:
        return int(text)
    except* ValueError as eg:
        print("bad number:", repr(eg.exceptions[0]))
        raise LookupError(text) from None
    except* TypeError:
        print("not here")


def lookup(key):
    try:
        return {"a": 1}[key]
    except* ValueError:
        print("not here either")


print(parse("12"))
try:
    parse("x")
except LookupError as e:
    print("LookupError", e, e.__cause__, repr(e.__context__))
lookup("b")  ### "KeyError: 'b'"
