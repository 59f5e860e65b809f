# itertools: count, chain, chain.from_iterable, islice.
import itertools
from itertools import count, chain, islice

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
for i, ch in zip(count(1), "abc"):
    print(i, ch)
print(list(chain([1, 2], "ab", (3,))), list(chain()), list(chain.from_iterable([[1], [2, 3]])))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 0, None, 3)))
print(list(islice(range(100), 95, None)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), next(it))
print(list(itertools.islice(itertools.chain("ab", itertools.count()), 5)))
pages = chain.from_iterable(range(n) for n in count(1))
print(list(islice(pages, 10)))
def numbers():
    n = 0
    while True:
        n += 1
        yield n
evens = (n for n in numbers() if n % 2 == 0)
print(list(islice(evens, 4)))
print(type(count()).__name__, repr(count(3)), repr(count(0, 2)))
try:
    islice("abc", -1)
except ValueError as e:
    print("ValueError:", e)
