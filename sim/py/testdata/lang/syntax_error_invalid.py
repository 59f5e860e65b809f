# 3.11 wording for assignment to a literal.
# ### "SyntaxError: cannot assign to literal here"
print("never printed")
x = 1
1 = x
