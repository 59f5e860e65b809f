package runtime

import (
	"strings"
	"testing"
)

// TestBuiltinExceptionHierarchy checks that every built-in exception of
// CPython is a built-in here, with the same MRO.
func TestBuiltinExceptionHierarchy(t *testing.T) {
	out := python(t, `
import builtins
for n in dir(builtins):
    c = getattr(builtins, n)
    if isinstance(c, type) and issubclass(c, BaseException):
        print(n, ' '.join(k.__name__ for k in c.__mro__))
`, "")
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		c, ok := Builtins[f[0]].(*Class)
		if !ok {
			t.Errorf("missing built-in exception %s", f[0])
			continue
		}
		var mro []string
		for _, k := range c.MRO {
			mro = append(mro, k.Name)
		}
		if got := strings.Join(mro, " "); got != strings.Join(f[1:], " ") {
			t.Errorf("%s: MRO %s, CPython %s", f[0], got, strings.Join(f[1:], " "))
		}
	}
}

// TestBuiltinNames lists the names of CPython's builtins module that are
// not here (the evaluator installs print, input, super and their kin).
func TestBuiltinNames(t *testing.T) {
	out := python(t, `
import builtins
print(' '.join(n for n in dir(builtins) if not n.startswith('_')))
`, "")
	var missing []string
	for _, n := range strings.Fields(out) {
		if _, ok := Builtins[n]; !ok {
			missing = append(missing, n)
		}
	}
	t.Logf("not in Builtins: %s", strings.Join(missing, " "))
}
