# Everyday str methods: case, search, test predicates.
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.find("o"), s.find("o", 5), s.find("z"), s.rfind("o"), s.index("W"), s.rindex("l"))
print(s.count("l"), s.count("l", 4), s.count(""), "aaaa".count("aa"))
print(s.startswith("Hell"), s.startswith(("x", "He")), s.endswith("ld"), s.endswith("o", 0, 5))
print(s.replace("l", "L"), s.replace("l", "L", 2), "aaa".replace("", "-"))
print("42".isdigit(), "4a".isdigit(), "abc".isalpha(), "ab1".isalnum(), "   ".isspace())
print("Title Case".istitle(), "UP".isupper(), "low".islower(), "".isdigit(), "x_1".isidentifier())
print("12".isdecimal(), "12".isnumeric(), "Abc".isascii())
print("a" in s, "World" in s, "world" not in s)
print(len(s), s[0], s[-1], s * 2, s + "!")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", min("hello"), max("hello"))
print(ord("A"), chr(97), "".join(reversed("stressed")))
print("hello".center(11, "*"), "|" + "hi".ljust(5) + "|", "|" + "hi".rjust(5, ".") + "|")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4))
print("tab\tsep".expandtabs(4), "x".join("abc"), ", ".join(["a", "b", "c"]))
print("Straße".casefold(), "ÉCOLE".lower())
print("{} and {}".format("a", "b"), "%s!" % "hi")
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "x".removeprefix("y"))
print("abc".encode(), "h\u00e9".encode("utf-8"), str(b"abc", "ascii"))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
for ch in "héllo":
    print(ch, end=" ")
print()
print(str(123), str(4.5), str([1, "a"]), str(("x",)))
