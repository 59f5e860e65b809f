# Messages of built-in errors learners meet (CPython 3.11 wording).
def assign(container, index, value):
    container[index] = value

key_str, key_float = "0", 1.0
cases = {
    "int_div": lambda: 1 // 0,
    "int_mod": lambda: 1 % 0,
    "true_div": lambda: 1 / 0,
    "float_div": lambda: 1.0 / 0,
    "float_floordiv": lambda: 1.0 // 0.0,
    "divmod": lambda: divmod(1, 0),
    "pow_zero": lambda: 0 ** -1,
    "list_index": lambda: [1][1],
    "str_index": lambda: "ab"[5],
    "tuple_assign": lambda: assign((1,), 0, 1),
    "dict_key": lambda: {"a": 1}["b"],
    "int_key": lambda: {}[0],
    "tuple_key": lambda: {}[(1, "x")],
    "attr_int": lambda: (1).foo,
    "attr_none": lambda: None.append,
    "attr_str": lambda: "s".push,
    "attr_module_like": lambda: [].add,
    "not_iterable": lambda: [x for x in 5],
    "float_int": lambda: int(float("inf")),
    "float_nan": lambda: int(float("nan")),
    "compare": lambda: 1 < "2",
    "compare_none": lambda: None > 0,
    "str_mul": lambda: "a" * 2.0,
    "join": lambda: ", ".join([1, 2]),
    "list_remove": lambda: [].remove(0),
    "min_empty": lambda: min([]),
    "max_empty": lambda: max(()),
    "chr_range": lambda: chr(-1),
    "int_base": lambda: int("9", 8),
    "range_float": lambda: range(1.5),
    "overflow": lambda: float(10 ** 400),
    "str_assign": lambda: assign("abc", 0, "x"),
    "dict_list_key": lambda: assign({}, [], 1),
    "hash_dict": lambda: hash({}),
    "set_list": lambda: {1} | [2],
    "index_type": lambda: [1, 2][key_str],
    "str_index_type": lambda: "abc"[key_float],
    "round_str": lambda: round("1.5"),
    "sum_str": lambda: sum(["a", "b"]),
    "next_iter": lambda: next(iter([])),
}
for name, fn in cases.items():
    try:
        fn()
        print(name, "no error")
    except Exception as e:
        print(f"{name}: {type(e).__name__}: {e}")
