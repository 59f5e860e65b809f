# An exception raised in an except block while another is handled, at
# module level, uncaught: both tracebacks are printed, joined by
# "During handling of the above exception, another exception occurred:".
data = [1, 2, 3]
fallback = None
try:
    print(data[1])
    print(data[10])
except IndexError:
    print("index failed, trying fallback")
    print(fallback.upper())  ### "AttributeError: 'NoneType' object has no attribute 'upper'"
finally:
    print("finally still runs before the traceback")
