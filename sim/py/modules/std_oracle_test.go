package modules_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"asyncplay/sim/py/run"
)

// The standard modules against python3: each case is a small program
// whose stdout, stderr and exit status must be CPython's. The prelude's
// t(f) prints f()'s repr, or the exception it raises, so that one case
// can probe many calls and error messages.

const stdPrelude = `def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
        return
    print(repr(r))
`

type stdCase struct{ name, src string }

// stdRun runs a program on the interpreter with the standard modules.
func stdRun(src string, seed uint64) (string, string, int) {
	var stdout, stderr strings.Builder
	res := run.Program(src, run.Config{File: "prog.py", Seed: seed, Stdout: &stdout, Stderr: &stderr, Modules: run.StandardModules})
	return stdout.String(), stderr.String(), res.ExitCode
}

var python3Once struct {
	sync.Once
	path string
}

// stdPython runs a program under python3 as prog.py, with the directory
// taken out of tracebacks; it skips the test without python3.
func stdPython(t *testing.T, src string) (string, string, int) {
	t.Helper()
	python3Once.Do(func() { python3Once.path, _ = exec.LookPath("python3") })
	if python3Once.path == "" {
		t.Skip("python3 not found")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python3Once.path, file)
	cmd.Dir = dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	code := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	clean := func(s string) string { return strings.ReplaceAll(s, dir+string(filepath.Separator), "") }
	return clean(stdout.String()), clean(stderr.String()), code
}

// stdOracle checks each case against python3.
func stdOracle(t *testing.T, cases []stdCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src := stdPrelude + strings.TrimLeft(c.src, "\n")
			wantOut, wantErr, wantCode := stdPython(t, src)
			out, errOut, code := stdRun(src, 1)
			if out != wantOut || errOut != wantErr || code != wantCode {
				t.Errorf("program:\n%s\ngot stdout:\n%s\nwant:\n%s\ngot stderr:\n%s\nwant:\n%s\ngot exit %d, want %d",
					src, out, wantOut, errOut, wantErr, code, wantCode)
				if out != wantOut {
					gl, wl := strings.Split(out, "\n"), strings.Split(wantOut, "\n")
					for i := range min(len(gl), len(wl)) {
						if gl[i] != wl[i] {
							t.Errorf("first difference, line %d:\n got: %s\nwant: %s", i+1, gl[i], wl[i])
							break
						}
					}
				}
			}
		})
	}
}

func TestCollectionsMatchCPython(t *testing.T) {
	stdOracle(t, []stdCase{
		{"deque", `
from collections import deque
d = deque([1, 2, 3], maxlen=5)
d.extend("ab"); print(d, len(d), d.maxlen, d[-1], d[1], 3 in d, "z" in d)
d.append(9); print(d); d.appendleft(0); print(d)
d.rotate(7); print(d); d.rotate(-2); print(d); d.rotate(0); print(d)
d.insert(2, "x") if len(d) < 5 else print("full")
print(d.index(3), d.count("a"), list(reversed(d)), d.copy(), d == d.copy(), d != deque(d))
d[0] = "first"; del d[1]; print(d, bool(deque()), deque() == deque([]))
q = deque(range(5)); print(q * 2, 2 * q, q + deque([9]), deque([1, 2], 3) * 3)
q += [7, 8]; print(q); q *= 2; print(len(q)); q.clear(); print(q)
print(deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 5]), deque("ab") <= deque("ab"))
d2 = deque([1, 2, 3, 2]); d2.remove(2); print(d2); d2.reverse(); print(d2, d2.pop(), d2.popleft(), d2)
d3 = deque(maxlen=0); d3.append(1); print(d3)
d4 = deque([1, 2, 3], 3); d4.extendleft([4, 5]); print(d4)
t(lambda: deque([1]).index(5))
t(lambda: deque([1]).remove(5))
t(lambda: deque([1])[5])
t(lambda: deque([1])["a"])
t(lambda: deque([1])[0:1])
t(lambda: deque([1], maxlen=-1))
t(lambda: deque([1], maxlen="a"))
t(lambda: deque([1, 2], 2).insert(0, 5))
t(lambda: hash(deque()))
t(lambda: deque([1]) + [2])
t(lambda: deque(1))
t(lambda: deque().pop())
t(lambda: deque().rotate("a"))
t(lambda: deque([1, 2, 3]).index(3, 0, 2))
def mutate():
    q = deque([1, 2, 3])
    for x in q:
        q.append(x)
t(mutate)
class Stack(deque):
    def peek(self):
        return self[-1]
s = Stack([1, 2]); s.append(3); print(s, s.peek(), isinstance(s, deque), len(s))
`},
		{"counter", `
from collections import Counter
c = Counter("mississippi")
print(c, c.most_common(2), c.most_common(0), c.most_common(-1), c["x"], "x" in c, len(c))
c.update({"m": 2, "z": -1}); c.subtract("sss"); print(c, c.total())
print(sorted(c.elements()), +c, -c)
a, b = Counter(a=3, b=1, c=-2), Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b)
a2 = Counter(a); a2 += b; print(a2)
a3 = Counter(a); a3 -= b; print(a3)
a4 = Counter(a); a4 |= b; print(a4)
a5 = Counter(a); a5 &= b; print(a5)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1), Counter(a=1) <= Counter(a=2), Counter(a=2) < Counter(a=2))
print(Counter({"x": 1.5, "y": 2}), Counter(a=1, b=None), repr(Counter()), Counter(["b", "a", "b"]).most_common())
print(dict(Counter("aab")), list(Counter("cab")), Counter("ab").copy(), type(Counter("ab").copy()).__name__)
del c["zz"]; del c["m"]; print(c)
t(lambda: Counter(a=1) + {})
t(lambda: Counter.fromkeys("ab"))
t(lambda: Counter(1))
t(lambda: Counter(a=1) < {"a": 2})
class Tally(Counter):
    pass
print(Tally("aab"), isinstance(Tally(), dict), Tally("ab") + Tally("b"))
`},
		{"ordereddict", `
from collections import OrderedDict
od = OrderedDict.fromkeys("abc", 0)
print(od, od.keys(), od.values(), od.items(), list(reversed(od)))
od.move_to_end("a"); od.move_to_end("c", last=False); print(od)
print(od.popitem(), od.popitem(last=False), od, od.copy(), od | {"z": 1}, {"y": 2} | od)
od.update(x=1, y=2); od["b"] = 5; del od["x"]; print(od, od.get("q"), od.setdefault("q", 3), od.pop("q"))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict(a=1) != OrderedDict(a=2))
t(lambda: OrderedDict().move_to_end("x"))
t(lambda: OrderedDict().popitem())
t(lambda: hash(OrderedDict()))
t(lambda: OrderedDict(1))
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap
    def __setitem__(self, key, value):
        if key in self:
            self.move_to_end(key)
        super().__setitem__(key, value)
        if len(self) > self.cap:
            self.popitem(last=False)
cache = LRU(2)
cache["a"] = 1; cache["b"] = 2; cache["a"] = 3; cache["c"] = 4
print(cache, list(cache), cache.cap, isinstance(cache, OrderedDict))
`},
		{"defaultdict", `
from collections import defaultdict
dd = defaultdict(list); dd["a"].append(1); dd["b"]; print(dd, dd.default_factory, len(dd))
print(defaultdict(None, a=1), defaultdict(int, [("x", 2)]), repr(defaultdict(lambda: 0).default_factory)[:18])
dd.default_factory = set; dd["c"].add(2); print(dd)
cp = dd.copy(); cp["z"]; print(type(cp).__name__, cp.default_factory, sorted(cp))
print(defaultdict.fromkeys("ab"), dd.get("nope"), "nope" in dd, dd.pop("a"), dict(dd))
t(lambda: defaultdict(1))
t(lambda: defaultdict()["k"])
t(lambda: defaultdict(int) == {})
`},
		{"namedtuple", `
from collections import namedtuple
P = namedtuple("P", "x y", defaults=[5])
p = P(1)
print(p, P(1, 2), P(x=3), p._asdict(), p._replace(x=9), P._make([4, 6]), P._fields, P._field_defaults)
print(p == (1, 5), (1, 5) == p, p < (1, 6), hash(p) == hash((1, 5)), p + (0,), (0,) + p, p * 2, p[0:1], p.count(1), p.index(5))
print(len(p), list(p), tuple(p), 5 in p, max(p), sorted([P(3), P(1)]), {p: 1}[P(1, 5)])
print(P.__mro__, P.__name__, P.x, P.__doc__)
t(lambda: P(1, 2, 3))
t(lambda: P(1, x=2))
t(lambda: P(1, z=2))
t(lambda: P())
t(lambda: P._make([1]))
t(lambda: P(1)._replace(z=3))
t(lambda: namedtuple("P", "x x"))
t(lambda: namedtuple("P", "x _y"))
t(lambda: namedtuple("P", "x class"))
t(lambda: namedtuple("1P", "x"))
t(lambda: namedtuple("P", "a", defaults=[1, 2]))
t(lambda: namedtuple("P", "x class _z x", rename=True)._fields)
t(lambda: namedtuple("P", ["a", "b"])(1, 2))
def setx():
    p.x = 1
t(setx)
def setz():
    p.z = 1
t(setz)
def delx():
    del p.x
t(delx)
class Point(namedtuple("Point", "x y")):
    def __str__(self):
        return f"({self.x}, {self.y})"
    @property
    def norm(self):
        return abs(self.x) + abs(self.y)
q = Point(3, -4)
print(q, repr(q), q.norm, q + (1,), isinstance(q, tuple), q._replace(x=0))
q.label = "extra"; print(q.label)
Empty = namedtuple("Empty", "")
print(Empty(), len(Empty()))
`},
	})
}

func TestFunctoolsMatchCPython(t *testing.T) {
	stdOracle(t, []stdCase{
		{"partial", `
from functools import partial, reduce
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
p = partial(f, 1, d=4)
print(p(2), p(2, 3, d=5), p.args, p.keywords, p.func is f)
pp = partial(p, 2, c=9)
print(pp(), pp.args, pp.keywords, pp.func is f)
print(repr(partial(max, 1, key=abs)), partial(int, base=16)("ff"))
p.attr = 1; print(p.attr)
t(lambda: partial(1))
t(lambda: partial())
t(lambda: p())
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))
t(lambda: reduce(max, []))
t(lambda: reduce(max, 5))
t(lambda: reduce(max))
`},
		{"wraps_cache", `
import functools
def deco(fn):
    @functools.wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@deco
def g(x):
    "doc of g"
    return x
g.extra = 1
@deco
def h():
    pass
print(g.__name__, g.__qualname__, g.__doc__, g.__module__, g.__wrapped__.__name__, h.__name__, h.__doc__, g(5))
def outer():
    @functools.lru_cache(maxsize=2)
    def sq(n):
        return n * n
    return sq
sq = outer()
print([sq(i) for i in (1, 2, 1, 3, 1, 2)], sq.cache_info(), sq.cache_parameters())
sq.cache_clear(); print(sq.cache_info(), sq.__name__)
@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(30), fact.cache_info().hits, fact.cache_info().currsize)
class C:
    @functools.lru_cache(maxsize=None)
    def twice(self, x):
        return 2 * x
    @functools.cached_property
    def slow(self):
        print("computing")
        return 42
c = C()
print(c.twice(4), c.twice(4), C.twice.cache_info().hits, c.slow, c.slow)
t(lambda: functools.lru_cache("x"))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1), V(2) >= V(2), sorted([V(3), V(1)])[0].v)
t(lambda: functools.total_ordering(type("X", (), {})))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
`},
	})
}

func TestItertoolsMatchCPython(t *testing.T) {
	stdOracle(t, []stdCase{
		{"infinite_and_slices", `
from itertools import *
print(list(islice(count(5, -2), 4)), repr(count(2.5)), repr(count(1, 1.0)), next(count(10)))
c = count(); next(c); print(repr(c))
print(list(islice(cycle("ab"), 5)), list(cycle([])), list(repeat(7, 3)), repr(repeat("x", 2)), repr(repeat(1)), list(repeat(1, -2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(chain("ab", [1], ())), list(chain.from_iterable(["xy", "z"])), list(compress("abcdef", [1, 0, 1, 0, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(filterfalse(None, [0, 1, "", "a"])), list(filterfalse(lambda x: x % 2, range(6))))
print(list(islice(range(10), 2, 8, 3)), list(islice(range(10), None)), list(islice(range(5), 1, None)))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()), list(pairwise("abcd")), list(pairwise("a")))
t(lambda: islice("abc", -1))
t(lambda: islice("abc", -5))
t(lambda: islice("abc", 1, -1))
t(lambda: islice("abc", "x"))
t(lambda: islice("abc", 0, 2, 0))
t(lambda: islice("abc"))
t(lambda: count("a"))
t(lambda: repeat())
t(lambda: zip_longest("a", fill=1))
t(lambda: chain(1).__next__())
t(lambda: list(chain([1], 2)))
t(lambda: list(islice("abc", 10**30)))
print(type(chain()).__name__, type(islice("", 1)).__name__, iter(count()) is not None)
`},
		{"groupby_tee_comb", `
from itertools import *
print([(k, list(g)) for k, g in groupby("aabbbc")], [(k, len(list(g))) for k, g in groupby([1, 1, 2], key=lambda x: x * 0)])
g = groupby("aabb"); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2), list(g))
a, b = tee(iter([1, 2, 3])); print(next(a), list(b), list(a))
x, y, z = tee("ab", 3); print(list(x), list(y), list(z), tee("a", 0))
t(lambda: tee("a", -1))
print(list(product("ab", range(2))), list(product([1, 2], repeat=2)), list(product()), list(product("ab", [])))
print(list(permutations("abc", 2)), list(permutations(range(3))), list(permutations("ab", 3)), list(permutations("ab", 0)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 2)), list(combinations_with_replacement("", 0)))
t(lambda: permutations("ab", -1))
t(lambda: combinations("ab"))
t(lambda: product("a", repeat=-1))
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 4))), sum(1 for _ in product(range(3), repeat=4)))
`},
	})
}
