# Uncaught IndexError on a subscript in an expression: 3.11 marks the
# subscript with ~ and ^ under the failing part of the line.
def last_two(items):
    return items[-1] + items[-2]  ### "IndexError: list index out of range"

history = [[1, 2, 3], [10, 20], [5]]
for entry in history:
    print(entry, last_two(entry))
print("not reached")
