package modules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asyncplay/sim"
	"asyncplay/sim/py/run"
)

// runCurio runs a program with every built-in module importable and
// returns its stdout, stderr and exit status.
func runCurio(t *testing.T, src string, setup func(k *sim.Kernel)) (string, string, int, *run.Result) {
	t.Helper()
	var stdout, stderr strings.Builder
	res := run.Program(src, run.Config{File: "hello.py", Stdout: &stdout, Stderr: &stderr, Setup: setup,
		Modules: run.StandardModules})
	return stdout.String(), stderr.String(), res.ExitCode, res
}

func dedent(s string) string {
	lines := strings.Split(strings.TrimPrefix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\t")
	}
	return strings.Join(lines, "\n")
}

// TestGoldenTraces pins the whole trace of tutorial programs, lines and
// stacks included, in testdata/golden (UPDATE_GOLDEN=1 rewrites them).
// make test also runs this as WebAssembly: the interpreter on the kernel
// traces alike on both.
func TestGoldenTraces(t *testing.T) {
	for _, c := range []struct {
		name, src string
		setup     func(k *sim.Kernel)
	}{
		{"parent_kid", parentKidProgram, nil},
		{"friends_sigint", friendsProgram, func(k *sim.Kernel) { k.Inject(100*sim.Second, sim.SIGINT) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, _, res := runCurio(t, c.src, c.setup)
			var got strings.Builder
			if err := res.Kernel.Trace().WriteJSONL(&got); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", c.name+".jsonl")
			if os.Getenv("UPDATE_GOLDEN") != "" {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (UPDATE_GOLDEN=1 creates it)", err)
			}
			if got.String() != string(want) {
				g, w := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
				for i := range min(len(g), len(w)) {
					if g[i] != w[i] {
						t.Fatalf("trace differs from %s at line %d:\n got %s\nwant %s", path, i+1, g[i], w[i])
					}
				}
				t.Fatalf("trace differs from %s in length: %d lines, want %d", path, len(g), len(w))
			}
		})
	}
}

// TestTutorialParentKid runs the curio tutorial's parent, kid and
// countdown: a timeout on join, a cancel, the kid's cleanup.
func TestTutorialParentKid(t *testing.T) {
	out, errs, code, _ := runCurio(t, parentKidProgram, nil)
	want := dedent(`
		Building the Millenium Falcon in Minecraft
		Let's go
		T-minus 10
		T-minus 9
		T-minus 8
		T-minus 7
		T-minus 6
		T-minus 5
		T-minus 4
		T-minus 3
		T-minus 2
		T-minus 1
		We're leaving!
		I warned you!
		Fine. Saving my work.
		Leaving!
		`)
	if out != want || errs != "" || code != 0 {
		t.Errorf("stdout:\n%s\nstderr:\n%s\nexit %d\nwant stdout:\n%s", out, errs, code, want)
	}
}

const parentKidProgram = `
import curio

async def countdown(n):
    while n > 0:
        print('T-minus', n)
        await curio.sleep(1)
        n -= 1

async def kid():
    try:
        print('Building the Millenium Falcon in Minecraft')
        await curio.sleep(1000)
    except curio.CancelledError:
        print('Fine. Saving my work.')
        raise

async def parent():
    kid_task = await curio.spawn(kid)
    await curio.sleep(5)

    print("Let's go")
    count_task = await curio.spawn(countdown, 10)
    await count_task.join()

    print("We're leaving!")
    try:
        await curio.timeout_after(10, kid_task.join)
    except curio.TaskTimeout:
        print('I warned you!')
        await kid_task.cancel()
    print('Leaving!')

if __name__ == '__main__':
    curio.run(parent)
`

const friendsProgram = `
import curio, signal

start_evt = curio.Event()

async def countdown(n):
    while n > 0:
        print('T-minus', n)
        await curio.sleep(1)
        n -= 1

async def friend(name):
    print('Hi, my name is', name)
    print('Playing Minecraft')
    try:
        await curio.sleep(1000)
    except curio.CancelledError:
        print(name, 'going home')
        raise

async def kid():
    while True:
        try:
            print('Can I play?')
            await curio.timeout_after(1, start_evt.wait)
            break
        except curio.TaskTimeout:
            print('Wha!?!')
    print('Building the Millenium Falcon in Minecraft')
    async with curio.TaskGroup() as f:
        await f.spawn(friend, 'Max')
        await f.spawn(friend, 'Lillian')
        await f.spawn(friend, 'Thomas')
        try:
            await curio.sleep(1000)
        except curio.CancelledError:
            print('Fine. Saving my work.')
            raise

async def parent():
    goodbye = curio.SignalEvent(signal.SIGINT, signal.SIGTERM)
    kid_task = await curio.spawn(kid)
    await curio.sleep(2.5)
    print('Yes, go play')
    await start_evt.set()
    await goodbye.wait()
    del goodbye
    print("Let's go")
    count_task = await curio.spawn(countdown, 3)
    await count_task.join()
    print("We're leaving!")
    try:
        await curio.timeout_after(10, kid_task.join)
    except curio.TaskTimeout:
        print('I warned you!')
        await kid_task.cancel()
    print('Leaving!')

curio.run(parent)
print('done at', 'the end')
`

// TestTutorialSignalAndFriends: the kid nags until allowed to play, the
// friends go home in spawn order when the group is cancelled, and a
// SIGINT caught by a SignalEvent starts the shutdown.
func TestTutorialSignalAndFriends(t *testing.T) {
	out, errs, code, res := runCurio(t, friendsProgram, func(k *sim.Kernel) { k.Inject(100*sim.Second, sim.SIGINT) })
	want := dedent(`
		Can I play?
		Wha!?!
		Can I play?
		Wha!?!
		Can I play?
		Yes, go play
		Building the Millenium Falcon in Minecraft
		Hi, my name is Max
		Playing Minecraft
		Hi, my name is Lillian
		Playing Minecraft
		Hi, my name is Thomas
		Playing Minecraft
		Let's go
		T-minus 3
		T-minus 2
		T-minus 1
		We're leaving!
		I warned you!
		Fine. Saving my work.
		Max going home
		Lillian going home
		Thomas going home
		Leaving!
		done at the end
		`)
	if out != want || errs != "" || code != 0 {
		t.Errorf("stdout:\n%s\nstderr:\n%s\nexit %d\nwant stdout:\n%s", out, errs, code, want)
	}
	if now := res.Kernel.Now(); now != 113*sim.Second {
		t.Errorf("the run ended at %s, want 113s (SIGINT at 100s, 3s countdown, 10s timeout)", now)
	}
}

// TestTutorialControlCTwice: after `del goodbye` a second SIGINT has its
// default action again: KeyboardInterrupt in the main task, and everyone
// hurries out.
func TestTutorialControlCTwice(t *testing.T) {
	out, errs, code, _ := runCurio(t, friendsProgram, func(k *sim.Kernel) {
		k.Inject(100*sim.Second, sim.SIGINT)
		k.Inject(101500*sim.Millisecond, sim.SIGINT)
	})
	if !strings.HasSuffix(out, "T-minus 2\nThomas going home\nLillian going home\nMax going home\nFine. Saving my work.\n") {
		t.Errorf("no hasty exit, highest task first:\n%s", out)
	}
	wantErr := "Traceback (most recent call last):\n  File \"hello.py\", line 59, in <module>\n    curio.run(parent)\nKeyboardInterrupt\n"
	if !strings.HasPrefix(errs, wantErr) || code != 1 {
		t.Errorf("stderr:\n%s\nexit %d; want it to start\n%s", errs, code, wantErr)
	}
}

// TestCurioPrograms runs each program of testdata/curio and compares its
// output with the .out beside it (UPDATE_GOLDEN=1 rewrites them after a
// reviewed change): every curio primitive exercised from Python, with the
// virtual time of each event.
func TestCurioPrograms(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "curio", "*.py"))
	if len(files) == 0 {
		t.Fatal("no programs in testdata/curio")
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			src, _ := os.ReadFile(path)
			out, errs, code, _ := runCurio(t, string(src), nil)
			golden := strings.TrimSuffix(path, ".py") + ".out"
			if os.Getenv("UPDATE_GOLDEN") != "" {
				os.WriteFile(golden, []byte(out), 0o644)
				return
			}
			want, _ := os.ReadFile(golden)
			if out != string(want) || errs != "" || code != 0 {
				t.Errorf("stdout:\n%s\nstderr:\n%s\nexit %d\nwant:\n%s", out, errs, code, want)
			}
		})
	}
}

// A group's daemonic member is neither waited for nor held: the group
// cancels it when joined. cancel_remaining takes the cancelled members out
// of the group, so iteration ends. Both as in curio 1.x's task.py.
func TestGroupDaemonsAndCancelRemaining(t *testing.T) {
	stdout, stderr, code, _ := runCurio(t, dedent(`
		import curio

		async def tick():
		    while True:
		        await curio.sleep(1)
		        print('tick', round(await curio.clock()))

		async def mirror(name, delay):
		    await curio.sleep(delay)
		    return name

		async def main():
		    async with curio.TaskGroup() as g:
		        await g.spawn(tick, daemon=True)
		        await g.spawn(mirror, 'a', 2.5)
		    print('group done at', round(await curio.clock(), 1), g.results)
		    async with curio.TaskGroup() as g:
		        for i in range(5):
		            await g.spawn(mirror, f'm{i}', i + 1)
		        got = []
		        async for t in g:
		            got.append(t.result)
		            if len(got) == 2:
		                await g.cancel_remaining()
		        print('got', got, 'left', g.tasks)

		curio.run(main)
		`), nil)
	want := "tick 1\ntick 2\ngroup done at 2.5 ['a']\ngot ['m0', 'm1'] left []\n"
	if stdout != want || stderr != "" || code != 0 {
		t.Errorf("exit %d, stdout\n%s\nwant\n%s\nstderr\n%s", code, stdout, want, stderr)
	}
}

// A group does not answer for its daemons: one that crashes is reported
// at the end like any unjoined task.
func TestGroupDaemonCrashIsReported(t *testing.T) {
	stdout, stderr, code, _ := runCurio(t, dedent(`
		import curio

		async def handle(n):
		    await curio.sleep(0.25)
		    if n == 1:
		        raise ValueError('bad request')

		async def main():
		    async with curio.TaskGroup() as g:
		        for n in range(3):
		            await g.spawn(handle, n, daemon=True)
		        await curio.sleep(1)
		    print('done')

		curio.run(main)
		`), nil)
	if stdout != "done\n" || code != 0 || !strings.HasPrefix(stderr, "Exception in unjoined task Task(id=4, name='handle', state='TERMINATED')\n") || !strings.HasSuffix(stderr, "ValueError: bad request\n") {
		t.Errorf("exit %d, stdout %q, stderr\n%s", code, stdout, stderr)
	}
}

// A group's tasks are those it still tracks, finished or not, as in curio
// 1.x: one the program has taken with next_done is no longer among them.
func TestGroupTasksIncludeUnreadFinished(t *testing.T) {
	stdout, stderr, code, _ := runCurio(t, dedent(`
		import curio

		async def work(n):
		    await curio.sleep(n)
		    return n

		async def main():
		    async with curio.TaskGroup() as g:
		        for n in (1, 2, 3):
		            await g.spawn(work, n)
		        await curio.sleep(2.5)
		        print(len(g.tasks))
		        t = await g.next_done()
		        print(t.result, len(g.tasks))
		    print(len(g.tasks), g.results)

		curio.run(main)
		`), nil)
	if want := "3\n1 2\n2 [2, 3]\n"; stdout != want || stderr != "" || code != 0 {
		t.Errorf("exit %d, stdout\n%s\nwant\n%s\nstderr\n%s", code, stdout, want, stderr)
	}
}

// A curio method's coroutine is named by its qualified name, as curio's
// Python code names it: the never-awaited warning says 'Event.set', and a
// task spawned on q.join is named Queue.join.
func TestCurioMethodCoroutinesHaveQualifiedNames(t *testing.T) {
	stdout, stderr, code, _ := runCurio(t, dedent(`
		import curio

		async def main():
		    curio.Event().set()
		    t = await curio.spawn(curio.Queue().join)
		    print(t.name)
		    await t.join()

		curio.run(main)
		`), nil)
	if stdout != "Queue.join\n" || code != 0 || !strings.Contains(stderr, "RuntimeWarning: coroutine 'Event.set' was never awaited") {
		t.Errorf("exit %d, stdout %q, stderr\n%s", code, stdout, stderr)
	}
}
