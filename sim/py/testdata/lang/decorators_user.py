# User decorators: plain, with arguments, stacked, class decorators.
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper

@shout
def hello(name):
    return "hello " + name
print(hello("ann"), hello.__name__)
def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def roll(x):
    return x * 2
print(roll(4))

calls = []
def trace(label):
    def decorate(func):
        def wrapper(*args):
            calls.append(f"{label}>")
            result = func(*args)
            calls.append(f"<{label}")
            return result
        return wrapper
    return decorate

@trace("outer")
@trace("inner")
def work(n):
    calls.append(f"work({n})")
    return n
print(work(7), calls)
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls

@register
class Plugin:
    pass
print(list(registry), registry["Plugin"] is Plugin)
def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper

@count_calls
def noop():
    pass
noop(); noop()
print(noop.calls)
