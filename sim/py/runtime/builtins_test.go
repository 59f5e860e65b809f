package runtime

import "testing"

// oracleCount accumulates the number of oracle-checked cases, for the
// report in TestZZOracleCount.
var oracleCount int

func oracle(t *testing.T, cases []string) {
	t.Helper()
	oracleCount += runOracle(t, cases)
}

func TestBuiltinConversions(t *testing.T) {
	oracle(t, []string{
		// int()
		"int()", "int(5)", "int(True)", "int(-0.9)", "int(1e20)", "int(2.5)", "int(-2.5)", "int(1e300)",
		"int(float('inf'))", "int(float('-inf'))", "int(float('nan'))",
		"int('12')", "int(' 12 ')", "int('+12')", "int('-12')", "int('1_000')", "int('1__0')", "int('_1')", "int('1_')",
		"int('12x')", "int('')", "int('  ')", "int('+ 1')", "int('0x1f', 16)", "int('1f', 16)", "int('0x_1f', 16)",
		"int('0x1f', 0)", "int('0o17', 0)", "int('0b101', 0)", "int('010', 0)", "int('0_0', 0)", "int('00', 0)", "int('0b', 0)",
		"int('z', 36)", "int('Z', 36)", "int('10', 2)", "int('12', 2)", "int('1', 99)", "int('1', 1)", "int('1', -1)",
		"int(5, 10)", "int([])", "int(None)", "int('١٢')", "int('\\u00a012\\u2003')", "int('²')", "int(b'12')", "int(b' 12 ')",
		"int(b'12x')", "int('12', base=10)", "int(x='12')", "int('1', 2, 3)", "int(Idx(7))", "int('9'*30)", "int('-' + '1'*25)",
		"int('1'*5000)", "int('0x' + 'f'*5000, 16).bit_length()", "int('12', Idx(8))", "int(base=3)",
		"int('0X1F', 16)", "int('0B11', 2)", "int('0O7', 8)", "int('0x', 16)", "int('x', 16)", "int('9', 8)",
		// float()
		"float()", "float(1)", "float(True)", "float('1.5')", "float(' -1.5e3 ')", "float('1e500')", "float('-1e-500')",
		"float('1_0.5')", "float('1__0')", "float('1_e5')", "float('1e_5')", "float('1e5_0')", "float('inf')", "float('-Infinity')",
		"float('nan')", "float('+nan')", "float('iNF')", "float('in f')", "float('1.')", "float('.5')", "float('.')", "float('e5')",
		"float('1e')", "float('0x10')", "float('abc')", "float('')", "float(b'1.5')", "float([])", "float(x=1)", "float('١.٥')",
		"float(2**1000)", "float(2**1100)", "float(Idx(3))", "float('1.7976931348623157e308')", "float('2.5e-324')",
		// str(), repr(), ascii(), bool()
		"str()", "str(12)", "str(1.5)", "str([1, 'a'])", "str(None)", "str(b'abc')", "str(b'abc', 'ascii')", "str(b'\\xff', 'utf-8', 'replace')",
		"str(b'x', errors='strict')", "str(1, 'utf-8')", "str('a', 'utf-8')", "str(b'caf\\xc3\\xa9', 'utf-8')", "str(object='x')",
		"repr('it\\'s')", "repr(\"a'b\\\"c\")", "ascii('é€\\U0001f600\\n')", "ascii([1, 'ñ'])", "bool()", "bool(0)", "bool([])",
		"bool('a')", "bool(1, 2)", "bool(x=1)", "bool(0.0)", "bool(None)", "bool(Box(0))",
		// bytes()
		"bytes()", "bytes(3)", "bytes(-1)", "bytes([65, 66])", "bytes([300])", "bytes(['a'])", "bytes('a')", "bytes('é', 'utf-8')",
		"bytes('é', 'latin-1')", "bytes('é', 'ascii')", "bytes(5, 'ascii')", "bytes(1.5)", "bytes(b'ab')", "bytes(range(3))",
		"bytes('a', 'ascii', 'strict', 1)", "bytes('a', encoding='bogus')",
		// list, tuple, set, frozenset, dict
		"list()", "list('abc')", "list(range(3))", "list((1, 2))", "list({'a': 1, 'b': 2})", "list(1)", "list(1, 2)", "list(x=1)",
		"tuple()", "tuple([1, 2])", "tuple('ab')", "tuple(1)", "tuple(x=1)", "set()", "set([1, 2, 2])", "set(range(5))", "set(1)",
		"set(x=1)", "set([[1]])", "frozenset()", "frozenset([1])", "frozenset([], [])", "frozenset(1)",
		"dict()", "dict(a=1, b=2)", "dict([('a', 1), ('b', 2)])", "dict({'a': 1}, b=2)", "dict([1])", "dict(['ab', 'cde'])",
		"dict({}, {})", "dict(1)", "dict(['ab', 'cd'])", "dict([(1, 2, 3)])", "dict(zip('ab', [1, 2]))", "dict(enumerate('ab'))",
		"dict([[1, 2]], x=3)", "dict({1: 2}.items())",
		// type
		"type(1)", "type('a')", "type(None)", "type([])", "type(1, 2)",
	})
}

func TestBuiltinFunctions(t *testing.T) {
	oracle(t, []string{
		"abs(-3)", "abs(3)", "abs(-2.5)", "abs(True)", "abs(-9223372036854775808)", "abs(-2**70)", "abs('a')", "abs()", "abs(1, 2)",
		"abs(-0.0)", "abs(x=1)",
		"all([])", "all([1, 2])", "all([1, 0])", "all('')", "all(1)", "any([])", "any([0, '', None])", "any([0, 3])", "any(range(3))",
		"bin(10)", "bin(-3)", "bin(0)", "bin(True)", "bin(2**70)", "bin(1.5)", "oct(8)", "oct(-8)", "hex(255)", "hex(-255)", "hex(2**70)",
		"hex(Idx(255))", "hex('a')",
		"callable(len)", "callable(3)", "callable(int)", "callable(Box)", "callable(Box(1))", "callable(str.upper)", "callable('a'.upper)",
		"chr(65)", "chr(0x263a)", "chr(0x10ffff)", "chr(0x110000)", "chr(-1)", "chr('a')", "chr(2**70)", "chr(Idx(66))",
		"ord('a')", "ord('€')", "ord('\\U0001f600')", "ord('ab')", "ord('')", "ord(1)", "ord(b'a')", "ord(b'ab')",
		"divmod(17, 5)", "divmod(-17, 5)", "divmod(17, -5)", "divmod(17.0, 5)", "divmod(-7.5, 2)", "divmod(7, 0)", "divmod(7.0, 0)",
		"divmod(7, 0.0)", "divmod('a', 1)", "divmod(2**70, 3)", "divmod(True, 2)", "divmod(1, 2, 3)", "divmod(-0.0, 1)", "divmod(5, -0.5)",
		"format(3.14159, '.2f')", "format(42)", "format(42, 'x')", "format('ab', '>5')", "format(True)", "format(True, 'd')",
		"format(True, '>5')", "format(None)", "format(None, 'x')", "format([1], '')", "format([], 'x')", "format(1, 2)",
		"format(Fmt(3), 'abc')", "format(Plain(1), 'x')", "format(1.5, '')", "format(2**70, ',')", "format(1, '%')", "format('a', 'd')",
		"format(12, 'c')", "format(1234.5, ',')", "format(5, '03')", "format(-0.0, '')", "format(1e16)",
		"getattr(1, 'real')", "getattr(1, 'nope')", "getattr(1, 'nope', 7)", "getattr(1, 2)", "getattr(Plain(1), 'v')",
		"hasattr(1, 'real')", "hasattr(1, 'nope')", "hasattr(Plain(1), 'v')", "hasattr(Plain(1), 'w')", "hasattr(1)",
		"hash(1)", "hash(-1)", "hash(1.0)", "hash(1.5)", "hash(True)", "hash((1, 2))", "hash([])", "hash({})",
		"hash(2**61)", "hash(-2**61)", "hash(2**100)", "hash(-0.5)", "hash(float('inf'))", "hash((1, (2, 3)))", "hash(frozenset([1, 2]))",
		"isinstance(1, int)", "isinstance(True, int)", "isinstance(1, bool)", "isinstance(1.0, (int, str))", "isinstance(1.0, (int, (str, float)))",
		"isinstance(1, 1)", "isinstance(1, (int, 1))", "isinstance(1, (str, 1))", "isinstance([], list)", "isinstance(Box(1), Box)",
		"isinstance(Box(1), object)", "isinstance(range(1), range)", "isinstance({}, dict)", "isinstance(frozenset(), set)",
		"issubclass(bool, int)", "issubclass(int, (str, object))", "issubclass(1, int)", "issubclass(int, 1)", "issubclass(Box, object)",
		"len('abc')", "len('héllo')", "len([1])", "len({})", "len(range(10, 0, -2))", "len(b'xy')", "len(5)", "len()", "len(Seq([1, 2]))",
		"len({1, 2})", "len(frozenset())", "len((1,))", "len(range(0))",
		"pow(2, 8)", "pow(2, -1)", "pow(2, 8, 5)", "pow(3, -1, 7)", "pow(-3, -1, 7)", "pow(3, 2, -7)", "pow(0, -1, 7)", "pow(2, 3, 1)",
		"pow(2, 3, 0)", "pow(2, -1, 4)", "pow(2.0, 3, 5)", "pow(2, 3.0, 5)", "pow('a', 2)", "pow('a', 2, 3)", "pow(2, 100, 10**9+7)",
		"pow(base=2, exp=3)", "pow(2, 3, mod=5)", "pow(-2, 3, 5)", "pow(2, 0, 1)", "pow(0, 0)", "pow(0.0, -1)",
		"pow(2, 3, None)", "pow(7, -2, 10)", "pow(10**20, -1, 7)",
		"repr(1)", "repr('a')", "repr(1, 2)",
		"round(2.5)", "round(3.5)", "round(-0.5)", "round(-1.5)", "round(0.5)", "round(2.675, 2)", "round(2.567, 2)", "round(15, -1)",
		"round(25, -1)", "round(-25, -1)", "round(35, -1)", "round(1.5, None)", "round(1e300, -300)", "round(1.7976931348623157e308, -308)",
		"round(-0.4, 0)", "round(5, 400)", "round(5.5, 400)", "round(5.5, -400)", "round(True)", "round(True, 2)", "round('a')",
		"round(1.5, 'a')", "round(float('inf'))", "round(float('nan'))", "round(float('inf'), 2)", "round(0.125, 2)", "round(0.375, 2)",
		"round(1234.5678, -2)", "round(-1234.5678, 1)", "round(2**70 + 5, -1)", "round(12345, -10)", "round(0.0001, 2)", "round(-0.0)",
		"round(1e22)", "round(123.456, 1)", "round(0.1 + 0.2, 15)", "round(5e-324, 323)", "round(2.5, 0)", "round(3.5, 0)",
		"round(number=2.5)", "round(1.23456789e-10, 12)", "round(99.95, 1)", "round(-99.95, 1)", "round(1.005, 2)",
		"sorted([3, 1, 2])", "sorted([3, 1, 2], reverse=True)", "sorted('hello')", "sorted({'b': 1, 'a': 2})", "sorted([])",
		"sorted([1, 'a'])", "sorted(['a', 1])", "sorted([3, 1, 'a'])", "sorted()", "sorted([], 1)", "sorted([1], foo=2)",
		"sorted([(1, 'b'), (1, 'a'), (0, 'z')])", "sorted(['bb', 'a', 'ccc', 'dd'], key=len)", "sorted(['bb', 'a', 'ccc', 'dd'], key=len, reverse=True)",
		"sorted([5, -3, 2, -8, 0], key=abs)", "sorted([3.5, 1, 2.25, -1])", "sorted([True, False, 2])", "sorted([Box(3), Box(1), Box(2)])",
		"sorted([1, 2], key=boom)", "sorted([2, 1], key=neg)", "sorted(['b', 'A', 'a', 'B'], key=lowerkey)", "sorted(['b', 'A', 'a', 'B'], key=str.lower)",
		"sorted([(2, 'x'), (1, 'y'), (2, 'a'), (1, 'b')], key=first)", "sorted([(2, 'x'), (1, 'y'), (2, 'a'), (1, 'b')], key=first, reverse=True)",
		"sorted([1, 2], reverse=None)", "sorted([1, 2], reverse='a')", "sorted([1, 2], reverse=1.5)", "sorted([1, 2], key=None)",
		"sorted([float('nan'), 1, 0])", "sorted([[2], [1, 5], [1]])", "sorted([{1}, {2}])",
		"sum([1, 2, 3])", "sum([1, 2], 10)", "sum([0.5, 0.25])", "sum(range(5), start=100)", "sum([])", "sum(['a'], 'b')", "sum([1], b'')",
		"sum([[1], [2, 3]], [])", "sum(1)", "sum([0.1] * 10)", "sum([1, 2.5, 3])", "sum([2**63, 2**63])", "sum([9223372036854775807, 1])",
		"sum(['a', 'b'])", "sum([Box(1), Box(2)])", "sum([1], foo=1)", "sum([(1,), (2,)], ())", "sum([1e100, 1.0, -1e100])",
		"max(4, 2, 8)", "max([1, 9, 3])", "min('apple', 'fig', key=len)", "max(['a', 'bbb', 'cc'], key=len)", "min([], default='none')",
		"max((), default=0)", "max([2, 2, 1], key=neg)", "min([[2], [1, 5]])", "max()", "max(1)", "max([])", "min([])", "max(1, 2, default=3)",
		"min(x=1)", "max([1], key=1, foo=2)", "max([1, 2], [3])", "max(1, 2, key=neg)", "max(1, 'a')", "min([3, 1, 3, 1], key=neg)",
		"max([Box(1), Box(3)])", "max(1, 2.5)", "min(-1, -1.0)", "max('b', 'ab')", "max([1, 2], key=None)", "min(range(0), default=None)",
		"max([(1, 'a'), (1, 'b')], key=first)", "min([(1, 'a'), (1, 'b')], key=first)",
		"vars(1)", "vars(Plain(3))",
		"sum()", "pow(1)", "pow(1, x=1)", "round()", "round(1, x=1)", "round(1, 2, 3)", "int(1, 2, 3)", "str(x=1)", "bytes(x=1)",
		"'a'.split(',', 1, maxsplit=2)", "'a'.expandtabs(tabsize=1, x=2)", "b'a'.decode(x=1)", "'a'.splitlines(1, 2)",
		"property(1, 2, 3, 4, 5)", "(1).to_bytes(x=1)", "int.from_bytes()", "dict.fromkeys()", "zip(strict=1, x=2)", "sum([1], start=1, x=2)",
		"sorted([Plain(2), Plain(1)])", "max([Plain(2), Plain(1)])", "min(Box(2), Box(1))", "max(Box(2), Box(1))", "sorted([Box(2), Plain(1)])",
		"getattr()", "getattr(1)", "setattr(1, 'x', 2)", "setattr(Plain(1), 5, 2)", "delattr(Plain(1), 'w')", "isinstance(1)",
		"issubclass(bool, (str, (float, int)))", "len(Plain(1))", "hash(Box(5)) == hash(5)",
	})
}

func TestBuiltinIterators(t *testing.T) {
	oracle(t, []string{
		"enumerate('abc')", "enumerate('ab', start=5)", "enumerate('ab', 5)", "enumerate(1)", "enumerate('ab', 'x')",
		"enumerate('ab', start=2**70)", "enumerate([], 1)", "enumerate()", "enumerate('a', 1, 2)", "enumerate(iterable='ab')",
		"zip('abc', [1, 2, 3], (True, False, None))", "zip()", "zip('abc', 'z')", "zip(1)", "zip([1], strict=True)",
		"zip([1, 2], [3], strict=True)", "zip([1], [3, 4], strict=True)", "zip([1], [2], [3, 4], strict=True)", "zip([1], foo=1)",
		"map(len, ['a', 'bb'])", "map(pow, [2, 3], [3, 2])", "map(len)", "map(len, 1)", "map(add, [1, 2, 3], [10, 20])", "map(neg, range(3))",
		"map(boom, [1])", "map(boom, [])", "map(len, ['a'], x=1)",
		"filter(None, [0, 1, '', 'x'])", "filter(isodd, range(7))", "filter(len)", "filter(None, 1)", "filter(boom, [1])",
		"reversed([1, 2, 3])", "reversed('abc')", "reversed('héllo')", "reversed(range(4))", "reversed((1, 2))", "reversed(b'ab')",
		"reversed({'p': 1, 'q': 2})", "reversed({'p': 1}.values())", "reversed({'p': 1}.items())", "reversed(1)", "reversed({1, 2})",
		"reversed(Seq([1, 2, 3]))", "reversed(Plain(1))", "reversed(range(0, 10, 3))", "reversed(range(5, 0, -2))", "reversed()",
		"iter([1, 2])", "iter('ab')", "iter(5)", "iter(range(2))", "iter({'a': 1})", "iter(Seq('ab'))", "iter()",
		"next(iter([]), 'dflt')", "next([])", "next(iter('q'))", "next(iter([]))",
	})
}
