# IndentationError: a dedent to a column that matches no outer level.
# ### "IndentationError: unindent does not match any outer indentation level"
print("never printed")

def f(x):
    if x:
        y = 1
      return y

f(1)
