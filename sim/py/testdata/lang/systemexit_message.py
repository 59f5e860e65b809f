# raise SystemExit("message"): the message goes to stderr and the status is 1.
def load(config):
    if "name" not in config:
        raise SystemExit("fatal: configuration missing")  ### "^fatal: configuration missing$"
    return config["name"]

print("about to exit")
try:
    raise SystemExit(0)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
print(load({"name": "app"}))
load({})
