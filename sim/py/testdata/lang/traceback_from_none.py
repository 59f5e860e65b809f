# raise ... from None hides the context in the traceback.
def to_int(text):
    try:
        return int(text)
    except ValueError:
        raise TypeError(f"expected digits, got {text!r}") from None  ### "TypeError: expected digits"

def parse_all(items):
    return [to_int(item) for item in items]

print(to_int("12"), parse_all(["1", "2"]))
print(to_int("twelve"))
