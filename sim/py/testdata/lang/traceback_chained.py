# Uncaught error with explicit (raise ... from ...) and implicit chaining.
config = {"port": "80"}

def read_setting(name):
    try:
        return config[name]
    except KeyError as e:
        raise LookupError(f"missing setting {name!r}") from e

def load():
    try:
        read_setting("host")
    except LookupError:
        cleanup()

def cleanup():
    raise RuntimeError("cleanup failed")  ### "RuntimeError: cleanup failed"

print("loading")
load()
