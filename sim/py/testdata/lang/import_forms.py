# Import statement forms (modules from the subset only).
import math
import itertools as it
import collections, functools
from collections import deque, Counter as Tally
from math import *

print(math.sqrt(4), sqrt(9), pi == math.pi, floor(2.5))
print(list(it.islice(it.count(7), 2)), Tally("aab").most_common(1))
print(deque([1]), functools.partial(min, 3)(1, 2), collections.OrderedDict(a=1))
print(type(math).__name__, math.__name__, it.__name__)

def local_import():
    from functools import partial
    import collections as c
    return partial(max, 0)(-5), c.deque(maxlen=1).maxlen
print(local_import())
try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import not_a_function
except ImportError as e:
    # CPython appends the module's file path; keep only the stable part.
    print(type(e).__name__, str(e).split(" (")[0])
import math as m2
print(m2 is math)
