# Format specs through f-strings and format().
v = 1234.5678
print(f"{v:.2f}|{v:10.1f}|{v:<10.1f}|{v:^10.1f}|{v:e}|{v:.3g}")
print(f"{v:,.2f}|{v:_.1f}|{v:+.0f}|{-v:.1f}|{v:012.2f}")
print(f"{0.25:%}|{0.25:.0%}|{1/3:.4}")
i = 255
print(f"{i:d}|{i:5d}|{i:<5d}|{i:05d}|{i:x}|{i:#X}|{i:o}|{i:#o}|{i:b}|{i:#010b}")
print(f"{i:,}|{10**9:_}|{-i:+}|{i: }|{i:c}")
s = "text"
print(f"[{s:10}]|[{s:>10}]|[{s:^10}]|[{s:-^10}]|[{s:.2}]|[{s:>6.3}]")
print(f"{True}|{True:d}|{None!s:>6}")
print(f"{5:03}|{-5:03}|{5.0:03}|{1e10:.2e}|{1e-10:g}|{12345678.9:g}")
print(format(3.14159, ".2f"), format(42, "08b"), format("x", "^5"), format(7))
print(f"{float('inf'):.2f}|{float('nan'):>6}|{-0.0:.1f}")
print(f"{2.5:.0f}|{3.5:.0f}|{0.125:.2f}|{0.375:.2f}")
width, prec = 12, 3
print(f"{v:>{width}.{prec}f}|")
print(f"{123456789:,d}|{-1234567:,}")
print(f"{100:=+8}|{'left':<{width}}|")
print(f"{1.0:g}|{100.0:g}|{1e16:g}|{0.0001:g}|{0.00001:g}")
print(f"{12.0}|{12.0:.1f}|{12:.1f}|{12:f}")
print("%s" % format(0.5, ".1%"))
