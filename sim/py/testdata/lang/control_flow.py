# if/elif/else, while/else, for/else, break, continue, pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 42)])

i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while finished normally")

n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("not printed")
print("n =", n)

for x in [2, 4, 6]:
    if x % 2:
        print("found odd", x)
        break
else:
    print("no odd numbers")

for x in [2, 3, 4]:
    if x % 2:
        print("found odd", x)
        break
else:
    print("not printed either")

for prime_candidate in range(2, 20):
    for d in range(2, prime_candidate):
        if prime_candidate % d == 0:
            break
    else:
        print(prime_candidate, end=" ")
print()
for _ in []:
    pass
else:
    print("empty for runs else")
if True: print("one-line if")
while False: pass
for ch in "ab": print(ch); print("semicolon")
