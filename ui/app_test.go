package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
)

var testCatalog = func() *catalog.Catalog {
	c, probs := catalog.Load(catalog.Source{FS: content.FS, Name: "content"})
	if len(probs) > 0 {
		panic(fmt.Sprint("embedded catalog has problems: ", probs))
	}
	return c
}()

// press builds the key message a terminal would send for name.
func press(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape, "down": tea.KeyDown,
		"up": tea.KeyUp, "left": tea.KeyLeft, "right": tea.KeyRight, "space": tea.KeySpace,
		"backspace": tea.KeyBackspace, "pgdown": tea.KeyPgDown,
	}
	if r, ok := special[name]; ok {
		k := tea.KeyPressMsg{Code: r}
		if name == "space" {
			k.Text = " "
		}
		return k
	}
	if c, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// driver feeds messages to a model and runs the commands they return
// synchronously, as the program would; commands that wait (cursor blink
// ticks) are dropped after a short timeout.
type driver struct {
	t    testing.TB
	m    Model
	quit bool
	// wait is how long a command may take before it is taken for one that
	// waits (a timer) and dropped: long enough for a page rendering on a
	// busy machine, where 300 ms made tests fail now and then.
	wait time.Duration
}

func newDriver(t testing.TB, w, h int, o Options) *driver {
	t.Helper()
	if o.Catalog == nil {
		o.Catalog = testCatalog
	}
	if o.Theme == ThemeAuto {
		o.Theme = ThemeDark
	}
	d := &driver{t: t, m: New(o), wait: 3 * time.Second}
	// The notes' save timer would hold every keystroke for d.wait;
	// TestNotesTimerSaves runs it.
	d.m.plan.autosave = 0
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	d.run(d.update(msg))
}

// update applies msg and returns its command without running it.
func (d *driver) update(msg tea.Msg) tea.Cmd {
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	return cmd
}

func (d *driver) keys(names ...string) {
	d.t.Helper()
	for _, n := range names {
		d.send(press(n))
	}
}

func (d *driver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(d.wait):
		return
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		if fmt.Sprintf("%T", msg) == "tea.sequenceMsg" {
			return
		}
		d.send(msg)
	}
}

// screen is the view as plain text.
func (d *driver) screen() string { return ansi.Strip(d.m.View().Content) }

func (d *driver) requireContains(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			d.t.Fatalf("screen lacks %q:\n%s", p, s)
		}
	}
}

// checkFits fails when any line is wider than the window or there are
// more lines than rows.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	if view == "" {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("%d lines for a %d-row window", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("line %d is %d cells wide in a %d-column window: %q", i, lw, w, ansi.Strip(l))
		}
	}
}

func TestGoldenScreens(t *testing.T) {
	sizes := [][2]int{{80, 24}, {160, 48}}
	screens := []struct {
		name  string
		start Start
		keys  []string
		text  string
	}{
		{"browse", Start{Roles: []string{"devops-engineer"}}, nil, ""},
		{"compare", Start{Roles: []string{"devops-engineer", "site-reliability-engineer", "platform-engineer"}}, nil, ""},
		{"compare-diff", Start{Roles: []string{"head-of-engineering", "vp-of-engineering"}}, []string{"d"}, ""},
		{"search", Start{Screen: ScreenSearch}, nil, "ssl"},
		{"search-empty", Start{Screen: ScreenSearch}, nil, ""},
		{"pillars", Start{Screen: ScreenPillars}, []string{"j", "tab"}, ""},
		{"tasks", Start{Screen: ScreenTasks}, []string{"j", "j"}, ""},
		{"help", Start{Roles: []string{"site-reliability-engineer"}}, []string{"?"}, ""},
		{"links", Start{Roles: []string{"devops-engineer"}}, []string{"o"}, ""},
		{"problems", Start{Screen: ScreenProblems}, nil, ""},
		{"compare-empty", Start{Screen: ScreenCompare}, nil, ""},
	}
	// The problems screen shows a catalog folder's problems.
	probs := catalog.Problems{
		{Path: "my-roles/roles/qa-lead.md", Line: 3, Msg: `unknown field "level" (known fields: title, aliases, family, track, summary, tools, reports_to, next_roles, related)`},
		{Path: "my-roles/roles/sre.md", Line: 1, Msg: "no front matter: a role file starts with ---"},
	}
	for _, sz := range sizes {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				o := Options{Start: sc.start}
				if sc.start.Screen == ScreenProblems {
					o.Problems = probs
				}
				d := newDriver(t, sz[0], sz[1], o)
				d.keys(sc.keys...)
				d.typeText(sc.text)
				checkFits(t, d.m.View().Content, sz[0], sz[1])
				golden.RequireEqual(t, []byte(d.screen()))
			})
		}
	}
}

func TestTooSmall(t *testing.T) {
	for _, sz := range [][2]int{{20, 6}, {1, 1}, {0, 0}, {39, 30}, {100, 9}} {
		d := newDriver(t, sz[0], sz[1], Options{})
		checkFits(t, d.m.View().Content, max(sz[0], 0), max(sz[1], 0))
		if sz[0] >= 20 && !strings.Contains(d.screen(), "too small") {
			t.Fatalf("%dx%d: no notice:\n%s", sz[0], sz[1], d.screen())
		}
		d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
		d.requireContains("Roles", "Compare")
	}
}

func TestResizeStormNeverOverflows(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: hundreds of resizes (checked by the full run)")
	}
	d := newDriver(t, 100, 30, Options{Start: Start{Roles: []string{"devops-engineer", "site-reliability-engineer"}}})
	for _, screen := range []string{"1", "c", "3", "4", "/"} {
		d.keys(screen)
		for w := 0; w < 130; w += 7 {
			for h := 0; h < 40; h += 5 {
				// A storm leaves no time for renderings: most sizes draw the
				// page's placeholder, some the page rendered at that width.
				msg := tea.WindowSizeMsg{Width: w, Height: h}
				if w%3 == 0 && h == 35 {
					d.send(msg)
				} else {
					d.update(msg)
				}
				checkFits(t, d.m.View().Content, w, h)
			}
		}
		d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
		d.keys("esc")
	}
}

// TestFlowMarkCompareSearchOpen is the flow of the issue: mark three
// roles, compare, show only differences, search "ssl", open the result.
func TestFlowMarkCompareSearchOpen(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.keys("f")
	d.typeText("devops engineer")
	d.keys("enter", "m")
	d.keys("esc", "f")
	d.typeText("site reliability")
	d.keys("enter", "m", "esc", "f")
	d.typeText("platform engineer")
	d.keys("enter", "m", "esc")
	if got := strings.Join(d.m.c.marks, ","); got != "devops-engineer,site-reliability-engineer,platform-engineer" {
		t.Fatalf("marks = %s", got)
	}
	d.keys("c")
	if d.m.screen != ScreenCompare {
		t.Fatalf("screen = %v, want compare", d.m.screen)
	}
	d.requireContains("DevOps Engineer", "Site Reliability Engineer", "Platform Engineer", "Decision-making")
	rowsBefore := strings.Count(d.screen(), "\n")
	d.keys("d")
	if !d.m.compare.diffOnly {
		t.Fatal("d did not switch to differences only")
	}
	d.requireContains("differences only")
	_ = rowsBefore
	d.keys("/")
	d.typeText("ssl")
	if d.m.screen != ScreenSearch || len(d.m.search.hits) == 0 {
		t.Fatalf("search for ssl: screen %v, %d hits", d.m.screen, len(d.m.search.hits))
	}
	first := d.m.search.hits[0]
	d.keys("enter")
	if first.Task != "" {
		if d.m.screen != ScreenTasks || d.m.tasks.shown != first.Task {
			t.Fatalf("opening task hit %s: screen %v showing %q", first.Task, d.m.screen, d.m.tasks.shown)
		}
	} else if d.m.screen != ScreenBrowse || d.m.browse.current != first.Role {
		t.Fatalf("opening role hit %s: screen %v on %q", first.Role, d.m.screen, d.m.browse.current)
	}
	// esc returns to the search we came from.
	d.keys("esc")
	if d.m.screen != ScreenSearch {
		t.Fatalf("esc after opening a hit: screen %v, want search", d.m.screen)
	}
}

func TestSearchOpensRoleAtMatchedLine(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Screen: ScreenSearch}})
	d.typeText("golden signals")
	if len(d.m.search.hits) == 0 || d.m.search.hits[0].Role != "site-reliability-engineer" {
		t.Fatalf("hits: %+v", d.m.search.hits)
	}
	d.keys("enter")
	if d.m.browse.current != "site-reliability-engineer" {
		t.Fatalf("opened %q", d.m.browse.current)
	}
	if d.m.browse.page.offset == 0 {
		t.Fatal("page was not scrolled to the matched line")
	}
	d.requireContains("golden")
}

func TestFollowLinkAndBack(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Roles: []string{"devops-engineer"}}})
	d.keys("o")
	d.requireContains("Links from DevOps Engineer", "Reports to", "Next steps")
	// Move to the first "Next steps" entry and follow it.
	for i := 0; i < 10 && !strings.HasPrefix(d.m.browse.links.list.items[d.m.browse.links.list.cursor].text, "SRE Lead"); i++ {
		d.keys("j")
	}
	d.keys("enter")
	if d.m.browse.current != "sre-lead" {
		t.Fatalf("followed to %q, want sre-lead", d.m.browse.current)
	}
	d.keys("esc")
	if d.m.browse.current != "devops-engineer" {
		t.Fatalf("back went to %q", d.m.browse.current)
	}
}

func TestNarrowByFamilyTrackPillar(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	all := len(d.m.browse.list.VisibleItems())
	d.keys("n") // family
	fam := len(d.m.browse.list.VisibleItems())
	if fam == 0 || fam >= all {
		t.Fatalf("family narrowing shows %d of %d", fam, all)
	}
	d.keys("n", "]") // track, second track (lead)
	for _, it := range d.m.browse.list.VisibleItems() {
		if it.(roleItem).r.Track != catalog.TrackLead {
			t.Fatalf("track narrowing shows %s (%s)", it.(roleItem).r.ID, it.(roleItem).r.Track)
		}
	}
	d.keys("n") // pillar: operational excellence
	if n := len(d.m.browse.list.VisibleItems()); n == 0 || n >= all {
		t.Fatalf("pillar narrowing shows %d", n)
	}
	d.keys("n")
	if n := len(d.m.browse.list.VisibleItems()); n != all {
		t.Fatalf("back to all shows %d of %d", n, all)
	}
}

func TestCompareSwapAndDrop(t *testing.T) {
	d := newDriver(t, 80, 24, Options{Start: Start{Roles: []string{"devops-engineer", "site-reliability-engineer", "platform-engineer"}}})
	if d.m.compare.visibleCols() != 2 {
		t.Fatalf("at 80 columns %d columns fit, want 2", d.m.compare.visibleCols())
	}
	d.requireContains("showing 2 of 3 roles · → Platform Engineer")
	d.keys("s")
	if got := strings.Join(d.m.c.marks, ","); got != "site-reliability-engineer,devops-engineer,platform-engineer" {
		t.Fatalf("after swap: %s", got)
	}
	d.keys("right", "x")
	if len(d.m.c.marks) != 2 {
		t.Fatalf("after drop: %v", d.m.c.marks)
	}
	d.send(tea.WindowSizeMsg{Width: 200, Height: 50})
	if d.m.compare.visibleCols() != 2 {
		t.Fatalf("two roles at 200 cols: %d visible", d.m.compare.visibleCols())
	}
}

func TestMouseClickSelectsRole(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	before := d.m.browse.current
	// Row 4 of the screen is the third role line (header, border, two lines).
	d.send(tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft})
	if d.m.browse.current == before {
		t.Fatalf("click did not change the role (still %s)", before)
	}
	want := d.m.browse.list.VisibleItems()[2].(roleItem).r.ID
	if d.m.browse.current != want {
		t.Fatalf("click selected %s, want %s", d.m.browse.current, want)
	}
	d.send(tea.MouseClickMsg{X: 0, Y: 0, Button: tea.MouseLeft}) // the "roledex" label: nothing
	d.send(tea.MouseClickMsg{X: lenCells(" roledex ") + 12, Y: 0, Button: tea.MouseLeft})
	if d.m.screen != ScreenCompare {
		t.Fatalf("click on the Compare tab: screen %v", d.m.screen)
	}
}

func lenCells(s string) int { return ansi.StringWidth(s) }

func TestWheelScrollsPage(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Roles: []string{"devops-engineer"}}})
	d.send(tea.MouseWheelMsg{X: 60, Y: 10, Button: tea.MouseWheelDown})
	if d.m.browse.page.offset == 0 {
		t.Fatal("wheel did not scroll the page")
	}
}

func TestThemeFollowsBackground(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Theme: ThemeAuto})
	d.m.theme = ThemeAuto
	d.send(tea.BackgroundColorMsg{Color: lightColor{}})
	if d.m.c.styles.IsDark {
		t.Fatal("a light background left dark styles")
	}
	if d.m.c.styles.GlamourStyle != StyleLight {
		t.Fatalf("glamour style %q", d.m.c.styles.GlamourStyle)
	}
}

type lightColor struct{}

func (lightColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestNoColorHasNoColours(t *testing.T) {
	d := newDriver(t, 100, 30, Options{NoColor: true, Start: Start{Roles: []string{"devops-engineer", "sre-lead"}}})
	for _, s := range []string{"1", "c", "3", "4"} {
		d.keys(s)
		if seq := colourSGR(d.m.View().Content); seq != "" {
			t.Fatalf("screen %s sets a colour: %q", s, seq)
		}
	}
}

func TestQuitKeys(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	d.keys("q")
	if !d.quit {
		t.Fatal("q did not quit")
	}
	d = newDriver(t, 100, 30, Options{Start: Start{Screen: ScreenSearch}})
	d.typeText("q")
	if d.quit {
		t.Fatal("q in the search field quit instead of typing")
	}
	d.keys("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
}

// colourSGR returns the first SGR sequence in s that sets a foreground or
// background colour, or "".
func colourSGR(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b || i+1 >= len(s) || s[i+1] != '[' {
			continue
		}
		j := i + 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j >= len(s) || s[j] != 'm' {
			continue
		}
		for _, p := range strings.FieldsFunc(s[i+2:j], func(r rune) bool { return r == ';' }) {
			var n int
			fmt.Sscan(p, &n)
			if n >= 30 && n <= 38 || n >= 40 && n <= 48 || n >= 90 && n <= 97 || n >= 100 && n <= 107 {
				return s[i : j+1]
			}
		}
	}
	return ""
}

func TestNeighbourPagesArePrefetched(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Roles: []string{"devops-engineer"}}})
	items := d.m.browse.list.VisibleItems()
	i := d.m.browse.list.Index()
	next := items[i+1].(roleItem).r.ID
	key := pageKey{id: "role:" + next, width: d.m.browse.wrapWidth(), style: d.m.c.styles.GlamourStyle}
	if _, ok := d.m.c.pages.done[key]; !ok {
		t.Fatalf("the page of %s (below the cursor) was not rendered ahead", next)
	}
	d.keys("tab", "j") // back to the list, then down: the page is there at once
	d.keys("tab")
	if d.m.browse.pageWaiting {
		t.Fatal("moving to a prefetched role still waits for a rendering")
	}
}

// TestNeighbourPagesFollowTheCursor: the pages around the cursor are
// rendered ahead after a resize and back (with a render for the old
// width arriving late) and after moving onto pages already rendered.
func TestNeighbourPagesFollowTheCursor(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Roles: []string{"devops-engineer"}}})
	check := func(when string) {
		t.Helper()
		items := d.m.browse.list.VisibleItems()
		i := d.m.browse.list.Index()
		for _, j := range []int{i + 1, i - 1, i + 2} {
			if j < 0 || j >= len(items) {
				continue
			}
			key := pageKey{id: "role:" + items[j].(roleItem).r.ID, width: d.m.browse.wrapWidth(), style: d.m.c.styles.GlamourStyle}
			if _, ok := d.m.c.pages.done[key]; !ok {
				t.Errorf("%s: the page %d from the cursor (%s) is not rendered ahead", when, j-i, key.id)
			}
		}
	}
	check("at start")
	cmd := d.update(tea.WindowSizeMsg{Width: 120, Height: 30})
	cmd = d.update(cmd()) // the page at 120 arrives: a neighbour's render starts
	late := cmd()
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30}) // back: all rendered at 100
	d.send(late)                                      // the neighbour at 120, late
	check("after a resize and back")
	d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	check("at 120 again")
	d.keys("tab", "j", "j", "j", "tab")
	check("after moving three down")
}

// TestListTitleFollowsNarrowing: the list pane's title names the
// narrowing in force as it changes (it is made when it changes, not
// per frame).
func TestListTitleFollowsNarrowing(t *testing.T) {
	d := newDriver(t, 120, 30, Options{})
	fams := d.m.c.cat.Families()
	want := func(title string) {
		t.Helper()
		if !strings.Contains(d.screen(), title) {
			t.Fatalf("the list pane's title is not %q:\n%s", title, d.screen())
		}
	}
	want("All roles")
	d.keys("n")
	want(fmt.Sprintf("Family: %s (1/%d)", fams[0], len(fams)))
	d.keys("]")
	want(fmt.Sprintf("Family: %s (2/%d)", fams[1], len(fams)))
	d.keys("[", "[")
	want(fmt.Sprintf("Family: %s (%d/%d)", fams[len(fams)-1], len(fams), len(fams)))
	d.keys("n")
	want(fmt.Sprintf("Track: %s (1/", catalog.Tracks[0]))
	d.keys("n", "n")
	want("All roles")
}

// TestScreensLaidOutWhenOpened: the pillars, tasks and plan screens are
// laid out when they come to the front, for the window's size then, and
// look as if they had been open through every resize.
func TestScreensLaidOutWhenOpened(t *testing.T) {
	for _, c := range []struct {
		key    string
		screen Screen
	}{{"3", ScreenPillars}, {"4", ScreenTasks}, {"5", ScreenPlan}} {
		d := newDriver(t, 80, 24, Options{})
		d.send(tea.WindowSizeMsg{Width: 150, Height: 40})
		d.send(tea.WindowSizeMsg{Width: 120, Height: 36})
		d.keys(c.key)
		want := newDriver(t, 120, 36, Options{Start: Start{Screen: c.screen}})
		if got, w := d.screen(), want.screen(); got != w {
			t.Errorf("%s opened after resizes:\n%s\nwant\n%s", c.screen, got, w)
		}
		checkFits(t, d.m.View().Content, 120, 36)
	}
	// A task opened from a search hit, the tasks screen never shown before.
	d := newDriver(t, 80, 24, Options{Start: Start{Screen: ScreenSearch}})
	d.send(tea.WindowSizeMsg{Width: 130, Height: 40})
	d.typeText("ssl cert")
	d.keys("enter")
	d.requireContains("SSL/TLS certificate management", "Owned by")
	checkFits(t, d.m.View().Content, 130, 40)
}

// TestDrawingsKeptOnlyWhileValid: the role list and the help line are
// kept between frames; every change they show must still reach the
// screen.
func TestDrawingsKeptOnlyWhileValid(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	before := d.screen()
	d.keys("m") // the list has the focus: mark the first role
	if !strings.Contains(d.screen(), "● ") {
		t.Fatalf("the mark does not show in the list:\n%s", d.screen())
	}
	d.keys("j")
	lines := func(s string) []string { return strings.Split(s, "\n") }
	if a, b := lines(before), lines(d.screen()); a[2] == b[2] && a[3] == b[3] {
		t.Fatal("moving the cursor changed nothing in the list")
	}
	d.keys("f")
	d.typeText("chief")
	d.requireContains("Chief Technology Officer")
	if strings.Contains(d.screen(), "API Developer") {
		t.Fatalf("the filter does not show in the list:\n%s", d.screen())
	}
	d.keys("esc")
	foot := func() string { l := lines(d.screen()); return l[len(l)-1] }
	browseHelp := foot()
	d.keys("/")
	if foot() == browseHelp || !strings.Contains(foot(), "clear query") {
		t.Fatalf("the help line did not follow the screen: %q", foot())
	}
	d.keys("esc")
	if foot() != browseHelp {
		t.Fatalf("back on the list, the help line is %q, was %q", foot(), browseHelp)
	}
	d.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	if w := lipgloss.Width(foot()); w > 60 {
		t.Fatalf("after a resize the help line is %d wide", w)
	}
}
