# printf-style % formatting.
print("%s is %d years" % ("Ann", 30))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%.2E|%g|%G" % (3.14159, 2.5, 1.25, 12345.678, 0.000123, 1e-7, 1e20))
print("%x|%X|%#x|%o|%#o" % (255, 255, 255, 8, 8))
print("%r|%s|%a" % ("hi", "hi", "é"))
print("%c%c" % (72, "i"), "100%%", "%s%%" % 50)
print("%(name)s has %(count)03d items" % {"name": "box", "count": 7})
print("%*d|%-*d|%.*f" % (6, 1, 4, 2, 2, 3.14159))
print("%s" % [1, 2], "%s" % (("a", "b"),), "%s and %s" % ("x", [1]))
print("%d" % 3.99, "%i" % -2, "%s" % None, "%5s|%-5s|" % ("ab", "cd"))
print("%.3s" % "abcdef", "%10.4f" % 3.14159265)
print("%d%%" % 75)
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
print(b"%s-%d" % (b"ab", 5))
