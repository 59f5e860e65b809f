try:
    raise ExceptionGroup("several", [ValueError(1), KeyError("k")])
except ExceptionGroup as eg:
    print(eg, "|", eg.message, "|", eg.exceptions, "|", isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
try:
    raise ExceptionGroup("one", [TypeError("t")])
except Exception as e:
    print(type(e).__name__, e, [type(x).__name__ for x in e.exceptions])
print(ExceptionGroup.__mro__)
