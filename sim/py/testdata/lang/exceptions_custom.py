# Custom exception classes: args, extra attributes, __str__, hierarchy.
class AppError(Exception):
    """Base for this app."""

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key}")
        self.key = key

class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
    def __str__(self):
        return f"{self.field} is invalid ({self.reason})"

class Bare(AppError):
    pass

def lookup(d, key):
    if key not in d:
        raise NotFound(key)
    return d[key]

for attempt in ["a", "b"]:
    try:
        print(lookup({"a": 1}, attempt))
    except AppError as e:
        print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
try:
    raise Invalid("age", "negative")
except AppError as e:
    print(str(e), repr(e), e.args)
try:
    raise Bare("one", 2)
except Bare as e:
    print(str(e), repr(e))
print(repr(Bare()), str(Bare()), repr(Bare("x")), Bare.__doc__, AppError.__doc__)
print(issubclass(NotFound, AppError), NotFound.__mro__[-3].__name__)
errors = []
for exc in [NotFound("q"), Invalid("f", "r"), Bare(), ValueError("v")]:
    try:
        raise exc
    except (NotFound, Invalid) as e:
        errors.append(("specific", type(e).__name__))
    except AppError as e:
        errors.append(("base", type(e).__name__))
    except Exception as e:
        errors.append(("other", type(e).__name__))
print(errors)
e = AppError("with", "args")
e.note = "attached"
print(e.args, e.note)
