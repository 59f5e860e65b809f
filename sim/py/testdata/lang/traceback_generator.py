# Uncaught error raised inside a generator while a for loop consumes it.
def parse_lines(lines):
    for number, line in enumerate(lines, 1):
        key, value = line.split("=")  ### "ValueError: not enough values to unpack"
        yield number, key.strip(), value.strip()

def load(lines):
    settings = {}
    for number, key, value in parse_lines(lines):
        settings[key] = value
    return settings

print(load(["a = 1", "b = 2"]))
print(load(["a = 1", "broken line"]))
