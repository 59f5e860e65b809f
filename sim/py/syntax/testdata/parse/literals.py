0
1
123
1_000_000
0x1F
0XAB_CD
0o17
0O7_7
0b1010
0B1_0
00
0_0
000
# ----
123456789012345678901234567890
0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
# ----
1.0
1.
.5
1e10
1E10
1e-5
1.5e+3
1_000.000_1
1e1_0
0.1
0.0
00.5
0e0
# ----
1e308
1e309
1e-320
3.141592653589793
1e16
1e15
123456789.123
0.0001
0.00001
1e22
2.5e-7
100000000000000000.0
9999999999999998.0
# ----
1if x else 2
# ----
1or 2
# ----
'a'
"b"
'''c'''
"""d"""
''
""
''''''
""""""
# ----
'it\'s'
"say \"hi\""
'both \' and "'
"only '"
'only "'
# ----
'\n\t\r\\\a\b\f\v\0'
# ----
'\x41\x7f\x80\xff'
'\u00e9\u2603\U0001F600'
'\101\7\77\777'
# ----
'\d\w\s'
'\q'
# ----
r'\n\d'
R"\\"
r'\''
# ----
b'abc'
B"abc"
b'\x00\xff'
b'\n\t'
rb'\n'
br'\d'
Rb'x'
bR'x'
b''
b'\''
b'"'
b"'"
# ----
u'abc'
U'abc'
# ----
'a' 'b'
'a' "b" '''c'''
b'a' b'b'
'a' r'\n'
# ----
u'a' 'b'
# ----
'é'
'日本語'
'😀'
'\u200b'
'\xa0'
'\x00\x1f'
'\ud800'
'a\
b'
# ----
"""multi
line
string"""
# ----
'''
  indented
'''
# ----
x = ("implicit"
     " concatenation"
     " across lines")
# ----
f'hello'
f''
F'x'
rf'\n{x}'
fr'{x}\n'
Rf'{x}'
fR'{x}'
# ----
f'{x}'
f'{x!r}'
f'{x!s}'
f'{x!a}'
f'{x:>10}'
f'{x:{width}}'
f'{x:{width}.{precision}}'
f'{x!r:^20}'
f'{x=}'
f'{x = }'
f'{x=!s}'
f'{x=:>5}'
f'{x=!r:>5}'
# ----
f'{{}}'
f'{{x}}'
f'a{{b'
f'}}'
f'{x}{{}}{y}'
# ----
f'{a}{b}{c}'
f'a{b}c{d}e'
f'{x + 1}'
f'{f(x)}'
f'{x["key"]}'
f"{x['key']}"
f'{[1, 2]}'
f'{ {1: 2} }'
f'{(lambda: 1)()}'
f'{a if b else c}'
f'{a, b}'
f'{ x }'
f'{x:}'
f'{x!r:}'
# ----
f'a' 'b' f'{c}'
'a' f'{b}' 'c'
f'{a}' f'{b}'
'' f''
f'' ''
# ----
u'a' f'{b}'
# ----
f'{x:%Y-%m-%d}'
f'{x:0.2f}'
f'{x:,}'
f'{x:#x}'
f'{x:{"<"}}'
# ----
f"""
multi {x}
line {y!r}
"""
# ----
f'{x:\n}'
# ----
f'\n{x}\t'
f'\x41{x}'
# ----
f'{x}' f"{y}"
# ----
f"{f'{x}'}"
# ----
f'{a!r}{b!s}'
# ----
f'{x==y}'
f'{x!=y}'
f'{x<y}'
f'{x>y}'
f'{x<=y}'
f'{x>=y}'
# ----
f'{3.14:.1f}'
f'{1:{2}}'
# ----
x = f"{name!r} is {age} years old"
# ----
print(f"{'nested'}")
print(f'{"nested"}')
print(f"""{'''a'''}""")
