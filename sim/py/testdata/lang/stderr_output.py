# Output split between stdout and stderr; exit status stays 0.
import sys
print("to stdout 1")
print("to stderr 1", file=sys.stderr)
sys.stdout.write("to stdout 2\n")
sys.stderr.write("to stderr 2\n")
print("err", "with", "sep", sep="-", file=sys.stderr)
print("to stdout 3")
out = sys.stdout
out.write("through an alias\n")
print("no newline on stderr", end="", file=sys.stderr)
