# A curio-style program exercising most of the language the lessons use.
# It is one case for the oracle and the input of BenchmarkParse.

import curio
import time, random
from collections import deque, namedtuple, defaultdict, OrderedDict, Counter
from functools import partial, wraps
from itertools import count, chain, islice, groupby
import math as m
from curio import (
    run, spawn, sleep, TaskGroup, Queue, Event, Lock,
    timeout_after, ignore_after, TaskTimeout, CancelledError,
)

Point = namedtuple('Point', ['x', 'y'])
DEBUG = False
LIMIT = 10_000
RATE = 2.5e-3
MASK = 0xFF_FF
FLAGS = 0o755 | 0b1010


def log(*args, sep=' ', **kwargs):
    """Print only when DEBUG is set."""
    if DEBUG:
        print(*args, sep=sep, **kwargs)


def timed(func):
    @wraps(func)
    async def wrapper(*args, **kwargs):
        start = time.monotonic()
        try:
            return await func(*args, **kwargs)
        finally:
            elapsed = time.monotonic() - start
            log(f'{func.__name__} took {elapsed:.3f}s')
    return wrapper


class Counter2:
    """A counter with a lock, as in the tutorial."""

    instances = 0

    def __init__(self, start=0, *, step=1):
        self.value = start
        self.step = step
        self._lock = Lock()
        Counter2.instances += 1

    def __repr__(self):
        return f'{type(self).__name__}(value={self.value!r}, step={self.step})'

    def __eq__(self, other):
        if not isinstance(other, Counter2):
            return NotImplemented
        return (self.value, self.step) == (other.value, other.step)

    def __lt__(self, other):
        return self.value < other.value

    def __hash__(self):
        return hash((self.value, self.step))

    async def incr(self, n=1):
        async with self._lock:
            self.value += n * self.step
            return self.value

    @property
    def doubled(self):
        return self.value * 2

    @staticmethod
    def zero():
        return Counter2(0)

    @classmethod
    def from_list(cls, items):
        c = cls()
        for item in items:
            c.value += item
        return c


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        await sleep(0)
        return self.n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1

    def __len__(self):
        return self.n

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(range(self.n))[index]
        return index

    def __contains__(self, item):
        return 0 <= item < self.n

    def __call__(self, *args):
        return len(args)

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return False


async def countdown(n):
    while n > 0:
        print('T-minus', n)
        await curio.sleep(1)
        n -= 1


async def kid(name='kid'):
    try:
        print('Building the Millenium Falcon in Minecraft')
        await curio.sleep(1000)
    except curio.CancelledError:
        print('Fine. Saving my work.')
        raise


async def producer(q, count):
    for n in range(count):
        await q.put(n)
        await sleep(random.random() / 10)
    await q.put(None)


async def consumer(q, results):
    while (item := await q.get()) is not None:
        results.append(item ** 2 if item % 2 == 0 else -item)
        await q.task_done()


async def ticker_stream(n):
    async for value in Ticker(n):
        yield value, value * 2


async def gather_stream(n):
    pairs = [p async for p in ticker_stream(n)]
    evens = [a for a, b in pairs if a % 2 == 0]
    table = {a: b for a, b in pairs}
    unique = {b % 3 for _, b in pairs}
    total = sum(b for _, b in pairs)
    return pairs, evens, table, unique, total


@timed
async def parent():
    kid_task = await curio.spawn(kid)
    await curio.sleep(5)
    print("Let's go")
    count_task = await curio.spawn(countdown, 10)
    await count_task.join()
    print("We're leaving!")
    try:
        async with timeout_after(10):
            await kid_task.join()
    except TaskTimeout:
        print('I warned you!')
        await kid_task.cancel()
    print('Leaving')


async def pipeline(size=8):
    q = Queue(maxsize=size)
    results = []
    async with TaskGroup() as g:
        await g.spawn(producer, q, 20)
        await g.spawn(consumer, q, results)
    results.sort(key=lambda r: (abs(r), r), reverse=True)
    return results[:5], results[-1], results[::2], results[1:-1:3]


def statistics(data):
    n = len(data)
    if n == 0:
        raise ValueError('no data') from None
    mean = sum(data) / n
    var = sum((x - mean) ** 2 for x in data) / (n - 1 if n > 1 else 1)
    lo, *middle, hi = sorted(data)
    return {
        'n': n,
        'mean': round(mean, 2),
        'stdev': m.sqrt(var),
        'range': (lo, hi),
        'middle': middle,
        **({'odd': True} if n % 2 else {}),
    }


def word_counts(text):
    counts = defaultdict(int)
    for word in text.lower().split():
        word = word.strip('.,;:!?"\'')
        if not word or word.isdigit():
            continue
        counts[word] += 1
    else:
        pass
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return OrderedDict(ranked[:3]), Counter(text.split()).most_common(1)


def formatting(name, value, width=10):
    a = '%s=%d' % (name, value)
    b = '{}={:>{}}'.format(name, value, width)
    c = f'{name}={value:>{width}}'
    d = f'{name!r:^{width + 2}}|{value:#06x}|{value / 3:.2f}|{value=}'
    e = f"{'nested' if value else 'other'} {[i for i in range(3)]} {{braces}}"
    f = r'raw\n' + b'bytes\x00'.decode() + '\t\u00e9\U0001F600'[:-1]
    return '\n'.join([a, b, c, d, e, f])


def generators():
    def gen():
        x = yield 1
        while x is not None:
            x = yield x * 2
        return 'done'

    def delegate():
        result = yield from gen()
        return result

    g = delegate()
    next(g)
    out = [g.send(i) for i in range(1, 4)]
    chained = list(chain(islice(count(), 3), (c for c in 'ab')))
    grouped = {k: list(v) for k, v in groupby(sorted('mississippi'))}
    return out, chained, grouped


def closures():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total

    adders = [partial(add, i) for i in range(3)]
    return [f() for f in adders], (lambda *a, **k: (a, k))(1, x=2)


def control(values):
    result = []
    for i, v in enumerate(values):
        if v is None:
            continue
        elif v < 0:
            break
        elif 0 <= v < 10 and not v % 2:
            result.append(v)
        else:
            result += [v, -v]
    else:
        result.append('complete')
    assert all(isinstance(r, (int, str)) for r in result), 'bad result'
    del values[:]
    return result


def errors():
    try:
        1 / 0
    except (ZeroDivisionError, ValueError) as e:
        err = e
    except Exception:
        raise
    else:
        err = None
    finally:
        pass
    with open('x') as f, open('y') as g:
        pass
    return err


if __name__ == '__main__':
    curio.run(parent, with_monitor=True)
    print(statistics([1, 2, 3, 4]))
    print(word_counts('the cat and the hat'), formatting('x', 42))
    print(generators(), closures(), control([1, 2, None, 12, -1]))
