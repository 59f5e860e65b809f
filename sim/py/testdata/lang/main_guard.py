# if __name__ == '__main__': and module-level code order.
print("module body runs first, __name__ =", __name__)

def main():
    print("main() called")
    return 0

def helper():
    return "helper"

if __name__ == '__main__':
    result = main()
    print("exit code would be", result)
else:
    print("imported, not run")
print(helper())
