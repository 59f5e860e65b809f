// Command asyncplay runs asyncplay's Python headless: the same kernel and
// interpreter as the browser playground, printing the program's output and
// optionally its trace and the monitor. Run `asyncplay help` for usage.
package main

import "os"

func main() {
	os.Exit(command(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
