# __exit__ raising: the traceback points at the whole with statement.
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise ValueError("exit")  ### "ValueError: exit"
def f():
    with CM() as c:
        pass
f()
