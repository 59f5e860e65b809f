package runtime

import "testing"

// TestZZOracleCount runs last (files run in name order) and reports how
// many cases the oracle tests checked against CPython.
func TestZZOracleCount(t *testing.T) {
	t.Logf("oracle-checked cases so far: %d", oracleCount)
}
