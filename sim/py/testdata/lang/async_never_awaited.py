# A coroutine that is created and never awaited: CPython warns on stderr
# when the coroutine object is discarded (the tutorial's lesson).
async def greet(name):
    print("hello", name)

def main():
    greet("never")
    print("main continues without running greet")

main()
print("done")
