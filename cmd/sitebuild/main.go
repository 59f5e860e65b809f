// Command sitebuild builds the static site into a folder (site/dist by
// default) from the lessons, with the engine compiled to WebAssembly:
// what cmd/serve serves. Run it from the module's root.
//
//	go run ./cmd/sitebuild [-out site/dist]
package main

import (
	"flag"
	"fmt"
	"os"

	"asyncplay/lessons"
	"asyncplay/site"
)

func main() {
	out := flag.String("out", "site/dist", "the folder to build into")
	flag.Parse()
	ls, err := lessons.All()
	if err == nil {
		err = site.Build(*out, ls)
	}
	if err == nil {
		err = site.BuildEngine(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sitebuild:", err)
		os.Exit(1)
	}
	fmt.Printf("built %d lessons into %s\n", len(ls), *out)
}
