# BaseExceptionGroup: the class __new__ picks, split, subgroup, derive,
# and the notes that split copies.

eg = ExceptionGroup("many", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
print(repr(eg), str(eg))
print(eg.message, eg.exceptions)

match, rest = eg.split(ValueError)
print("split", repr(match), repr(rest))
print("split tuple", eg.split((TypeError, KeyError)))
print("split all", eg.split(Exception)[0] is eg, eg.split(Exception)[1])
print("split none", eg.split(OSError)[0], repr(eg.split(OSError)[1]) == repr(eg))
print("predicate", eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
print("subgroup", repr(eg.subgroup(KeyError)), eg.subgroup(OSError))
print("derive", repr(eg.derive([OSError(9)])))

for cond in [1, (ValueError, 1), print]:
    try:
        eg.split(cond)
    except TypeError as e:
        print("TypeError:", e)

print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(repr(BaseExceptionGroup("b", (ValueError(), ))))
for args in [("a",), ("a", [ValueError()], 3), (1, [ValueError()]), ("a", 5), ("a", []), ("a", [1]),
             ("a", [ValueError(), 2]), ("a", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

orig = ExceptionGroup("noted", [ValueError(1), TypeError(2)])
orig.add_note("a note")
try:
    raise orig
except ExceptionGroup as caught:
    m, r = caught.split(ValueError)
    print(m.__notes__, r.__notes__, m.__notes__ is orig.__notes__)
    print(m.__traceback__ is not None, r.__suppress_context__, orig.__suppress_context__)

e = ValueError("x")
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as err:
    print("TypeError:", err)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


mine = MyGroup("mine", [ValueError(1), TypeError(2)])
print(repr(mine.split(ValueError)))
try:
    raise mine
except* ValueError as e:
    print("my part", type(e).__name__, repr(e))
except* TypeError as e:
    print("my other part", type(e).__name__, repr(e))
