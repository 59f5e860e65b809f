# functools.wraps keeps the wrapped function's name and docstring.
from functools import wraps

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        return func(*args, **kwargs)
    return wrapper

def unwrapped_logged(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b

@unwrapped_logged
def sub(a, b):
    """Subtract."""
    return a - b

print(add(2, 3))
print(add.__name__, add.__doc__, add.__wrapped__.__name__)
print(sub.__name__, sub.__doc__)

def retry(times):
    def decorate(func):
        @wraps(func)
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return func(*args)
                except ValueError as e:
                    print(f"attempt {attempt} failed: {e}")
            return None
        return wrapper
    return decorate

state = {"n": 0}
@retry(3)
def flaky():
    """Fails twice."""
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError(f"try {state['n']}")
    return "success"
print(flaky(), flaky.__name__, flaky.__doc__)
print(add.__wrapped__(10, 20))
