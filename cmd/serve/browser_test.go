package main

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"asyncplay/lessons"
	sitebuild "asyncplay/site"
)

// TestBrowserRunsALesson is the path a reader takes: the built site,
// served, opened in headless Chromium; pressing the first Run of the
// first lesson loads the engine and shows exactly the lesson's expected
// output. Set ASYNCPLAY_SHOTS to a folder to keep a screenshot of it.
func TestBrowserRunsALesson(t *testing.T) {
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
	ls, err := lessons.All()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	if err := sitebuild.Build(out, ls); err != nil {
		t.Fatal(err)
	}
	if err := sitebuild.BuildEngine(out); err != nil {
		t.Fatal(err)
	}
	s, err := newSite(os.DirFS(out), start)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.WindowSize(1280, 1600))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	first := ls[0]
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/lessons/"+first.Slug+"/"),
		chromedp.Click(chromedp.CSS("figure.program .program-bar button")),
	); err != nil {
		t.Fatal(err)
	}
	// A guard against a hang, not a speed check: the engine is 11 MB.
	pctx, pcancel := context.WithTimeout(ctx, 2*time.Minute)
	defer pcancel()
	got, err := chromedp.Run(pctx, chromedp.Poll[string](`(() => {
		const c = document.querySelector("figure.program .console");
		return c && !c.hidden ? c.textContent : "";
	})()`, chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	if got != first.Programs[0].Output {
		t.Errorf("the page printed\n%s\nwant\n%s", got, first.Programs[0].Output)
	}
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("figure.program .status")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(status, "Finished at 3.") || !strings.Contains(status, "of virtual time") {
		t.Errorf("status %q", status)
	}
	if dir := os.Getenv("ASYNCPLAY_SHOTS"); dir != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "lesson-run.png"), png, 0o644)
	}
}
