# A failing call that runs on to the next line: the carets go to the end of
# its first line.
def f(x):
    raise ValueError(x)  ### "ValueError: 1"


x = 1 + f(
    1)
