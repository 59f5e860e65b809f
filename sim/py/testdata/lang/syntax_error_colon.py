# A syntax error: nothing runs, not even the first print.
# (A trailing comment would change CPython's caret range, so the marker
# for syntax-error programs lives here.)  ### "SyntaxError: expected ':'"
print("never printed")

def check(n):
    if n > 0
        return "positive"
    return "other"

print(check(1))
