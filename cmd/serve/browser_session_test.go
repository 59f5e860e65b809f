package main

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"asyncplay/lessons"
	sitebuild "asyncplay/site"
)

// The browser tests open the built site, served by this package's
// handler, in Debian's headless Chromium and do what a reader does: run
// each lesson's programs, step, step back, scrub, read the console and the
// monitor at a moment, edit and re-run, make a syntax error, present, and
// reload a shared link. They wait for states, never for time; a JavaScript
// error or a failed request anywhere fails them. Set ASYNCPLAY_SHOTS to a
// folder to keep their screenshots.

// browserSession is one Chromium tab on the served site.
type browserSession struct {
	t     *testing.T
	ctx   context.Context
	url   string
	mu    sync.Mutex
	errs  []string
	shots string
}

var builtSite struct {
	once sync.Once
	dir  string
	ls   []*lessons.Lesson
	err  error
}

// buildSite builds the site with the engine once per test binary.
func buildSite(t *testing.T) (string, []*lessons.Lesson) {
	builtSite.once.Do(func() {
		builtSite.ls, builtSite.err = lessons.All()
		if builtSite.err != nil {
			return
		}
		dir, err := os.MkdirTemp("", "asyncplay-site-")
		if err != nil {
			builtSite.err = err
			return
		}
		builtSite.dir = filepath.Join(dir, "dist")
		talks, err := lessons.Talks()
		if err != nil {
			builtSite.err = err
			return
		}
		builtSite.err = sitebuild.Build(builtSite.dir, builtSite.ls, talks...)
		if builtSite.err == nil {
			builtSite.err = sitebuild.BuildEngine(builtSite.dir)
		}
	})
	if builtSite.err != nil {
		t.Fatal(builtSite.err)
	}
	return builtSite.dir, builtSite.ls
}

// firstProgram finds the first lesson program that has what a test needs:
// its lesson's slug, its number on the page (from 1) and the program.
func firstProgram(t *testing.T, ls []*lessons.Lesson, what string, has func(lessons.Program) bool) (string, int, lessons.Program) {
	t.Helper()
	for _, l := range ls {
		for i, p := range l.Programs {
			if has(p) {
				return l.Slug, i + 1, p
			}
		}
	}
	t.Fatalf("no lesson program has %s", what)
	return "", 0, lessons.Program{}
}

func newBrowserSession(t *testing.T) *browserSession {
	if testing.Short() {
		t.Skip("builds the engine and starts a browser")
	}
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Fatal("no Chromium on PATH: install Debian's chromium (apt-get install chromium), as .ci/run does")
	}
	dir, _ := buildSite(t)
	s, err := newSite(os.DirFS(dir), start)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox,
		chromedp.WindowSize(1280, 1400), chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// A guard against a hang, not a speed check.
	ctx, cancel = context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancel)
	b := &browserSession{t: t, ctx: ctx, url: srv.URL, shots: os.Getenv("ASYNCPLAY_SHOTS")}
	// Every console error, uncaught exception and browser log error (a
	// failed request, a blocked script) fails the test at its end.
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			t.Logf("console: %s", m)
			if m.IsException() || m.Type == "error" {
				b.mu.Lock()
				b.errs = append(b.errs, m.String())
				b.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, e := range b.errs {
			t.Errorf("the page reported an error: %s", e)
		}
	})
	return b
}

// do runs actions, failing the test on an error.
func (b *browserSession) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// open navigates to path and waits for the page script.
func (b *browserSession) open(path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.url + path))
	b.wait(`document.readyState === "complete"`)
}

// eval evaluates a JavaScript expression.
func eval[T any](b *browserSession, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js, chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// script is an action that runs a JavaScript statement for its effect.
func script(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool]("("+js+", true)")(ctx, t)
		return err
	})
}

// wait polls a JavaScript condition until it holds.
func (b *browserSession) wait(cond string) {
	b.t.Helper()
	for try := 0; ; try++ {
		_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(20*time.Millisecond)))
		if err == nil {
			return
		}
		// Right after a navigation the page's context may not exist yet.
		if try < 5 && strings.Contains(err.Error(), "Cannot find context") {
			continue
		}
		b.t.Fatalf("waiting for %s: %v", cond, err)
	}
}

// The page's view of program n (1-based) and its engine.
func prog(n int) string { return fmt.Sprintf(`document.querySelectorAll("figure.program")[%d]`, n-1) }

const bridge = `document.querySelector("iframe.view-frame").contentWindow.asyncplay`

// run presses program n's Run and waits for the run to be made.
func (b *browserSession) run(n int) {
	b.t.Helper()
	b.click(fmt.Sprintf("figure.program:nth-of-type(%d) button.run", n))
	b.waitRun(n)
}

func (b *browserSession) waitRun(n int) {
	b.t.Helper()
	b.wait(prog(n) + `.querySelector(".status").dataset.exit !== undefined && !` + prog(n) + `.querySelector("button.run").disabled`)
}

// shown waits until program n's widget shows the player's cursor: the
// page hears of a change on the engine's next tick, and only then are its
// clock, console and monitor for the new moment.
func (b *browserSession) shown(n int) {
	b.t.Helper()
	b.wait(prog(n) + `.querySelector(".clock").textContent === ` + bridge + `.state().cursorText + " / " + ` + bridge + `.state().endText`)
}

// placed waits until the view frame sits exactly over program n's view
// slot: the page moves it when the layout changes (a monitor opening),
// one frame later, and a click in between could land on the frame.
func (b *browserSession) placed(n int) {
	b.t.Helper()
	b.wait(`(() => { const f = document.querySelector("iframe.view-frame").getBoundingClientRect();
		const s = ` + prog(n) + `.querySelector(".view-slot").getBoundingClientRect();
		return Math.abs(f.top - s.top) < 1 && Math.abs(f.height - s.height) < 1; })()`)
}

// click clicks an element as a person would, once nothing covers it: the
// view frame follows layout changes a frame late, and a click in between
// would land on the frame instead.
func (b *browserSession) click(css string) {
	b.t.Helper()
	b.wait(fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return false;
		const r = e.getBoundingClientRect(); if (r.width === 0) return false;
		if (r.top < 0 || r.bottom > innerHeight) e.scrollIntoView({block: "center"});
		const q = e.getBoundingClientRect(), hit = document.elementFromPoint(q.left + q.width/2, q.top + q.height/2);
		return hit !== null && (hit === e || e.contains(hit)); })()`, css))
	b.do(chromedp.Click(chromedp.CSS(css)))
}

// key presses a key on the page (not in the editor).
func (b *browserSession) key(k string) {
	b.t.Helper()
	b.do(chromedp.KeyEvent(k))
}

func (b *browserSession) console(n int) string {
	b.t.Helper()
	return eval[string](b, prog(n)+`.querySelector("pre.console").textContent`)
}

// shot takes a screenshot, checks that it shows something, and keeps it
// when ASYNCPLAY_SHOTS names a folder.
func (b *browserSession) shot(name string) {
	b.t.Helper()
	data, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	colours := map[uint32]bool{}
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 7 {
		for x := r.Min.X; x < r.Max.X; x += 7 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			colours[cr>>8<<16|cg>>8<<8|cb>>8] = true
		}
	}
	if len(colours) < 16 {
		b.t.Errorf("screenshot %s is blank: %d colours", name, len(colours))
	}
	if b.shots != "" {
		os.WriteFile(filepath.Join(b.shots, name+".png"), data, 0o644)
	}
}

// viewShows reports whether the view's own pixels (what ebiten drew)
// contain a colour, given as "0xRR, 0xGG, 0xBB": the canvas is WebGL,
// which a page screenshot may not show in every headless mode.
func (b *browserSession) viewShows(colour string) bool {
	b.t.Helper()
	return eval[bool](b, `(async () => {
		const s = await `+bridge+`.png();
		const want = [`+colour+`];
		for (let i = 0; i < s.rgba.length; i += 4) {
			if (s.rgba[i] === want[0] && s.rgba[i+1] === want[1] && s.rgba[i+2] === want[2]) return true;
		}
		return false;
	})()`)
}
