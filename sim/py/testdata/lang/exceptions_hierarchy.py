# Built-in exception hierarchy that learners meet.
checks = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (UnboundLocalError, NameError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (UnicodeDecodeError, ValueError),
    (StopIteration, Exception),
    (KeyboardInterrupt, Exception),
    (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException),
    (GeneratorExit, Exception),
    (AssertionError, Exception),
    (AttributeError, Exception),
    (TimeoutError, OSError),
    (ConnectionResetError, ConnectionError),
    (BrokenPipeError, OSError),
    (FileNotFoundError, OSError),
    (Exception, BaseException),
    (TypeError, ValueError),
    (StopAsyncIteration, Exception),
    (MemoryError, Exception),
]
for sub, sup in checks:
    print(f"{sub.__name__:22} < {sup.__name__:16} {issubclass(sub, sup)}")
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in ConnectionRefusedError.__mro__])
e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e))
print(str(KeyError("k")), str(KeyError()), str(IndexError("i")), repr(ValueError("v", 2)))
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as b:
    print("BaseException catches", type(b).__name__)
try:
    raise 42
except TypeError as te:
    print("TypeError:", te)
try:
    raise int
except TypeError as te:
    print("TypeError:", te)
