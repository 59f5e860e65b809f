# repr of strings: quote choice and escapes.
samples = [
    "plain",
    "it's",
    'say "hi"',
    "both ' and \"",
    "tab\there",
    "new\nline",
    "back\\slash",
    "bell\a",
    "nul\x00",
    "\x7f",
    "caf\u00e9",
    "snow\u2603",
    "emoji\U0001F600",
    "\r\x0b\x0c",
    "",
]
for s in samples:
    print(repr(s), len(s))
print(r"raw\n\t", len(r"raw\n"), r"C:\path")
print("implicit " "concatenation " 'works')
print("""triple
quoted""")
print('''it's "fine"''')
print("\N{GREEK SMALL LETTER ALPHA}", "\101\102", "\x41")
print(["a'b", 'c"d', "e\\f"])
print(str("x\ty"), repr("x\ty"))
print(ascii("héllo ☃"))
print("multi\
line continuation")
u = "naïve 日本 😀"
print(len(u), u[2], u[6:8], u[-1], u[::-1], len(u.encode("utf-8")))
print(u.upper(), "ß".upper(), sorted("bäa"))
print([ord(c) for c in "é😀"], "😀" > "日", "\u00e9" == "é")
