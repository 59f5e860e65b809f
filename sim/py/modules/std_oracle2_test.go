package modules_test

import "testing"

func TestMathMatchesCPython(t *testing.T) {
	stdOracle(t, []stdCase{
		{"values", `
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.exp(-1), math.log(10), math.log(2, 8), math.log(10**400, 10), math.log10(10**400), math.log2(2**2000), math.log10(1000), math.log10(1e-5), math.log2(10))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(-1, -1), math.atan2(0, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(round(math.erf(0.5), 13), round(math.erfc(0.5), 13), round(math.gamma(5.5), 13), round(math.lgamma(10.5), 13))
print(math.hypot(3, 4), math.hypot(1.5, 2.7), math.hypot(0.1, 0.2, 0.3), math.hypot(), math.hypot(-3), math.dist([1.1, 2.2], [3.3, 0.7]), math.hypot(1e-320, 1e-320), math.hypot(1e308, 1e308) if False else 0)
print(math.degrees(1), math.radians(90), math.copysign(1, -0.0), math.fabs(-2), math.fmod(-7, 3), math.fmod(5, math.inf), math.remainder(5, 3), math.modf(-3.5), math.modf(math.inf), math.frexp(8.0), math.frexp(0.0), math.ldexp(1.5, 3), math.ldexp(1.0, -2000))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-0.5), math.trunc(-2.7), math.floor(10**30), math.floor(True), math.ceil(1e300), math.trunc(-1e20), type(math.floor(2.0)).__name__)
print(math.factorial(0), math.factorial(25), math.gcd(), math.gcd(0, 0), math.gcd(-12, 18, 30), math.gcd(2**100, 6**50), math.lcm(), math.lcm(-4, 6), math.lcm(0, 6), math.lcm(2**70, 3))
print(math.comb(100, 50), math.comb(5, 7), math.perm(10, 3), math.perm(5), math.perm(5, None), math.isqrt(10**40 + 1), math.isqrt(0), math.prod([]), math.prod([1, 2], start=2), math.prod(["a", 2]), math.prod([1.5, 2]))
print(math.fsum([0.1] * 10), math.fsum([1e-16, 1, 1e16]), math.fsum([1e308, -1e308, 1.0]), math.fsum([]), math.fsum([math.inf, 1]), math.fsum(range(10)), math.fsum([0.1, 0.2, 0.3]))
print(math.isclose(1, 1.0000000001), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isfinite(1.0), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.nextafter(1, 2), math.ulp(1.0), math.ulp(0.0), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10), math.pow(2, 0.5), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(-2, 3))
xs = [i / 7 for i in range(-40, 41)]
for f in (math.sin, math.cos, math.tan, math.exp, math.atan, math.sinh, math.cosh, math.tanh, math.asinh, math.exp2):
    print([f(x) for x in xs])
ps = [i / 3 for i in range(1, 40)]
for f in (math.log, math.log2, math.log10, math.sqrt, math.acosh):
    print([f(x) for x in ps if x >= 1 or f is not math.acosh])
print([math.pow(x, y) for x in ps[:12] for y in (-2.5, -1, 0.5, 1 / 3, 2, 7.25)])
print([math.atan2(y, x) for x in (-2.5, -1, 0.5, 3) for y in (-1.5, 0.25, 4)], [math.asin(x / 10) for x in range(-10, 11)], [math.acos(x / 10) for x in range(-10, 11)])
print(math.log(5e-324), math.log(1e-310), math.log(1e308), math.log2(1e-320), math.log10(5e-324), math.exp(-720), math.exp(709.7), math.pow(2, -1070), math.pow(1e-200, 1.5), math.log(2**1023 * 3), math.pow(-2, 3), math.pow(-2, -3), math.pow(-8, 2.0), math.sin(1e10), math.cos(-1e9), math.atan(1e300), math.tan(math.pi / 2))
class F:
    def __float__(self): return 2.5
    def __floor__(self): return "floor!"
print(math.sqrt(F()), math.floor(F()), math.ceil(F()))
`},
		{"errors", `
import math
for f in [lambda: math.sqrt(1, 2), lambda: math.sqrt(), lambda: math.sqrt("a"), lambda: math.pow(1), lambda: math.log(),
          lambda: math.log(1, 2, 3), lambda: math.gcd(1.5), lambda: math.factorial(1.5), lambda: math.factorial(5.0),
          lambda: math.factorial(-1), lambda: math.comb(-1, 2), lambda: math.comb(3, -2), lambda: math.comb(3.0, 2),
          lambda: math.isqrt(-1), lambda: math.isqrt(2.0), lambda: math.floor(float("inf")), lambda: math.floor(float("nan")),
          lambda: math.floor("x"), lambda: math.trunc("x"), lambda: math.fmod(1, 0), lambda: math.fmod(math.inf, 1),
          lambda: math.ldexp(1.0, 2000), lambda: math.ldexp(1.0, 2.0), lambda: math.pow(0, -1), lambda: math.pow(-8, 1/3),
          lambda: math.pow(10, 400), lambda: math.log(0), lambda: math.log(-1), lambda: math.log(10, 1), lambda: math.log(0.0),
          lambda: math.log(-(10**400)), lambda: math.log2(0), lambda: math.log10(-5), lambda: math.exp(1000), lambda: math.sin(math.inf),
          lambda: math.asin(2), lambda: math.acosh(0.5), lambda: math.atanh(1), lambda: math.gamma(0), lambda: math.gamma(-1),
          lambda: math.gamma(200), lambda: math.lgamma(0), lambda: math.cosh(1000), lambda: math.fsum([1e308, 1e308, -1e308]),
          lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum(["a"]), lambda: math.isclose(1, 2, rel_tol=-1),
          lambda: math.hypot("a"), lambda: math.dist([1], [1, 2]), lambda: math.dist(1, 2), lambda: math.sqrt(10**400),
          lambda: math.isfinite(10**400), lambda: math.log1p(-1), lambda: math.isinf("x"), lambda: math.exp(10**400)]:
    t(f)
`},
	})
}

func TestDatetimeMatchesCPython(t *testing.T) {
	stdOracle(t, []stdCase{
		{"datetime", `
import datetime, time
d = datetime.datetime(2023, 11, 14, 22, 13, 20)
print(repr(d), d, d.isoformat(), d.isoformat(" "), repr(datetime.datetime(2023, 1, 2)), repr(datetime.datetime(2023, 1, 2, 3, 4, 5, 6)), datetime.datetime(2023, 1, 2, 3, 4, 5, 6))
print(d - datetime.datetime(2023, 1, 1), repr(d.date()), d.date(), d.weekday(), d.isoweekday(), d.strftime("%A %B %d %j %p %I %y %a %b %H:%M:%S %%"))
print(d + datetime.timedelta(days=30, hours=5), d - datetime.timedelta(weeks=1), datetime.date(2024, 2, 28) + datetime.timedelta(days=1, hours=23), datetime.date(2024, 3, 1) - datetime.date(2023, 3, 1))
print(d > datetime.datetime(2020, 1, 1), d == datetime.datetime(2023, 11, 14, 22, 13, 20), d == d.date(), {d: 1}[datetime.datetime(2023, 11, 14, 22, 13, 20)], d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, d.tzinfo)
print(f"{d:%Y/%m/%d}", f"{d}", d.replace(year=2000, microsecond=5), d.timestamp(), datetime.datetime.fromtimestamp(1700000000.5, datetime.timezone.utc), datetime.date.fromisoformat("2024-01-05"), datetime.datetime.fromisoformat("2024-01-05T10:20:30"))
print(datetime.date(2023, 11, 5).ctime(), datetime.date(2023, 11, 14).toordinal(), datetime.date(2023, 1, 1).strftime("%U %W %V %G %w %u %c %x %X"), datetime.date.fromisoformat("2023-12-31").timetuple())
u = datetime.datetime(2023, 1, 1, tzinfo=datetime.timezone.utc)
print(repr(u), u, u.isoformat(), datetime.timezone.utc, u - datetime.datetime(2022, 12, 31, tzinfo=datetime.timezone.utc), u.utcoffset(), d.utcoffset())
for bad in [lambda: datetime.datetime(2023, 13, 1), lambda: datetime.datetime(2023, 2, 30), lambda: datetime.date(0, 1, 1),
            lambda: d < d.date(), lambda: datetime.datetime(2023, 1, 1, 25), lambda: datetime.date(2023, 1, 1.5),
            lambda: d - u, lambda: d < u, lambda: datetime.date(9999, 12, 31) + datetime.timedelta(days=1),
            lambda: datetime.datetime.fromisoformat("nope"), lambda: datetime.datetime(2023)]:
    t(bad)
def setattr_():
    d.foo = 1
t(setattr_)
`},
		{"timedelta", `
import datetime
td = datetime.timedelta
print(repr(td(seconds=5)), td(seconds=5), repr(td(0)), td(days=-1, seconds=5), repr(td(days=2, hours=1, microseconds=7)), td(days=2, hours=1, microseconds=7), td(minutes=1.5).total_seconds())
print(td(hours=1) / td(minutes=1), td(hours=1) * 1.5, 2 * td(seconds=3), -td(seconds=1), td(seconds=10) // 3, td(seconds=10) / 4, td(seconds=0.5), td(seconds=10) // td(seconds=3))
print(td(days=1) > td(hours=23), td(hours=25).days, td(hours=25).seconds, abs(td(seconds=-5)), td(seconds=7) % td(seconds=3), divmod(td(seconds=7), td(seconds=3)), bool(td()), hash(td(1)) == hash(td(days=1)))
print(repr(td.max), td.min, td.resolution, td(milliseconds=1.5), td(microseconds=0.5), td(microseconds=1.5), td(microseconds=-0.5), td(weeks=1, days=-8), td(days=-3).total_seconds())
print(td(seconds=1e-7), td(hours=-1), repr(td(hours=-1)), td(days=365 * 1000))
for bad in [lambda: td(days=10**9), lambda: td(seconds="x"), lambda: td(1) / 0, lambda: td(1) / 0.0, lambda: td(1) // 0, lambda: td(1) // td(0), lambda: td(x=1)]:
    t(bad)
`},
		{"time_pure", `
import time
print(repr(time.gmtime(1700000000)), time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1700000000)), time.ctime(1700000000), time.mktime(time.gmtime(0)) if False else "", time.gmtime(0).tm_year)
print(time.asctime(time.gmtime(1234567890)), time.strftime("%a %d %b %Y", (2024, 2, 29, 0, 0, 0, 0, 60, 0)), time.gmtime(86400 * 365.25 * 30)[:3])
for bad in [lambda: time.sleep(-1), lambda: time.sleep("x"), lambda: time.sleep(float("nan")), lambda: time.sleep(), lambda: time.strftime(5)]:
    t(bad)
`},
	})
}

func TestLoggingMatchesCPython(t *testing.T) {
	stdOracle(t, []stdCase{
		{"basic", `
import logging, sys
logging.warning("x %s", 1)
logging.info("hidden")
l = logging.getLogger("app")
print(repr(l), repr(logging.getLogger()), repr(logging.root.handlers[0]), logging.getLevelName(20), logging.getLevelName("INFO"), logging.getLevelName(5))
t(lambda: l.setLevel("FOO"))
t(lambda: l.setLevel(1.5))
print(l.getEffectiveLevel(), l.parent, l.handlers, l.propagate, l.level, logging.getLogger("app") is l, logging.getLogger(None) is logging.root)
h = logging.StreamHandler(sys.stdout)
print(repr(h), repr(logging.StreamHandler()), h.level, h.formatter)
rec = logging.LogRecord("n", 20, "p.py", 3, "msg %s", (1,), None)
print(rec, rec.getMessage(), rec.levelname, rec.funcName)
logging.exception("outside")
h.setFormatter(logging.Formatter("%(name)s|%(levelname)s|%(levelno)d|%(message)s|%(funcName)s|%(lineno)d|%(module)s|%(filename)s"))
l.addHandler(h)
l.setLevel(logging.DEBUG)
l.debug("dbg %s %s", "a", "b")
def f():
    l.error("in f")
f()
child = logging.getLogger("app.sub")
print(child.parent is l, child.getEffectiveLevel(), child.hasHandlers(), l.getChild("sub") is child)
child.info("from child")
l.propagate = False
child.critical("crit")
try:
    1 / 0
except ZeroDivisionError:
    l.exception("boom")
    logging.error("err", exc_info=True)
`},
		{"handlers_formatters", `
import logging, sys
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{levelname}-{message}", style="{"))
lg = logging.getLogger("brace"); lg.addHandler(h); lg.warning("hi {x}")
lg.propagate = False
lg.warning("only brace %s", {"a": 1})
d = logging.StreamHandler(sys.stdout); d.setFormatter(logging.Formatter("$levelname ${name}: $message", style="$"))
lg.addHandler(d); lg.error("dollar")
lg.removeHandler(d)
class MyHandler(logging.Handler):
    def emit(self, record):
        print("MY", record.levelname, self.format(record))
mh = MyHandler(); mh.setLevel(logging.ERROR); lg.addHandler(mh)
lg.warning("not for mine"); lg.error("custom")
class OnlyA(logging.Filter):
    def filter(self, record):
        return record.getMessage().startswith("a")
lg.addFilter(OnlyA()); lg.error("apple"); lg.error("banana")
logging.getLogger("x").warning("last resort")
logging.getLogger("x").info("dropped")
logging.log(logging.INFO, "not shown at root")
logging.getLogger().setLevel("INFO")
logging.info("now shown")
logging.disable(logging.CRITICAL)
logging.critical("disabled")
logging.disable(logging.NOTSET)
logging.critical("enabled %(a)s", {"a": 7})
print(logging.getLevelNamesMapping(), logging.DEBUG, logging.WARN, logging.FATAL)
t(lambda: logging.basicConfig(bogus=1, level=10))
logging.basicConfig(force=True, format="%(levelname)s %(message)s", stream=sys.stdout, level=logging.DEBUG)
logging.debug("after force")
logging.addLevelName(25, "NOTICE"); logging.log(25, "notice me")
print("end")
`},
	})
}

func TestSysRandomSignalMatchCPython(t *testing.T) {
	stdOracle(t, []stdCase{
		{"sys", `
import sys
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, tuple(sys.version_info)[:3], sys.maxsize, sys.maxunicode, sys.getrecursionlimit())
print(sys.stdout.write("written\n"), file=sys.stderr)
sys.setrecursionlimit(60)
def rec(n): return rec(n + 1)
t(lambda: rec(0))
t(lambda: sys.setrecursionlimit(0))
t(lambda: sys.setrecursionlimit(1.5))
t(lambda: sys.set_int_max_str_digits(5))
print(sys.exc_info(), sys.exception())
try:
    {}[1]
except KeyError:
    tp, val, tb = sys.exc_info()
    print(tp, repr(val), tb.tb_lineno, sys.exception() is val)
try:
    sys.exit("bye")
except SystemExit as e:
    print("SystemExit", e.code, e.args)
sys.exit(4)
`},
		{"random_errors", `
import random
for f in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(0, 10, 0),
          lambda: random.choice([]), lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1),
          lambda: random.choices([1, 2], [1]), lambda: random.randint(1.5, 3), lambda: random.randrange(10, 0, 1),
          lambda: random.getrandbits(-1), lambda: random.choices([1], cum_weights=[0]), lambda: random.randrange(1, 2, 1.5)]:
    t(f)
random.seed(3); a = random.random(); random.seed(3); print(a == random.random(), 0 <= a < 1)
r = random.Random(5); print(r.randint(3, 3), r.randrange(7, 8), r.choice("x"), r.sample([4], 1), r.choices("z", k=2), r.uniform(2, 2))
l = [1, 2, 3]; random.shuffle(l); print(sorted(l), sorted(random.sample(range(5), 5)), type(random.random()).__name__, type(random.Random).__name__)
`},
		{"signal", `
import signal
print(signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL, signal.SIGUSR1, signal.SIGUSR2, signal.SIGQUIT, int(signal.SIG_DFL), int(signal.SIG_IGN))
print(signal.Signals(2).name, signal.Signals(15).value, repr(signal.Signals(15)), str(signal.Signals(2)), signal.Signals.SIGINT == 2, signal.Signals(2) is signal.Signals.SIGINT, signal.Signals(signal.Signals.SIGTERM).name)
print(signal.strsignal(signal.SIGTERM), int(signal.Signals.SIGINT) + 1, {signal.Signals.SIGINT: 1}[signal.Signals(2)])
t(lambda: signal.Signals(99))
`},
	})
}
