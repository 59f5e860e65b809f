package runtime

import (
	"encoding/hex"
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

// The oracle harness: each case is one Python expression or statement
// (a call of a built-in function or method, an operator, a subscript, an
// `in`, an assignment to or deletion of an item, an augmented
// assignment). CPython evaluates its parts, encodes them as JSON, then
// performs the operation; the test decodes the same parts into runtime
// values, performs the operation here, and compares the repr of the
// result (or "ExceptionName: message") and, for method calls and
// mutations, the repr of the receiver afterwards.

// oracleEnv defines the helpers cases may use: key functions and small
// classes, mirrored in Go by oracleHelpers.
const oracleEnv = `
def neg(x): return -x
def second(t): return t[1]
def first(t): return t[0]
def isodd(x): return x % 2 == 1
def add(a, b): return a + b
def boom(*a): raise ValueError('boom')
def lowerkey(s): return s.lower()
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
    def __repr__(self): return 'Idx(%r)' % (self.v,)
class Fmt:
    def __init__(self, v): self.v = v
    def __format__(self, spec): return '<' + spec + '|' + str(self.v) + '>'
    def __repr__(self): return 'Fmt(%r)' % (self.v,)
class Seq:
    def __init__(self, v): self.v = v
    def __getitem__(self, i): return self.v[i]
    def __len__(self): return len(self.v)
    def __repr__(self): return 'Seq(%r)' % (self.v,)
class Box:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Box(self.v + (o.v if isinstance(o, Box) else o))
    def __radd__(self, o): return Box(o + self.v)
    def __lt__(self, o): return self.v < o.v
    def __eq__(self, o): return isinstance(o, Box) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __neg__(self): return Box(-self.v)
    def __contains__(self, x): return x == self.v
    def __repr__(self): return 'Box(%r)' % (self.v,)
class Plain:
    def __init__(self, v): self.v = v
    def __repr__(self): return 'Plain(%r)' % (self.v,)
`

const oracleProgram = oracleEnv + `
import ast, json, sys, operator
BIN = {ast.Add: 'add', ast.Sub: 'sub', ast.Mult: 'mul', ast.Div: 'truediv', ast.FloorDiv: 'floordiv',
       ast.Mod: 'mod', ast.Pow: 'pow', ast.LShift: 'lshift', ast.RShift: 'rshift', ast.BitOr: 'or_',
       ast.BitXor: 'xor', ast.BitAnd: 'and_', ast.MatMult: 'matmul'}
UN = {ast.USub: 'neg', ast.UAdd: 'pos', ast.Invert: 'invert', ast.Not: 'not_'}
HELPERS = {'neg', 'second', 'first', 'isodd', 'add', 'boom', 'lowerkey'}
CLASSES = {'Idx', 'Fmt', 'Seq', 'Box', 'Plain'}
import builtins
class ItemList:
    def __init__(self, items):
        self.items = items
        self.it = iter(items)
    def __iter__(self): return self
    def __next__(self): return next(self.it)
def enc(v):
    t = type(v)
    if v is None: return {'t': 'none'}
    if t is bool: return {'t': 'bool', 'v': v}
    if t is int: return {'t': 'int', 'v': ('-' if v < 0 else '') + format(abs(v), 'x')}
    if t is float: return {'t': 'float', 'v': repr(v)}
    if t is str: return {'t': 'str', 'v': v}
    if t is bytes: return {'t': 'bytes', 'v': v.hex()}
    if t is list: return {'t': 'list', 'v': [enc(x) for x in v]}
    if t is tuple: return {'t': 'tuple', 'v': [enc(x) for x in v]}
    if t is set: return {'t': 'set', 'v': [enc(x) for x in v]}
    if t is frozenset: return {'t': 'frozenset', 'v': [enc(x) for x in v]}
    if t is dict: return {'t': 'dict', 'v': [[enc(k), enc(x)] for k, x in v.items()]}
    if t is range: return {'t': 'range', 'v': [v.start, v.stop, v.step]}
    if t is slice: return {'t': 'slice', 'v': [enc(v.start), enc(v.stop), enc(v.step)]}
    if t is type and v.__name__ in CLASSES: return {'t': 'class', 'v': v.__name__}
    if t is type: return {'t': 'type', 'v': v.__name__}
    if t.__name__ in CLASSES: return {'t': 'inst', 'cls': t.__name__, 'v': enc(v.v)}
    if callable(v) and getattr(v, '__name__', '') in HELPERS: return {'t': 'helper', 'v': v.__name__}
    if type(v).__name__ == 'builtin_function_or_method' and getattr(builtins, v.__name__, None) is v: return {'t': 'builtin', 'v': v.__name__}
    if type(v).__name__ in ('method_descriptor', 'builtin_function_or_method', 'classmethod_descriptor'):
        return {'t': 'attr', 'cls': v.__qualname__.split('.')[0], 'v': v.__name__}
    if v is NotImplemented: return {'t': 'notimpl'}
    if t.__name__ in ('dict_keys', 'dict_values', 'dict_items'):
        return {'t': 'view', 'cls': t.__name__[5], 'v': enc(dict(v.mapping))}
    if t.__name__ == 'ItemList': return {'t': 'iter', 'v': [enc(x) for x in v.items]}
    raise Exception('cannot encode %r' % (v,))
def result(f):
    try:
        r = f()
        if hasattr(r, '__next__') and not isinstance(r, (str, bytes)):
            return 'iter:' + repr(list(r))
        return repr(r)
    except Exception as e:
        s = str(e)
        return type(e).__name__ + (': ' + s if s else '')
out = []
for src in json.loads(sys.stdin.read()):
    ns = dict(globals())
    tree = ast.parse(src, mode='exec')
    stmt = tree.body[-1]
    for s in tree.body[:-1]:
        exec(compile(ast.Module([s], []), '', 'exec'), ns)
    import copy
    def ev(node):
        if hasattr(node, 'ctx'):
            node = copy.copy(node)
            node.ctx = ast.Load()
        return eval(compile(ast.fix_missing_locations(ast.Expression(node)), '', 'eval'), ns)
    class KeyGetter:
        def __getitem__(self, k): return k
    ns['_K'] = KeyGetter()
    evkey = lambda node: ev(ast.Subscript(value=ast.Name('_K', ast.Load()), slice=node, ctx=ast.Load()))
    case = {}
    after = None
    if isinstance(stmt, ast.Expr):
        e = stmt.value
        if isinstance(e, ast.Call):
            args = []
            for a in e.args:
                if isinstance(a, ast.Starred):
                    args.extend(ev(a.value))
                else:
                    args.append(ev(a))
            for i, a in enumerate(args):
                if hasattr(a, '__next__') and not isinstance(a, (str, bytes)) and type(a).__name__ not in CLASSES:
                    args[i] = ItemList(list(a))
            kw = []
            for k in e.keywords:
                if k.arg is None:
                    kw.extend(ev(k.value).items())
                else:
                    kw.append((k.arg, ev(k.value)))
            case['args'] = [enc(a) for a in args]
            case['kw'] = [[k, enc(v)] for k, v in kw]
            if isinstance(e.func, ast.Attribute):
                recv = ev(e.func.value)
                case.update(kind='method', name=e.func.attr, recv=enc(recv))
                case['want'] = result(lambda: getattr(recv, e.func.attr)(*args, **dict(kw)))
                after = recv
            else:
                fn = ev(e.func)
                case.update(kind='call', name=e.func.id)
                case['want'] = result(lambda: fn(*args, **dict(kw)))
        elif isinstance(e, ast.BinOp):
            a, b = ev(e.left), ev(e.right)
            op = BIN[type(e.op)]
            case.update(kind='binop', name=op, args=[enc(a), enc(b)])
            case['want'] = result(lambda: getattr(operator, op)(a, b))
        elif isinstance(e, ast.UnaryOp):
            a = ev(e.operand)
            op = UN[type(e.op)]
            case.update(kind='unary', name=op, args=[enc(a)])
            case['want'] = result(lambda: getattr(operator, op)(a))
        elif isinstance(e, ast.Subscript):
            a, k = ev(e.value), evkey(e.slice)
            case.update(kind='getitem', args=[enc(a), enc(k)])
            case['want'] = result(lambda: a[k])
        elif isinstance(e, ast.Compare) and len(e.ops) == 1 and isinstance(e.ops[0], (ast.In, ast.NotIn)):
            a, b = ev(e.left), ev(e.comparators[0])
            case.update(kind='contains', args=[enc(b), enc(a)])
            case['want'] = result(lambda: a in b)
        elif isinstance(e, ast.Compare) and len(e.ops) == 1:
            a, b = ev(e.left), ev(e.comparators[0])
            op = {ast.Eq: 'eq', ast.NotEq: 'ne', ast.Lt: 'lt', ast.LtE: 'le', ast.Gt: 'gt', ast.GtE: 'ge'}[type(e.ops[0])]
            case.update(kind='compare', name=op, args=[enc(a), enc(b)])
            case['want'] = result(lambda: getattr(operator, op)(a, b))
        elif isinstance(e, ast.Attribute):
            a = ev(e.value)
            case.update(kind='getattr', name=e.attr, args=[enc(a)])
            case['want'] = result(lambda: getattr(a, e.attr))
        else:
            raise Exception('unsupported expression: ' + src)
    elif isinstance(stmt, ast.Assign):
        t = stmt.targets[0]
        a, k, v = ev(t.value), evkey(t.slice), ev(stmt.value)
        case.update(kind='setitem', args=[enc(a), enc(k), enc(v)])
        def do():
            a[k] = v
        case['want'] = result(do)
        after = a
    elif isinstance(stmt, ast.Delete):
        t = stmt.targets[0]
        a, k = ev(t.value), evkey(t.slice)
        case.update(kind='delitem', args=[enc(a), enc(k)])
        def do():
            del a[k]
        case['want'] = result(do)
        after = a
    elif isinstance(stmt, ast.AugAssign):
        a, b = ev(stmt.target), ev(stmt.value)
        op = BIN[type(stmt.op)]
        case.update(kind='inplace', name=op, args=[enc(a), enc(b)])
        holder = []
        def do():
            holder.append(getattr(operator, 'i' + op.rstrip('_'))(a, b))
            return holder[0]
        case['want'] = result(do)
        after = a
    else:
        raise Exception('unsupported statement: ' + src)
    if after is not None and type(after) in (list, dict, set):
        case['after'] = repr(after)
    case['src'] = src
    out.append(case)
print(json.dumps(out))
`

type encoded struct {
	T   string          `json:"t"`
	V   json.RawMessage `json:"v"`
	Cls string          `json:"cls"`
}

type oracleCase struct {
	Src   string
	Kind  string
	Name  string
	Recv  *encoded
	Args  []encoded
	Kw    [][2]json.RawMessage
	Want  string
	After *string
}

// oracleHelpers builds the Go mirrors of oracleEnv's helpers.
func oracleHelpers() (map[string]Value, map[string]*Class) {
	fn := func(name string, f func(th *Thread, args []Value) (Value, error)) *Builtin {
		return &Builtin{Name: name, Fn: func(th *Thread, args []Value, kw *Kwargs) (Value, error) { return f(th, args) }}
	}
	v := func(th *Thread, self Value) Value { x, _ := self.(*Instance).Dict.Get("v"); return x }
	helpers := map[string]Value{
		"neg":    fn("neg", func(th *Thread, a []Value) (Value, error) { return UnaryOp(th, UnNeg, a[0]) }),
		"second": fn("second", func(th *Thread, a []Value) (Value, error) { return GetItem(th, a[0], Int(1)) }),
		"first":  fn("first", func(th *Thread, a []Value) (Value, error) { return GetItem(th, a[0], Int(0)) }),
		"isodd": fn("isodd", func(th *Thread, a []Value) (Value, error) {
			m, err := BinaryOp(th, OpMod, a[0], Int(2))
			if err != nil {
				return nil, err
			}
			return Compare(th, CmpEq, m, Int(1))
		}),
		"add":  fn("add", func(th *Thread, a []Value) (Value, error) { return BinaryOp(th, OpAdd, a[0], a[1]) }),
		"boom": fn("boom", func(th *Thread, a []Value) (Value, error) { return nil, NewError(ValueErrorClass, "boom") }),
		"lowerkey": fn("lowerkey", func(th *Thread, a []Value) (Value, error) {
			m, err := GetAttr(th, a[0], "lower")
			if err != nil {
				return nil, err
			}
			return Call(th, m, nil, nil)
		}),
	}
	classes := map[string]*Class{}
	mk := func(name string, methods map[string]func(th *Thread, a []Value) (Value, error)) {
		ns := NewNamespace()
		for m, f := range methods {
			ns.Set(m, fn(m, f))
		}
		ns.Set("__repr__", fn("__repr__", func(th *Thread, a []Value) (Value, error) {
			r, err := Repr(th, v(th, a[0]))
			return Str(name + "(" + r + ")"), err
		}))
		c, _ := NewClass(name, "__main__", nil, ns)
		classes[name] = c
	}
	mk("Idx", map[string]func(th *Thread, a []Value) (Value, error){
		"__index__": func(th *Thread, a []Value) (Value, error) { return v(th, a[0]), nil },
	})
	mk("Fmt", map[string]func(th *Thread, a []Value) (Value, error){
		"__format__": func(th *Thread, a []Value) (Value, error) {
			s, err := StrOf(th, v(th, a[0]))
			return Str("<" + string(a[1].(Str)) + "|" + s + ">"), err
		},
	})
	mk("Seq", map[string]func(th *Thread, a []Value) (Value, error){
		"__getitem__": func(th *Thread, a []Value) (Value, error) { return GetItem(th, v(th, a[0]), a[1]) },
		"__len__": func(th *Thread, a []Value) (Value, error) {
			n, err := Len(th, v(th, a[0]))
			return MakeInt(int64(n)), err
		},
	})
	box := func(th *Thread, x Value) Value {
		i := NewInstance(classes["Box"])
		i.Dict.Set("v", x)
		return i
	}
	mk("Box", map[string]func(th *Thread, a []Value) (Value, error){
		"__add__": func(th *Thread, a []Value) (Value, error) {
			o := a[1]
			if i, ok := o.(*Instance); ok && i.Class == classes["Box"] {
				o = v(th, o)
			}
			r, err := BinaryOp(th, OpAdd, v(th, a[0]), o)
			return box(th, r), err
		},
		"__radd__": func(th *Thread, a []Value) (Value, error) {
			r, err := BinaryOp(th, OpAdd, a[1], v(th, a[0]))
			return box(th, r), err
		},
		"__lt__": func(th *Thread, a []Value) (Value, error) {
			o, err := GetAttr(th, a[1], "v")
			if err != nil {
				return nil, err
			}
			return Compare(th, CmpLt, v(th, a[0]), o)
		},
		"__eq__": func(th *Thread, a []Value) (Value, error) {
			if i, ok := a[1].(*Instance); !ok || i.Class != classes["Box"] {
				return False, nil
			}
			return Compare(th, CmpEq, v(th, a[0]), v(th, a[1]))
		},
		"__hash__": func(th *Thread, a []Value) (Value, error) {
			h, err := Hash(th, v(th, a[0]))
			return MakeInt(h), err
		},
		"__neg__": func(th *Thread, a []Value) (Value, error) {
			r, err := UnaryOp(th, UnNeg, v(th, a[0]))
			return box(th, r), err
		},
		"__contains__": func(th *Thread, a []Value) (Value, error) { return Compare(th, CmpEq, a[1], v(th, a[0])) },
	})
	mk("Plain", nil)
	return helpers, classes
}

type oracleDecoder struct {
	t       *testing.T
	th      *Thread
	helpers map[string]Value
	classes map[string]*Class
}

func (d *oracleDecoder) decode(e encoded) Value {
	var list []encoded
	if e.T == "list" || e.T == "tuple" || e.T == "set" || e.T == "frozenset" || e.T == "slice" || e.T == "iter" {
		if err := json.Unmarshal(e.V, &list); err != nil {
			d.t.Fatal(err)
		}
	}
	var s string
	if e.T == "int" || e.T == "float" || e.T == "str" || e.T == "bytes" || e.T == "type" || e.T == "builtin" ||
		e.T == "helper" || e.T == "attr" || e.T == "class" {
		if err := json.Unmarshal(e.V, &s); err != nil {
			d.t.Fatal(err)
		}
	}
	items := func() []Value {
		out := make([]Value, len(list))
		for i, x := range list {
			out[i] = d.decode(x)
		}
		return out
	}
	switch e.T {
	case "none":
		return None
	case "notimpl":
		return NotImplemented
	case "bool":
		var b bool
		json.Unmarshal(e.V, &b)
		return MakeBool(b)
	case "int":
		b, _ := new(big.Int).SetString(s, 16)
		return MakeBig(b)
	case "float":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			d.t.Fatal(err)
		}
		return Float(f)
	case "str":
		return Str(s)
	case "bytes":
		b, _ := hex.DecodeString(s)
		return Bytes(b)
	case "list":
		return &List{Items: items()}
	case "tuple":
		return Tuple(items())
	case "set", "frozenset":
		st := NewSet()
		for _, x := range items() {
			st.Add(d.th, x)
		}
		st.Frozen = e.T == "frozenset"
		return st
	case "dict":
		var pairs [][2]encoded
		json.Unmarshal(e.V, &pairs)
		dd := NewDict()
		for _, p := range pairs {
			dd.Set(d.th, d.decode(p[0]), d.decode(p[1]))
		}
		return dd
	case "range":
		var r [3]int64
		json.Unmarshal(e.V, &r)
		return NewRange(r[0], r[1], r[2])
	case "slice":
		it := items()
		return NewSlice(it[0], it[1], it[2])
	case "type":
		c, ok := Builtins[s].(*Class)
		if !ok {
			d.t.Fatalf("no built-in type %s", s)
		}
		return c
	case "class":
		return d.classes[s]
	case "builtin":
		b, ok := Builtins[s]
		if !ok {
			d.t.Fatalf("no built-in %s", s)
		}
		return b
	case "helper":
		return d.helpers[s]
	case "attr":
		c, ok := Builtins[e.Cls].(*Class)
		if !ok {
			d.t.Fatalf("no built-in type %s", e.Cls)
		}
		v, err := GetAttr(d.th, c, s)
		if err != nil {
			d.t.Fatalf("%s.%s: %v", e.Cls, s, err)
		}
		return v
	case "view":
		var inner encoded
		json.Unmarshal(e.V, &inner)
		return &DictView{D: d.decode(inner).(*Dict), Kind: e.Cls[0]}
	case "iter":
		return &sliceIter{items: items()}
	case "inst":
		var inner encoded
		json.Unmarshal(e.V, &inner)
		i := NewInstance(d.classes[e.Cls])
		i.Dict.Set("v", d.decode(inner))
		return i
	}
	d.t.Fatalf("cannot decode %s", e.T)
	return nil
}

var oracleBinOps = map[string]Op{"add": OpAdd, "sub": OpSub, "mul": OpMul, "truediv": OpDiv, "floordiv": OpFloorDiv,
	"mod": OpMod, "pow": OpPow, "matmul": OpMatMul, "lshift": OpLShift, "rshift": OpRShift, "or_": OpOr, "xor": OpXor, "and_": OpAnd}
var unOps = map[string]UnOp{"neg": UnNeg, "pos": UnPos, "invert": UnInvert, "not_": UnNot}

// oracleRepr renders a result as the Python side does.
func oracleRepr(th *Thread, v Value, err error) string {
	if err != nil {
		if e, ok := err.(*Instance); ok {
			if msg := e.Message(); msg != "" {
				return e.Class.Name + ": " + msg
			}
			return e.Class.Name
		}
		return "GOERR: " + err.Error()
	}
	if it, ok := v.(Iterator); ok {
		var items []Value
		for {
			x, ok, err := it.Next(th)
			if err != nil {
				return oracleRepr(th, nil, err)
			}
			if !ok {
				break
			}
			items = append(items, x)
		}
		r, err := Repr(th, &List{Items: items})
		if err != nil {
			return oracleRepr(th, nil, err)
		}
		return "iter:" + r
	}
	r, err := Repr(th, v)
	if err != nil {
		return oracleRepr(th, nil, err)
	}
	return r
}

// runOracle checks every case against CPython and returns how many ran.
func runOracle(t *testing.T, cases []string) int {
	t.Helper()
	in, _ := json.Marshal(cases)
	out := python(t, oracleProgram, string(in))
	var got []oracleCase
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	helpers, classes := oracleHelpers()
	th := NewThread(NewInterp(), nil)
	d := &oracleDecoder{t: t, th: th, helpers: helpers, classes: classes}
	for _, c := range got {
		args := make([]Value, len(c.Args))
		for i, a := range c.Args {
			args[i] = d.decode(a)
		}
		var kw *Kwargs
		if len(c.Kw) > 0 {
			kw = &Kwargs{}
			for _, p := range c.Kw {
				var name string
				var val encoded
				json.Unmarshal(p[0], &name)
				json.Unmarshal(p[1], &val)
				kw.Names = append(kw.Names, name)
				kw.Values = append(kw.Values, d.decode(val))
			}
		}
		var res Value
		var err error
		var after Value
		switch c.Kind {
		case "call":
			fn, ok := Builtins[c.Name]
			if !ok {
				fn = helpers[c.Name]
				if fn == nil {
					fn = classes[c.Name]
				}
			}
			res, err = Call(th, fn, args, kw)
		case "method":
			recv := d.decode(*c.Recv)
			after = recv
			var m Value
			if m, err = GetAttr(th, recv, c.Name); err == nil {
				res, err = Call(th, m, args, kw)
			}
		case "binop":
			res, err = BinaryOp(th, oracleBinOps[c.Name], args[0], args[1])
		case "inplace":
			after = args[0]
			res, err = InplaceOp(th, oracleBinOps[c.Name], args[0], args[1])
		case "unary":
			res, err = UnaryOp(th, unOps[c.Name], args[0])
		case "compare":
			res, err = Compare(th, map[string]CmpOp{"eq": CmpEq, "ne": CmpNe, "lt": CmpLt, "le": CmpLe, "gt": CmpGt, "ge": CmpGe}[c.Name], args[0], args[1])
		case "getattr":
			res, err = GetAttr(th, args[0], c.Name)
		case "getitem":
			res, err = GetItem(th, args[0], args[1])
		case "contains":
			var b bool
			b, err = Contains(th, args[0], args[1])
			res = MakeBool(b)
		case "setitem":
			after = args[0]
			res, err = None, SetItem(th, args[0], args[1], args[2])
		case "delitem":
			after = args[0]
			res, err = None, DelItem(th, args[0], args[1])
		}
		if g := oracleRepr(th, res, err); g != c.Want {
			t.Errorf("%s\n  got  %s\n  want %s", c.Src, g, c.Want)
			continue
		}
		if c.After != nil && after != nil {
			if g := oracleRepr(th, after, nil); g != *c.After {
				t.Errorf("%s: receiver afterwards\n  got  %s\n  want %s", c.Src, g, *c.After)
			}
		}
	}
	return len(got)
}
