//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main outside the browser says how this command is meant to be built,
// so `go build ./...` works and a mistaken `go run ./wasm` explains itself.
func main() {
	fmt.Fprintln(os.Stderr, "asyncplay/wasm runs in the browser: build it with GOOS=js GOARCH=wasm (make serve does)")
	os.Exit(2)
}
