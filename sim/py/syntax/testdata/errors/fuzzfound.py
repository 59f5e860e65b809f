0else 0else0
# ----
print 0% 
# ----
(()%())%()=0
# ----
try:()
except:0
except:0
# ----
'\UAAAAAAAA'
# ----
[0,00for 0 0
# ----
with(0
0 0
# ----
(00for A 0
# ----
0 0(0 0
# ----
00and 0:
# ----
with(0 0%!
# ----
f"{0 0%!"
# ----
d = {'a': 1, 'b' 2}
# ----
d = {1: 2, b c: 3}
# ----
d = {'b' 2}
# ----
items = [
    "abcdef"
    "c"
    d
]
