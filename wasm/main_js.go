//go:build js && wasm

package main

import "syscall/js"

func main() {
	js.Global().Set("asyncplay", js.ValueOf(map[string]any{
		// run(source, name, seed) -> {stdout, stderr, exitCode, end, events}
		"run": js.FuncOf(func(this js.Value, args []js.Value) any {
			if len(args) < 1 || args[0].Type() != js.TypeString {
				return js.ValueOf(map[string]any{"stderr": "asyncplay.run: the first argument must be the program's source\n", "exitCode": 2})
			}
			name, seed := "<main>", uint64(0)
			if len(args) > 1 && args[1].Type() == js.TypeString {
				name = args[1].String()
			}
			if len(args) > 2 && args[2].Type() == js.TypeNumber {
				seed = uint64(args[2].Int())
			}
			o := Run(name, args[0].String(), seed)
			return js.ValueOf(map[string]any{
				"stdout": o.Stdout, "stderr": o.Stderr, "exitCode": o.ExitCode,
				"end": o.End.String(), "events": o.Events,
			})
		}),
	}))
	js.Global().Call("dispatchEvent", js.Global().Get("Event").New("asyncplay-ready"))
	select {} // stay alive: the page calls in
}
