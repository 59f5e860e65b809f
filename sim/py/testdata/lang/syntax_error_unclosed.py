# An unclosed bracket is reported at the opening bracket (3.10+ wording).
# ### "SyntaxError: '\[' was never closed"
print("never printed")
values = [1, 2,
total = sum(values)
print(total)
