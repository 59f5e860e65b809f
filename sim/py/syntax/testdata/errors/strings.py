x = 'abc
# ----
x = "abc
# ----
x = f'abc
# ----
x = """abc

# ----
x = '''abc
def f():
    pass
# ----
print("hello)
# ----
print('it's')
# ----
x = "C:\Users\me"
# ----
x = '\x1'
# ----
x = "\u12"
# ----
x = '\N{foo}'
# ----
x = b'\x1'
# ----
x = b'é'
# ----
x = 'a' b'b'
# ----
x = b'a' 'b'
# ----
x = b'a' f'{b}'
# ----
x = '\U00110000'
# ----
x = 'abc\
# ----
y = 1
x = 'abc
z = 2
# ----
f'\N'
