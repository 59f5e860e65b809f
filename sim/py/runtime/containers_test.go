package runtime

import "testing"

func TestListTupleMethods(t *testing.T) {
	oracle(t, []string{
		"l = [3, 1]; l.append(4)", "l = []; l.append()", "l = []; l.append(1, 2)", "l = [1]; l.extend([5, 9])", "l = [1]; l.extend('ab')",
		"l = [1]; l.extend(5)", "l = [1]; l.extend(l)", "l = [1, 2]; l.insert(0, 2)", "l = [1, 2]; l.insert(100, 6)", "l = [1, 2]; l.insert(-1, 7)",
		"l = [1, 2]; l.insert(-100, 7)", "l = []; l.insert(1)", "l = []; l.insert('a', 1)", "l = [1, 2, 3]; l.pop()", "l = [1, 2, 3]; l.pop(0)",
		"l = [1, 2, 3]; l.pop(-2)", "l = []; l.pop()", "l = []; l.pop(1)", "l = [1]; l.pop(5)", "l = [1]; l.pop('a')", "l = [1]; l.pop(Idx(0))",
		"l = [1, 2, 1]; l.remove(1)", "l = [1, 2]; l.remove(3)", "l = [1.0, 2]; l.remove(1)", "l = [Box(1)]; l.remove(Box(1))",
		"[1, 2, 1].index(1)", "[1, 2, 1].index(1, 1)", "[1, 2, 1].index(1, -1)", "[1, 2, 3].index(3, 0, 2)", "[1].index(2)", "['a'].index('b')",
		"[1, 2].index(2, 'a')", "[1, 2].index()", "[1, 2].index(2, 2**70)", "[1, 2].index(2, -2**70)", "[1, 2, 1].index(1, 1, 100)",
		"[1, 2, 1].count(1)", "[1, 2, 1].count(3)", "[1, 1.0, True].count(1)", "[].count()",
		"l = [1, 2]; l.clear()", "l = [1, 2]; l.copy()", "l = [1, 2, 3]; l.reverse()", "l = [3, 1, 2]; l.sort()", "l = [3, 1, 2]; l.sort(reverse=True)",
		"l = [3, 1, 2]; l.sort(1)", "l = [3, 1]; l.sort(key=1, x=2)", "l = ['bb', 'a', 'ccc']; l.sort(key=len)", "l = [1, 'a']; l.sort()",
		"l = [3, 1, 2]; l.sort(key=neg)", "l = [2, 1]; l.sort(key=boom)", "l = [(1, 'b'), (0, 'a'), (1, 'a')]; l.sort(key=first)",
		"l = [(1, 'b'), (0, 'a'), (1, 'a')]; l.sort(key=first, reverse=True)", "l = ['b', 'A', 'c']; l.sort(key=str.lower)",
		"list.append([1], 2)", "list.append(1, 2)", "list.append()",
		"(1, 2, 1).count(1)", "(1, 2).index(2)", "(1,).index(2)", "(1, 2, 1).index(1, 1)", "().count(1)", "(1, 2).index(1, 1, 2)",
	})
}

func TestSortMatchesCPython(t *testing.T) {
	// longer lists exercise runs, minrun and merges
	oracle(t, []string{
		"sorted([(i * 7919) % 1009 for i in range(300)])",
		"sorted([(i * 7919) % 13 for i in range(300)], reverse=True)",
		"sorted([(i * 37) % 101 - 50 for i in range(1000)], key=abs)",
		"sorted([((i * 7919) % 10, i) for i in range(200)], key=first)",
		"sorted([((i * 7919) % 10, i) for i in range(200)], key=first, reverse=True)",
		"sorted(list(range(100)) + list(range(50, 0, -1)) + list(range(70)))",
		"sorted([str((i * 31) % 97) for i in range(150)])",
		"sorted([float((i * 31) % 97) / 7 for i in range(150)])",
		"sorted([1.5, 2, True, 0.5, -3, 2**70, -2**65])",
		"sorted([3, 1, 2, 'x'] * 20)",
	})
}

func TestDictMethods(t *testing.T) {
	oracle(t, []string{
		"{'a': 1}.get('a')", "{'a': 1}.get('z')", "{'a': 1}.get('z', 0)", "{}.get()", "{}.get([1])", "{}.get(1, 2, 3)", "{}.get(key=1)",
		"d = {'a': 1, 'b': 2}; d.pop('b')", "d = {'a': 1}; d.pop('zz', 'none')", "d = {}; d.pop(1)", "d = {}; d.pop()", "d = {}; d.pop([1], 0)",
		"d = {'a': 1}; d.setdefault('a', 100)", "d = {'a': 1}; d.setdefault('n', [])", "d = {}; d.setdefault('k')", "d = {}; d.setdefault()",
		"d = {'a': 1}; d.update({'a': 10, 'x': 5})", "d = {}; d.update(y=6)", "d = {}; d.update([('z', 7)])", "d = {}; d.update(1)",
		"d = {}; d.update([1])", "d = {}; d.update([(1, 2, 3)])", "d = {}; d.update({}, {})", "d = {'a': 1}; d.update(d)",
		"d = {}; d.update({1: 2}.items())", "d = {}; d.update(['ab', 'cd'])", "d = {}; d.update(Plain(1))",
		"d = {'a': 1, 'b': 2}; d.popitem()", "d = {}; d.popitem()", "d = {'a': 1}; d.clear()", "d = {'a': 1}; d.copy()",
		"dict.fromkeys('xy', 0)", "dict.fromkeys([1, 2])", "dict.fromkeys(1)", "dict.fromkeys()", "{}.fromkeys('ab')", "dict.fromkeys([[1]])",
		"{'a': 1, 'b': 2}.keys()", "{'a': 1, 'b': 2}.values()", "{'a': 1, 'b': 2}.items()", "{}.keys()", "{'a': [1]}.items()",
		"{'a': 1}.keys(1)", "len({'a': 1}.items())", "list({'a': 1, 'b': 2}.items())",
		"{'a': 1}.keys() == {'a'}", "{'a': 1}.keys() == {'a': 2}.keys()", "{'a': 1}.items() == {('a', 1)}", "{'a': 1}.values() == [1]",
		"{1: 2, 3: 4}.keys() < {1, 3, 5}", "{1: 2}.keys() >= {1}",
		"{'a': 1}.__getitem__('a')", "{'a': 1}.__contains__('a')",
	})
}

func TestSetMethods(t *testing.T) {
	oracle(t, []string{
		"{1, 2, 3, 4} | {3, 4, 5}", "{1, 2, 3, 4} & {3, 4, 5}", "{1, 2, 3, 4} - {3, 4, 5}", "{1, 2, 3, 4} ^ {3, 4, 5}",
		"{1, 2, 3, 4}.union([9])", "{1, 2, 3, 4}.intersection({3, 4, 5}, {4})", "{1, 2, 3, 4}.difference({3, 4, 5})",
		"{1, 2, 3, 4}.symmetric_difference({3, 4, 5})", "{1, 2}.isdisjoint({7})", "{1, 2}.isdisjoint([2])", "{1, 2}.issubset(range(10))",
		"{1, 2}.issuperset([1, 2])", "{1, 2}.issuperset([1, 3])", "{1, 2}.issubset([1])", "{1}.union()", "{1}.intersection()", "{1}.difference()",
		"{1}.union(1)", "{1}.issubset(1)", "{1, 2}.union({2: 0, 5: 0})", "{1, 2}.difference({2: 0})", "{1, 2}.intersection({2: 0})",
		"s = set(); s.add(1)", "s = {1}; s.add(1)", "s = set(); s.add([1])", "s = {1, 2}; s.remove(1)", "s = set(); s.remove(1)",
		"s = set(); s.remove([1])", "s = {frozenset({1})}; s.remove({1})", "s = {1}; s.discard(2)", "s = {frozenset({1})}; s.discard({1})",
		"s = {42}; s.pop()", "s = set(); s.pop()", "s = {1, 2, 3}; s.clear()", "s = {1, 2}; s.copy()", "frozenset({1, 2}).copy()",
		"s = {1}; s.update([2], (3,), {4: 0})", "s = {1, 2, 3}; s.intersection_update({2, 3}, [3])", "s = {1, 2, 3}; s.difference_update([1], {2})",
		"s = {1, 2, 3}; s.symmetric_difference_update([3, 4])", "s = {1, 2}; s.symmetric_difference_update(s)", "s = {1, 2}; s.difference_update(s)",
		"s = {1, 2}; s.add()", "frozenset([1]).add(2)", "frozenset([1, 2]) | {3}", "frozenset([1, 2]).union({3})", "set.add({1}, 2)", "set.add([], 2)",
		"set(range(100, 0, -3)) | set(range(0, 50, 2))", "set(range(0, 200, 7)) - set(range(0, 200, 11))", "set(range(0, 200, 7)) & set(range(0, 200, 5))",
		"set(range(0, 100, 7)) ^ set(range(0, 100, 3))", "set(range(50)) - {3}", "{3} - set(range(50))", "set(range(40)).difference(range(0, 40, 2))",
		"set([40, 9, 17, 1, 33, 25, 8, 16])", "set({40: 1, 9: 2, 17: 3, 1: 4})", "set(range(64)).intersection(range(0, 200, 3))",
		"set([1, 2, 3]).symmetric_difference([3, 4, 5, 100, 200])",
		"s = set(range(20)); s.intersection_update(range(5, 100, 2))", "s = set(range(100)); s.difference_update(range(0, 100, 2))",
		"s = set(range(100)); s.difference_update(range(0, 100, 2)); s.add(1000)",
		"s = {9, 17, 1, 33}; s.pop() + s.pop()", "{1, 2} == frozenset({1, 2})", "{1, 2} <= {1, 2, 3}", "{1} < {1}",
	})
}

func TestBytesMethods(t *testing.T) {
	oracle(t, []string{
		"b'hello world'.upper()", "b'Hello'.lower()", "b'Hello'.swapcase()", "b'hello world'.title()", "b'hELLO'.capitalize()",
		"b'hello world'.split()", "b'a,b'.split(b',')", "b'a,b,c'.split(b',', 1)", "b'a,b,c'.rsplit(b',', 1)", "b' a \\x85 b '.split()",
		"b' a b '.rsplit(None, 1)", "b'a'.split(b'')", "b'a'.split('a')", "b'\\xff a'.split()",
		"b'hello'.replace(b'l', b'L')", "b'aaa'.replace(b'', b'-')", "b'aaa'.replace(b'a', b'b', 1)", "b'a'.replace('a', 'b')",
		"b'hello'.find(b'l')", "b'hello'.find(108)", "b'hello'.rfind(b'l')", "b'hello'.find(b'z')", "b'hello'.index(b'z')", "b'hello'.find('l')",
		"b'hello'.count(b'l')", "b'hello'.count(b'')", "b'hello'.find(b'l', 3)", "b'hello'.index(b'o', -2)", "b'hello'.find(300)",
		"b'hello'.startswith(b'he')", "b'hello'.endswith(b'x')", "b'hello'.startswith((b'x', b'h'))", "b'hello'.startswith('h')",
		"b'-'.join([b'a', b'b'])", "b''.join(['a'])", "b''.join([])", "b'  pad '.strip()", "b'xxaxx'.strip(b'x')", "b'  pad '.lstrip()",
		"b'  pad '.rstrip()", "b'a'.strip('a')", "b'key=val'.partition(b'=')", "b'key=val'.rpartition(b'=')", "b'kv'.partition(b'=')",
		"b'hello'.decode()", "b'caf\\xc3\\xa9'.decode('utf-8')", "b'\\xff'.decode()", "b'\\xe2\\x82x'.decode()", "b'\\xe2\\x82'.decode()",
		"b'\\xed\\xa0\\x80'.decode()", "b'a\\xf0\\x90\\x80'.decode()", "b'\\xc0\\x80'.decode()", "b'\\xe2\\x82x\\xff'.decode('utf-8', 'replace')",
		"b'\\xe9'.decode('ascii')", "b'\\xe9'.decode('latin-1')", "b'a\\xe9\\xff'.decode('ascii', 'ignore')", "b'a\\xe9'.decode('utf-8', 'backslashreplace')",
		"b'a'.decode('xx')", "b'\\xf4\\x90\\x80\\x80'.decode()", "b'\\xf8'.decode()", "b'\\xe0\\x80\\x80'.decode()",
		"b'hello'.hex()", "b'\\x00\\xff'.hex()", "b'abcdef'.hex(':')", "b'abcdef'.hex(':', 2)", "b'abcde'.hex('-', -2)", "b''.hex()",
		"bytes.fromhex('48 69')", "bytes.fromhex('4869')", "bytes.fromhex('4g')", "bytes.fromhex('486')", "bytes.fromhex(1)",
		"b'abc'.isalpha()", "b'123'.isdigit()", "b'a1'.isalnum()", "b' \\t'.isspace()", "b''.isalpha()", "b'abc'.islower()", "b'ABC1'.isupper()",
		"b'Ab Cd'.istitle()", "b'\\xff'.isascii()", "b'ab'.center(6, b'*')", "b'ab'.ljust(4)", "b'ab'.rjust(4, b'0')", "b'-5'.zfill(4)",
		"b'a\\nb\\r\\nc'.splitlines()", "b'a\\nb\\r\\nc'.splitlines(True)", "b'prefix'.removeprefix(b'pre')", "b'file.py'.removesuffix(b'.py')",
	})
}

func TestRangeSliceNumMethods(t *testing.T) {
	oracle(t, []string{
		"range(5)", "range(1, 10, 2)", "range(3, 0, -1)", "range()", "range(1.5)", "range(1, 2, 0)", "range(1, 2, 3, 4)", "range(x=1)",
		"range(Idx(3))", "range(5).index(3)", "range(5).index(7)", "range(0, 10, 3).index(6)", "range(0, 10, 3).index(5)", "range(5).index('a')",
		"range(5).count(3)", "range(5).count(7)", "range(5).count(1.0)", "range(0, 10, 2).start", "range(0, 10, 2).stop", "range(0, 10, 2).step",
		"len(range(10, 0, -3))", "len(range(-5))", "list(range(5, -5, -3))", "range(3) == range(0, 3)", "range(0) == range(2, 2)",
		"range(0, 3, 2) == range(0, 4, 2)", "range(1) == range(1, 2, 5)", "range(3) == [0, 1, 2]", "hash(range(3)) == hash(range(0, 3))",
		"slice(1, 8, 3)", "slice(4)", "slice(None, None, -1).indices(5)", "slice(2, 100).indices(10)", "slice(1, 2, 0).indices(5)",
		"slice(-3, None).indices(2)", "slice(1, 2, 3).start", "slice(1, 2) == slice(1, 2)", "slice()", "slice(1, 2, 3, 4)", "hash(slice(1))",
		"slice(1).indices(-1)",
		"(10).bit_length()", "(-255).bit_length()", "(0).bit_length()", "(2**70).bit_length()", "True.bit_length()", "(255).bit_count()",
		"(5).to_bytes(2, 'big')", "(5).to_bytes(2, 'little')", "(-1).to_bytes(2, 'big', signed=True)", "(256).to_bytes(1, 'big')",
		"(-1).to_bytes(1, 'big')", "(128).to_bytes(1, 'big', signed=True)", "(-128).to_bytes(1, 'big', signed=True)", "(5).to_bytes()",
		"(0).to_bytes(0, 'big')", "(1).to_bytes(1, 'middle')", "int.from_bytes(b'\\x00\\x05', 'big')", "int.from_bytes(b'\\x05\\x00', 'little')",
		"int.from_bytes(b'\\xff\\xff', 'big', signed=True)", "int.from_bytes(b'\\xff', 'big')", "int.from_bytes([1, 2], 'big')", "int.from_bytes(b'')",
		"(7).__index__()", "(3).real", "(3).imag", "(3).numerator", "(3).denominator", "(3).conjugate()", "(6).as_integer_ratio()",
		"(1.5).is_integer()", "(2.0).is_integer()", "float('inf').is_integer()", "(0.5).as_integer_ratio()", "(-0.1).as_integer_ratio()",
		"float('inf').as_integer_ratio()", "(1.0).hex()", "(0.1).hex()", "(-2.5).hex()", "(5e-324).hex()", "(0.0).hex()", "float('inf').hex()",
		"float.fromhex('0x1.8p1')", "float.fromhex('1.8p1')", "float.fromhex('-0x1p-2')", "float.fromhex('inf')", "float.fromhex('0x1p2000')",
		"float.fromhex('zz')", "(2.5).real", "(2.5).conjugate()", "(1.5).__int__()",
	})
}
