# bytes literals, indexing, methods and conversions.
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1])
print(list(b"abc"), bytes([65, 66, 67]), bytes(3), bytes("é", "utf-8"))
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"))
print(b.startswith(b"he"), b.endswith(b"x"), b"o" in b, 104 in b)
print(b"-".join([b"a", b"b"]), b"  pad ".strip(), b"a,b".split(b","))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), "ok".encode("ascii"))
print(b.hex(), bytes.fromhex("48 69"), b"\x00\xff\n\t\\'\"")
print(repr(b"it's"), repr(b'say "x"'), b"\x7f\x80")
print(b"ab" + b"cd", b"ab" * 3, b"abc" < b"abd", b"" == bytes())
print(b.partition(b" "), b.isalpha(), b"123".isdigit(), b.title())
print(type(b[0]).__name__, type(b[0:1]).__name__)
for byte in b"hi":
    print(byte, chr(byte))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc" + "d"
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"%d bytes" % 5, b"abc".index(b"c"))
