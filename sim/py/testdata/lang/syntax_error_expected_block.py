# IndentationError: a block header with no indented body.
# ### "IndentationError: expected an indented block after 'for' statement on line 4"
print("never printed")
for i in range(3):
print(i)
