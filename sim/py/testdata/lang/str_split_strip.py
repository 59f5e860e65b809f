# Splitting, partitioning, stripping and line handling.
text = "  alpha  beta\tgamma\n delta  "
print(text.split())
print(text.strip(), "|" + text.lstrip() + "|", "|" + text.rstrip() + "|")
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("a b c d".split(" ", 2), "a b c d".rsplit(None, 2), "".split(), "".split(","))
print("xxhixx".strip("x"), "xyhiyx".lstrip("xy"), "www.example.com".rstrip("cmowz."))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "nokey".partition("="))
lines = "one\ntwo\r\nthree\n\nfive"
print(lines.splitlines(), lines.splitlines(True))
print("a\n".split("\n"), "a\n".splitlines())
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(set(words)), words.count("the"))
print(" ".join(w.capitalize() for w in words))
print("-".join(map(str, range(5))))
csv = "name, age ,city"
print([field.strip() for field in csv.split(",")])
path = "/usr/local/lib/python3.11"
head, sep, tail = path.rpartition("/")
print(head, sep, tail)
print("  spaced out  ".strip().split(" "))
print("1 2  3".split(" "))
