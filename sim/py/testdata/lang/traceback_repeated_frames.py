# Recursion that fails at the bottom: CPython collapses identical frames
# after three into "[Previous line repeated N more times]". A bare
# exception class prints as just its name.
def countdown(n):
    if n == 0:
        raise ValueError  ### "^ValueError$"
    countdown(n - 1)

print("counting down from 8")
countdown(8)
