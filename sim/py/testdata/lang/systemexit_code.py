# raise SystemExit(n): no traceback, exit status n; finally blocks still run.
def main():
    try:
        print("working")
        raise SystemExit(3)
    finally:
        print("cleanup in finally")

try:
    main()
except Exception:
    print("SystemExit is not an Exception, so this is skipped")
print("not reached")
