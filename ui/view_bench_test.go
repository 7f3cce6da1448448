package ui

// Benchmarks of the explorer in process: View of every screen, the role
// page (first render and cached switch), and the work a keystroke costs
// the UI loop on the search screen with the O*NET catalog. Run with
//
//	go test ./ui -run '^$' -bench . -benchmem
//
// The pty benchmarks (start-up, keystroke to frame) are in
// pty_bench_test.go. Figures: docs/performance.md.

import (
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
	"github.com/roledex/roledex/testdata/gen"
)

var benchCats struct {
	onetOnce sync.Once
	onet     *catalog.Catalog
	onetIx   *catalog.Index
	onetErr  error
}

// benchONetDir returns the O*NET catalog folder (converted and cached by
// testdata/gen), or skips tb when the corpus is absent.
func benchONetDir(tb testing.TB) string {
	tb.Helper()
	src, ok := gen.ONetDir()
	if !ok {
		tb.Skipf("O*NET corpus not found at %s (set ROLEDEX_ONET): skipping", src)
	}
	dir, err := gen.CachedONet(src)
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

// benchONet returns the built-in catalog with the O*NET folder on top
// (as roledex --catalog DIR loads it) and its index.
func benchONet(tb testing.TB) (*catalog.Catalog, *catalog.Index) {
	tb.Helper()
	dir := benchONetDir(tb)
	benchCats.onetOnce.Do(func() {
		var probs catalog.Problems
		benchCats.onet, probs = catalog.Load(catalog.Source{FS: content.FS, Name: "content"},
			catalog.Source{FS: os.DirFS(dir), Name: dir, Root: dir})
		if len(probs) > 0 {
			benchCats.onetErr = fmt.Errorf("%d problems loading O*NET, first: %s", len(probs), probs[0].Error())
			return
		}
		benchCats.onetIx = catalog.NewIndex(benchCats.onet)
	})
	if benchCats.onetErr != nil {
		tb.Fatal(benchCats.onetErr)
	}
	return benchCats.onet, benchCats.onetIx
}

// viewScreens are the screens BenchmarkView draws: how to get there, and
// a text that shows it got there.
var viewScreens = []struct {
	name  string
	opts  Options
	keys  []string
	text  string
	check string
}{
	{name: "browse", opts: Options{Start: Start{Roles: []string{"devops-engineer"}}}, check: "Automates the road"},
	{name: "compare", opts: Options{Start: Start{Roles: []string{"devops-engineer", "site-reliability-engineer", "platform-engineer"}}}, check: "Primary role"},
	{name: "search", opts: Options{Start: Start{Screen: ScreenSearch}}, text: "ssl", check: "SSL/TLS"},
	{name: "pillars", opts: Options{Start: Start{Screen: ScreenPillars}}, keys: []string{"j", "tab"}, check: "Reliability"},
	{name: "tasks", opts: Options{Start: Start{Screen: ScreenTasks}}, keys: []string{"j", "j"}, check: "Owned by"},
	{name: "plan", opts: Options{Start: Start{Roles: []string{"devops-engineer"}}}, keys: []string{"C", "tab", "j", "T", "5"}, check: "Targets"},
	{name: "help", opts: Options{Start: Start{Roles: []string{"site-reliability-engineer"}}}, keys: []string{"?"}, check: "keys"},
	{name: "links", opts: Options{Start: Start{Roles: []string{"devops-engineer"}}}, keys: []string{"o"}, check: "DevOps"},
	{name: "problems", opts: Options{Start: Start{Screen: ScreenProblems}, Problems: benchProblems()}, check: "problems"},
}

func benchProblems() catalog.Problems {
	var ps catalog.Problems
	for i := range 40 {
		ps = append(ps, catalog.Problem{Path: fmt.Sprintf("ours/roles/role-%d.md", i), Line: i + 2, Msg: "unknown dimension \"Vibes\" (known: Primary role, Scope, …)"})
	}
	return ps
}

// BenchmarkView is View() of each screen at 80×24 and 160×48 on the
// built-in catalog, plus the search screen on the O*NET catalog.
func BenchmarkView(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, sc := range viewScreens {
			b.Run(fmt.Sprintf("%s-%dx%d", sc.name, size[0], size[1]), func(b *testing.B) {
				d := newDriver(b, size[0], size[1], sc.opts)
				d.keys(sc.keys...)
				d.typeText(sc.text)
				d.requireContains(sc.check)
				b.ReportAllocs()
				for b.Loop() {
					_ = d.m.View()
				}
			})
		}
	}
	b.Run("search-onet-160x48", func(b *testing.B) {
		c, ix := benchONet(b)
		d := newDriver(b, 160, 48, Options{Catalog: c, Index: ix, Start: Start{Screen: ScreenSearch}})
		d.typeText("inspect equipment")
		d.requireContains("matches")
		b.ReportAllocs()
		for b.Loop() {
			_ = d.m.View()
		}
	})
}

// BenchmarkRolePage: "first" renders a role page (glamour, off the UI
// loop) at the page width of a 160-column window, cycling through every
// built-in role; "cached-switch" moves the list cursor to a role whose
// page is cached and draws the frame (Update and View, on the UI loop).
func BenchmarkRolePage(b *testing.B) {
	b.Run("first-160", func(b *testing.B) {
		explorerGC(b)
		c := testCatalog
		d := newDriver(b, 160, 48, Options{})
		width := d.m.browse.wrapWidth()
		var mds []string
		for _, r := range c.Roles {
			mds = append(mds, c.RoleMarkdown(r))
		}
		var worst time.Duration
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			t0 := time.Now()
			if _, err := RenderMarkdown(mds[i%len(mds)], width, StyleDark); err != nil {
				b.Fatal(err)
			}
			worst = max(worst, time.Since(t0))
		}
		b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
	})
	b.Run("cached-switch-160", func(b *testing.B) {
		d := newDriver(b, 160, 48, Options{Start: Start{Roles: []string{"devops-engineer"}}})
		d.keys("tab") // focus the list
		d.keys("j", "k")
		d.requireContains("DevOps Engineer")
		b.ReportAllocs()
		keys := []tea.KeyPressMsg{press("j"), press("k")}
		for i := 0; b.Loop(); i++ {
			if cmd := d.update(keys[i%2]); cmd != nil {
				// A render was asked for: the page was not cached.
				d.run(cmd)
			}
			_ = d.m.View()
		}
		if d.m.browse.pageWaiting {
			b.Fatal("page not cached")
		}
	})
}

// BenchmarkSearchKeystrokeUI is what a keystroke on the search screen
// costs the UI loop with the O*NET catalog loaded: Update (which only
// starts the search, as a command) and View. The search itself runs
// untimed here (see BenchmarkSearchKeystroke in the catalog package),
// and its results are delivered before the next key, as when typing at
// human speed. "results" times the frame that shows the results.
func BenchmarkSearchKeystrokeUI(b *testing.B) {
	c, ix := benchONet(b)
	queries := []string{"database administrator", "registered nurse", "inspect equipment", "patient care", "monitor network traffic"}
	var keys []tea.KeyPressMsg
	for _, q := range queries {
		for _, r := range q {
			keys = append(keys, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		keys = append(keys, press("ctrl+l"))
	}
	for _, phase := range []string{"key", "results"} {
		b.Run(phase, func(b *testing.B) {
			d := newDriver(b, 160, 48, Options{Catalog: c, Index: ix, Start: Start{Screen: ScreenSearch}})
			var lat []time.Duration
			b.ReportAllocs()
			b.ResetTimer()
			b.StopTimer()
			for i := 0; i < b.N; i++ {
				if phase == "key" {
					b.StartTimer()
				}
				t0 := time.Now()
				cmd := d.update(keys[i%len(keys)])
				_ = d.m.View()
				if phase == "key" {
					b.StopTimer()
					lat = append(lat, time.Since(t0))
				}
				if msg := runForSearch(cmd); msg != nil {
					if phase == "results" {
						b.StartTimer()
					}
					t0 = time.Now()
					d.update(msg)
					_ = d.m.View()
					if phase == "results" {
						b.StopTimer()
						lat = append(lat, time.Since(t0))
					}
				}
			}
			b.StopTimer()
			reportLatencies(b, lat)
		})
	}
}

// runForSearch runs cmd and returns the search results it produces, if any.
func runForSearch(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(2 * time.Second):
		return nil
	}
	switch m := msg.(type) {
	case searchResultsMsg:
		return m
	case tea.BatchMsg:
		for _, c := range m {
			if r := runForSearch(c); r != nil {
				return r
			}
		}
	}
	return nil
}

// reportLatencies adds p50, p99 and max of lat, in milliseconds.
func reportLatencies(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[min(len(lat)-1, len(lat)*99/100)]), "p99-ms")
	b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
}

// BenchmarkStartupInProcess is start-up without the process: load the
// built-in catalog (from its snapshot, as roledex does), index it, build
// the model and draw the first frame.
func BenchmarkStartupInProcess(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c, _ := catalog.Load(catalog.Source{FS: content.FS, Name: "content", Snapshot: content.Snapshot})
		m := New(Options{Catalog: c, Theme: ThemeDark})
		m.Init()
		next, cmd := m.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
		_ = cmd
		_ = next.(Model).View()
	}
}

// explorerGC gives the benchmark the garbage collector settings the
// explorer runs with, for its duration.
func explorerGC(b *testing.B) {
	pct, limit := debug.SetGCPercent(GCPercent), debug.SetMemoryLimit(GCMemoryLimit)
	b.Cleanup(func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	})
}
