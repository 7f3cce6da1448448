package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/plan"
)

// lastLine is the footer: the help line or the status.
func (d *driver) lastLine() string {
	lines := strings.Split(d.screen(), "\n")
	return lines[len(lines)-1]
}

// TestFooterAlwaysShowsHelpKey: at 80 columns the short help is longer
// than the line; the key that opens the full help must not be the one cut.
func TestFooterAlwaysShowsHelpKey(t *testing.T) {
	for _, sc := range []struct {
		name  string
		start Start
	}{
		{"browse", Start{Roles: []string{"devops-engineer"}}},
		{"compare", Start{Roles: []string{"devops-engineer", "sre-lead"}}},
		{"pillars", Start{Screen: ScreenPillars}},
		{"tasks", Start{Screen: ScreenTasks}},
		{"plan", Start{Screen: ScreenPlan}},
	} {
		t.Run(sc.name, func(t *testing.T) {
			d := newDriver(t, 80, 24, Options{Start: sc.start})
			d.m.status = ""
			foot := d.lastLine()
			if !strings.HasSuffix(strings.TrimRight(foot, " "), "? help") {
				t.Fatalf("footer lacks \"? help\" at its end: %q", foot)
			}
			checkFits(t, d.m.View().Content, 80, 24)
		})
	}
}

// TestFullHelpShowsEveryColumn: the full help wraps its columns onto more
// rows rather than cutting the last ones (the global keys) at 80 columns.
func TestFullHelpShowsEveryColumn(t *testing.T) {
	for _, start := range []Start{{Roles: []string{"devops-engineer"}}, {Screen: ScreenPlan}, {Screen: ScreenPillars}} {
		d := newDriver(t, 80, 24, Options{Start: start})
		d.keys("?")
		s := d.screen()
		for _, want := range []string{"search", "pillars", "quit"} {
			if !strings.Contains(s, want) {
				t.Fatalf("%v: full help lacks %q:\n%s", start, want, s)
			}
		}
		if body := s[:strings.LastIndex(s, "\n")]; strings.Contains(body, "…") {
			t.Fatalf("%v: full help is cut:\n%s", start, s)
		}
		checkFits(t, d.m.View().Content, 80, 24)
	}
}

// TestSearchHelp: ? opens the full help on the search screen while the
// query is empty, and types a ? once there is a query.
func TestSearchHelp(t *testing.T) {
	d := newDriver(t, 80, 24, Options{Start: Start{Screen: ScreenSearch}})
	if foot := d.lastLine(); !strings.Contains(foot, "? help") {
		t.Fatalf("search footer with an empty query lacks ? help: %q", foot)
	}
	d.keys("?")
	if !d.m.showHelp {
		t.Fatal("? on an empty query did not open the help")
	}
	d.requireContains("Search · keys", "clear query")
	d.keys("esc")
	if d.m.showHelp || d.m.screen != ScreenSearch {
		t.Fatalf("esc: help %v, screen %v", d.m.showHelp, d.m.screen)
	}
	d.typeText("ssl?")
	if d.m.showHelp || d.m.search.input.Value() != "ssl?" {
		t.Fatalf("? after a query: help %v, query %q", d.m.showHelp, d.m.search.input.Value())
	}
}

// TestCompareHeaderStaysWhileScrolling: the role titles above the columns
// stay in place as the rows scroll, or nobody knows which column is whose.
func TestCompareHeaderStaysWhileScrolling(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {200, 50}} {
		d := newDriver(t, sz[0], sz[1], Options{Start: Start{Roles: []string{"devops-engineer", "site-reliability-engineer", "platform-engineer"}}})
		d.keys("pgdown", "pgdown")
		if d.m.compare.vp.YOffset() == 0 {
			t.Fatalf("%v: pgdown did not scroll", sz)
		}
		head := strings.Split(d.screen(), "\n")[1]
		for _, want := range []string{"▸ DevOps Engineer", "Site Reliability Engineer"} {
			if !strings.Contains(head, want) {
				t.Fatalf("%v: scrolled comparison's first line lacks %q: %q", sz, want, head)
			}
		}
		checkFits(t, d.m.View().Content, sz[0], sz[1])
		// A click on the second column's title focuses it.
		x := d.m.compare.labelWidth() + d.m.compare.colWidth() + 3
		d.send(tea.MouseClickMsg{X: x, Y: 1, Button: tea.MouseLeft})
		if d.m.compare.focusCol != 1 {
			t.Fatalf("%v: click on the second title: focus %d", sz, d.m.compare.focusCol)
		}
	}
}

// planDriver opens the explorer on a plan (in memory unless o.Plan is
// set): DevOps Engineer aiming for SRE Lead and VP Infrastructure.
func planDriver(t *testing.T, w, h int, o Options) *driver {
	t.Helper()
	o.Start = Start{Roles: []string{"devops-engineer"}}
	d := newDriver(t, w, h, o)
	d.keys("C")
	d.send(followMsg{id: "sre-lead"})
	d.keys("T")
	d.send(followMsg{id: "vp-infrastructure"})
	d.keys("T", "5")
	return d
}

// screenRow returns the screen row of the first line containing s.
func (d *driver) screenRow(s string) int {
	for i, l := range strings.Split(d.screen(), "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	d.t.Fatalf("no line holds %q:\n%s", s, d.screen())
	return -1
}

// TestPlanClickHitsTheItemUnderThePointer: a click selects the checklist
// item under the pointer, and a second click on it ticks that item.
func TestPlanClickHitsTheItemUnderThePointer(t *testing.T) {
	d := planDriver(t, 100, 30, Options{})
	// The first item is selected; click the second line of the second.
	y := d.screenRow("Sets the SLO framework") + 1
	d.send(tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
	it, _ := d.m.plan.list.selected()
	if !strings.HasPrefix(it.value, "responsibility-sets-the-slo") {
		t.Fatalf("click on the SLO item's second line selected %q", it.value)
	}
	d.send(tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
	if !d.m.plan.state.IsTicked("sre-lead", it.value) {
		t.Fatal("a second click did not tick the item")
	}
	if n := len(d.m.plan.state.Ticked["sre-lead"]); n != 1 {
		t.Fatalf("%d items ticked, want 1", n)
	}
}

// selectNode puts the plan list's cursor on the first entry for role id.
func (d *driver) selectNode(id string) {
	d.t.Helper()
	if !d.m.plan.list.selectValue(id) {
		d.t.Fatalf("no entry for %s in the plan list", id)
	}
}

// TestPlanShortlistAndTargetsFromThePlanScreen: the shortlist is on the
// plan screen, and C, T and S work there on the role under the cursor of
// the routes view, S taking a role off the shortlist the second time.
func TestPlanShortlistAndTargetsFromThePlanScreen(t *testing.T) {
	d := planDriver(t, 100, 30, Options{})
	d.requireContains("Shortlist  none")
	d.keys("v")
	d.selectNode("platform-engineering-manager")
	d.keys("S")
	if got := strings.Join(d.m.plan.state.Shortlist, ","); got != "platform-engineering-manager" {
		t.Fatalf("shortlist after S: %q", got)
	}
	d.requireContains("Shortlist  Platform Engineering Manager", "Your shortlist")
	d.selectNode("engineering-manager")
	d.keys("T")
	if !d.m.plan.state.HasTarget("engineering-manager") {
		t.Fatalf("T on a route node did not add a target: %v", d.m.plan.state.Targets)
	}
	d.selectNode("platform-engineering-manager")
	d.keys("S")
	if len(d.m.plan.state.Shortlist) != 0 {
		t.Fatalf("second S kept the role on the shortlist: %v", d.m.plan.state.Shortlist)
	}
	// From a role page S toggles too.
	d.send(followMsg{id: "staff-engineer"})
	d.keys("S")
	d.keys("S")
	if len(d.m.plan.state.Shortlist) != 0 {
		t.Fatalf("S twice on a role page: %v", d.m.plan.state.Shortlist)
	}
}

// TestPlanCurrentRoleThatIsATarget: making a target the current role
// says so instead of showing an empty gap full of "already done".
func TestPlanCurrentRoleThatIsATarget(t *testing.T) {
	d := planDriver(t, 100, 30, Options{})
	d.send(followMsg{id: "sre-lead"})
	d.keys("C", "5")
	d.requireContains("SRE Lead is the current role now")
	if strings.Contains(d.screen(), "Already part of your work") {
		t.Fatalf("the gap of a role to itself is shown:\n%s", d.screen())
	}
}

// storeDriver is planDriver on a plan file in a temporary folder.
func storeDriver(t *testing.T) (*driver, string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "plan.json")
	store, _, err := plan.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	return planDriver(t, 100, 30, Options{Plan: store}), file
}

func savedPlan(t *testing.T, file string) plan.State {
	t.Helper()
	s, _, err := plan.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	return s.State()
}

// TestNotesSavedOnLeaving: ctrl+c while writing notes saves them before
// the explorer quits; ctrl+s (shown as a save key) saves and closes the
// editor, as esc does.
func TestNotesSavedOnLeaving(t *testing.T) {
	for _, k := range []string{"ctrl+c", "ctrl+s", "esc"} {
		d, file := storeDriver(t)
		d.keys("e")
		d.typeText("Pair with the SRE lead on the Q3 roadmap.")
		d.keys(k)
		if k == "ctrl+c" && !d.quit {
			t.Fatal("ctrl+c did not quit")
		}
		if k != "ctrl+c" && d.m.plan.editing {
			t.Fatalf("%s left the editor open", k)
		}
		if got := savedPlan(t, file).Notes; got != "Pair with the SRE lead on the Q3 roadmap." {
			t.Fatalf("notes on disk after %s: %q", k, got)
		}
	}
}

// TestNotesSavedWhileTyping: notes are saved once typing pauses, without
// leaving the editor.
func TestNotesSavedWhileTyping(t *testing.T) {
	d, file := storeDriver(t)
	d.keys("e")
	d.typeText("Ask for a production-readiness review.")
	d.send(notesIdleMsg{seq: d.m.plan.notesSeq})
	if !d.m.plan.editing {
		t.Fatal("the pause closed the editor")
	}
	if got := savedPlan(t, file).Notes; got != "Ask for a production-readiness review." {
		t.Fatalf("notes on disk after a pause: %q", got)
	}
	// A pause message from before the last keystroke saves nothing new.
	d.typeText(" Soon.")
	d.send(notesIdleMsg{seq: d.m.plan.notesSeq - 1})
	if got := savedPlan(t, file).Notes; strings.HasSuffix(got, "Soon.") {
		t.Fatal("a stale pause saved")
	}
}

// TestQuitWaitsForSaves: q right after a tick quits only once the tick is
// on disk.
func TestQuitWaitsForSaves(t *testing.T) {
	d, file := storeDriver(t)
	save := d.update(press("space")) // the tick's save, not run yet
	quit := d.update(press("q"))
	if quit != nil {
		if _, ok := quit().(tea.QuitMsg); ok {
			t.Fatal("q quit while a save was under way")
		}
	}
	d.run(save)
	if !d.quit {
		t.Fatal("the explorer did not quit once the save was done")
	}
	if n := len(savedPlan(t, file).Ticked["sre-lead"]); n != 1 {
		t.Fatalf("%d ticks on disk, want 1", n)
	}
}

// TestExportDoesNotUndoALaterChange: the export's result must not put
// back the plan as it was when the export started.
func TestExportDoesNotUndoALaterChange(t *testing.T) {
	d, _ := storeDriver(t)
	d.m.plan.exportDir = t.TempDir()
	export := d.update(press("E"))
	d.keys("e")
	d.typeText("Later note.")
	d.keys("esc")
	d.run(export)
	if got := d.m.plan.state.Notes; got != "Later note." {
		t.Fatalf("after the export finished the notes read %q", got)
	}
}

// TestNotesTimerSaves runs the real save timer: one keystroke, a pause,
// and the notes are on disk.
func TestNotesTimerSaves(t *testing.T) {
	d, file := storeDriver(t)
	d.m.plan.autosave = 20 * time.Millisecond
	d.keys("e")
	d.typeText("x")
	if got := savedPlan(t, file).Notes; got != "x" {
		t.Fatalf("notes on disk after the timer: %q", got)
	}
}

// TestPlanWarningShownInFull: the warning that a plan file was moved
// aside names both paths, whole, however long, until a key is pressed.
func TestPlanWarningShownInFull(t *testing.T) {
	from := "/home/anna/.local/state/roledex/mentees/anna-karenina-2026.json"
	to := from + ".corrupt-20261201T184219Z"
	msg := "plan file " + from + " is not valid plan JSON (unexpected end of JSON input at byte 27); moved it to " + to + " and started a new plan"
	d := newDriver(t, 80, 24, Options{PlanWarnings: []string{msg}})
	flat := strings.Join(strings.Fields(strings.ReplaceAll(d.screen(), "│", "")), "")
	for _, p := range []string{from, to} {
		if !strings.Contains(flat, p) {
			t.Fatalf("the screen does not show %s:\n%s", p, d.screen())
		}
	}
	checkFits(t, d.m.View().Content, 80, 24)
	d.keys("q") // dismisses; does not quit
	if d.quit || strings.Contains(d.screen(), "corrupt-2026") {
		t.Fatalf("q: quit %v, screen:\n%s", d.quit, d.screen())
	}
	d.requireContains("All roles")
}

// TestMergeWarningShownInFull: a warning from saving (another roledex
// changed the notes too) is shown whole as well.
func TestMergeWarningShownInFull(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	long := "another roledex changed the notes in /tmp/a/very/long/path/to/the/plan/of/a/mentee/plan.json at the same time; both versions are kept, separated by a line starting \"--- Notes saved by another roledex session\""
	d.send(planMsg{warnings: []plan.Warning{{Message: long}}, saved: true})
	words := strings.Fields(strings.ReplaceAll(d.screen(), "│", ""))
	if !strings.Contains(strings.Join(words, " "), "both versions are kept") || !strings.Contains(strings.Join(words, ""), "plan/of/a/mentee/plan.json") {
		t.Fatalf("merge warning not shown whole:\n%s", d.screen())
	}
}

// underlined reports whether s underlines some text (SGR 4), which is how
// matched letters are highlighted.
func underlined(s string) bool {
	for _, seq := range strings.Split(s, "\x1b[")[1:] {
		end := strings.IndexByte(seq, 'm')
		if end < 0 {
			continue
		}
		for _, p := range strings.Split(seq[:end], ";") {
			if p == "4" {
				return true
			}
		}
	}
	return false
}

// TestSearchSelectedHitKeepsHighlight: the hit under the cursor (the
// first one, the one people read first) still shows the matched letters.
func TestSearchSelectedHitKeepsHighlight(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Screen: ScreenSearch}})
	d.typeText("postmortem")
	lines := strings.Split(d.m.View().Content, "\n")
	// Line 0 tabs, 1 query, 2 status, 3 the selected hit's heading, 4 its text.
	if !strings.Contains(lines[3], "▌") {
		t.Fatalf("line 3 is not the selected hit: %q", ansi.Strip(lines[3]))
	}
	if !underlined(lines[4]) {
		t.Fatalf("the selected hit's matched letters are not highlighted: %q", lines[4])
	}
	if !underlined(lines[6]) {
		t.Fatalf("the second hit's matched letters are not highlighted: %q", lines[6])
	}
	checkFits(t, d.m.View().Content, 100, 30)
}

// TestSearchMarkShowsOnSelectedHit: tab marks the role of the hit under
// the cursor, and the mark shows on that very row.
func TestSearchMarkShowsOnSelectedHit(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Screen: ScreenSearch}})
	d.typeText("golden signals")
	d.keys("tab")
	if !d.m.c.marked("site-reliability-engineer") {
		t.Fatalf("tab did not mark: %v", d.m.c.marks)
	}
	if row := strings.Split(d.screen(), "\n")[3]; !strings.Contains(row, "▌") || !strings.Contains(row, "●") {
		t.Fatalf("the selected, marked hit shows no mark: %q", row)
	}
}

// TestLinkPickerFollowsResize: after a resize the link picker still fits
// beside the list, its right border whole.
func TestLinkPickerFollowsResize(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Roles: []string{"devops-engineer"}}})
	d.keys("o")
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	lines := strings.Split(d.screen(), "\n")
	for i, l := range lines[1 : len(lines)-1] {
		if r := []rune(strings.TrimRight(l, " ")); len(r) == 0 || !strings.ContainsRune("│╮╯", r[len(r)-1]) {
			t.Fatalf("line %d does not end with the picker's border: %q", i+1, l)
		}
	}
	checkFits(t, d.m.View().Content, 80, 24)
}

// TestPageUsesItsWidth: the role page's text runs to about two columns
// short of the pane's border (glamour's margin) on both sides, not six,
// and never touches the border.
func TestPageUsesItsWidth(t *testing.T) {
	for _, w := range []int{80, 200} {
		d := newDriver(t, w, 30, Options{Start: Start{Roles: []string{"devops-engineer"}}})
		inner := d.m.browse.pageWidth() - 2
		widest := 0
		for _, l := range d.m.browse.page.lines {
			widest = max(widest, ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " ")))
		}
		if widest < inner-3 || widest > inner-1 {
			t.Fatalf("at %d columns the page's text is %d wide in a pane %d wide", w, widest, inner)
		}
		checkFits(t, d.m.View().Content, w, 30)
	}
}

// TestPanesKeepTextOffTheBorder: in the pillars and tasks panes a column
// of space stays between the text and the right border, as on the left.
func TestPanesKeepTextOffTheBorder(t *testing.T) {
	for _, start := range []Start{{Screen: ScreenPillars}, {Screen: ScreenTasks}} {
		d := newDriver(t, 80, 24, Options{Start: start})
		d.keys("j", "j")
		lines := strings.Split(d.screen(), "\n")
		for i, l := range lines[2 : len(lines)-2] {
			r := []rune(l)
			for j := 1; j < len(r); j++ {
				if r[j] == '│' && (j+1 == len(r) || r[j+1] == '│') && r[j-1] != ' ' {
					t.Fatalf("%v line %d: text touches the border: %q", start.Screen, i+2, l)
				}
			}
		}
	}
}

// TestScrollToTextAcrossLines: the matched duty's first words may be
// wrapped onto two lines of the page; the page still scrolls to it.
func TestScrollToTextAcrossLines(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Roles: []string{"devops-engineer"}}})
	b := d.m.browse
	var page []string
	for i := 0; i < 100; i++ {
		page = append(page, "  filler line")
	}
	page[40] = "  • Keeps the on-call"
	page[41] = "  rotation fair and staffed, and makes sure"
	b.page.setLines(page)
	b.scrollTo("Keeps the on-call rotation fair and staffed, and makes sure postmortem actions are done.")
	if got := b.page.offset; got != 39 {
		t.Fatalf("scrolled to line %d, want 39 (the line above the match)", got)
	}
	// A longer needle tells apart two duties that start alike.
	page[10] = "  • Keeps the on-call rotation fair and quiet."
	b.page.setLines(page)
	b.page.top()
	b.scrollTo("Keeps the on-call rotation fair and staffed, and makes sure postmortem actions are done.")
	if got := b.page.offset; got != 39 {
		t.Fatalf("with a look-alike above: scrolled to line %d, want 39", got)
	}
}

// TestSearchOpensAtTheLineForEveryKind: for hits of every kind on a role
// (duty, dimension, contribution), Enter shows the role page with the
// hit's first words within the first lines of the pane, at 80 columns.
func TestSearchOpensAtTheLineForEveryKind(t *testing.T) {
	for _, q := range []string{"postmortem actions are done", "measuring the overhead of VPNs", "Director of Engineering, the VP Infrastructure", "Manages a team of SREs directly"} {
		d := newDriver(t, 80, 24, Options{Start: Start{Screen: ScreenSearch}})
		d.typeText(q)
		if len(d.m.search.hits) == 0 {
			t.Fatalf("%q: no hits", q)
		}
		h := d.m.search.hits[0]
		d.keys("enter")
		if d.m.browse.current != h.Role {
			t.Fatalf("%q: opened %s, want %s", q, d.m.browse.current, h.Role)
		}
		top := d.m.browse.page.visible()[:4]
		flat := strings.Join(strings.Fields(ansi.Strip(strings.Join(top, " "))), " ")
		w := strings.Fields(h.Text)
		first := strings.Join(w[:min(3, len(w))], " ")
		if !strings.Contains(flat, first) {
			t.Fatalf("%q (%s): the page's first lines lack %q:\n%s", q, h.Kind, first, strings.Join(top, "\n"))
		}
	}
}

// TestAppliedFilterShowsItself: once applied (enter), the filter's text
// stays in sight in the list's title, and no blank line is left where
// the filter was typed.
func TestAppliedFilterShowsItself(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.keys("f")
	d.typeText("sre")
	d.keys("enter")
	lines := strings.Split(d.screen(), "\n")
	if !strings.Contains(lines[1], "“sre”") || !strings.Contains(lines[1], "2 of") {
		t.Fatalf("the list's title does not show the filter: %q", lines[1])
	}
	if !strings.Contains(lines[2], "SRE Lead") {
		t.Fatalf("the first list line is not a role: %q", lines[2])
	}
	if foot := d.lastLine(); !strings.Contains(foot, "esc") {
		t.Fatalf("the help line does not say how to clear the filter: %q", foot)
	}
	d.keys("esc")
	if strings.Contains(d.screen(), "“sre”") {
		t.Fatal("esc left the filter in the title")
	}
}

// TestLinkPickerHelp: with the link picker open the help line speaks of
// the picker (enter follows, esc closes), and its title is not cut.
func TestLinkPickerHelp(t *testing.T) {
	d := newDriver(t, 80, 24, Options{Start: Start{Roles: []string{"devops-engineer"}}})
	d.keys("o")
	foot := d.lastLine()
	for _, want := range []string{"enter follow", "esc close", "? help"} {
		if !strings.Contains(foot, want) {
			t.Fatalf("link picker's help line lacks %q: %q", want, foot)
		}
	}
	if title := strings.Split(d.screen(), "\n")[1]; strings.Contains(title, "…") {
		t.Fatalf("the picker's title is cut: %q", title)
	}
}

// TestGapDimensionReadsNowThenThen: a dimension that changes reads as
// its name, what the mentee does now, then what the target does, as in
// roledex gap and the export.
func TestGapDimensionReadsNowThenThen(t *testing.T) {
	d := planDriver(t, 120, 60, Options{})
	var lines []string
	for _, it := range d.m.plan.list.items {
		if it.value == "dimension-scope" {
			lines = it.render(100, false)
		}
	}
	s := ansi.Strip(strings.Join(lines, "\n")) + "\n"
	name, now, then := strings.Index(s, "[ ] Scope\n"), strings.Index(s, "now:  The deployment lifecycle"), strings.Index(s, "then: All services the SRE team supports")
	if name < 0 || now < 0 || then < 0 || !(name < now && now < then) {
		t.Fatalf("scope item: name %d, now %d, then %d:\n%s", name, now, then, s)
	}
}

// TestSearchEmptyStates: an empty query and a query without a match each
// say one useful thing, not also "(nothing here)".
func TestSearchEmptyStates(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Screen: ScreenSearch}})
	if strings.Contains(d.screen(), "nothing here") {
		t.Fatalf("empty query:\n%s", d.screen())
	}
	d.typeText("zzqxv")
	d.requireContains("No match for “zzqxv”")
	if strings.Contains(d.screen(), "nothing here") {
		t.Fatalf("no match:\n%s", d.screen())
	}
}

// TestOneProblemIsSingular: "1 problem", not "1 problems".
func TestOneProblemIsSingular(t *testing.T) {
	probs := catalog.Problems{{Path: "roles/bad.md", Line: 2, Msg: "unknown field"}}
	d := newDriver(t, 100, 30, Options{Problems: probs})
	d.keys("!")
	if s := d.screen(); strings.Contains(s, "1 problems") || !strings.Contains(s, "! 1 problem") || !strings.Contains(s, "1 problem in the catalog") {
		t.Fatalf("one problem:\n%s", s)
	}
}

// TestNoColorOnPlanAndSearch: NO_COLOR holds on the plan screen, the
// search results and the plan file notice too.
func TestNoColorOnPlanAndSearch(t *testing.T) {
	d := planDriver(t, 100, 30, Options{NoColor: true})
	d.keys("space", "v")
	if seq := colourSGR(d.m.View().Content); seq != "" {
		t.Fatalf("plan screen sets a colour: %q", seq)
	}
	d = newDriver(t, 100, 30, Options{NoColor: true, Start: Start{Screen: ScreenSearch}, PlanWarnings: []string{"plan file a moved to b"}})
	if seq := colourSGR(d.m.View().Content); seq != "" {
		t.Fatalf("notice sets a colour: %q", seq)
	}
	d.keys("x") // dismisses the notice
	d.typeText("postmortem")
	if seq := colourSGR(d.m.View().Content); seq != "" {
		t.Fatalf("search results set a colour: %q", seq)
	}
}

// TestTextFieldsFollowTheTheme: the search field and the notes editor
// take the explorer's styles: no colour under NO_COLOR, and no dark
// default (a black cursor line) on a light terminal.
func TestTextFieldsFollowTheTheme(t *testing.T) {
	d := planDriver(t, 100, 30, Options{NoColor: true})
	d.keys("e")
	d.typeText("Pair on a postmortem.")
	if seq := colourSGR(d.m.View().Content); seq != "" {
		t.Fatalf("notes editor sets a colour: %q", seq)
	}
	d = planDriver(t, 100, 30, Options{Theme: ThemeLight})
	if bg := d.m.plan.notes.Styles().Focused.CursorLine.GetBackground(); bg != nil {
		if _, none := bg.(lipgloss.NoColor); !none {
			t.Fatalf("light theme: the notes' cursor line has background %v", bg)
		}
	}
	if fg := d.m.search.input.Styles().Focused.Prompt.GetForeground(); fg != d.m.c.styles.Accent.GetForeground() {
		t.Fatalf("light theme: the search prompt is %v, not the accent", fg)
	}
}

// TestTabsFitNarrowWindows: below the width of the full tab bar the
// other screens' tabs shrink to their keys, instead of the last ones
// being cut; clicks still find them.
func TestTabsFitNarrowWindows(t *testing.T) {
	for _, w := range []int{40, 50, 64} {
		d := newDriver(t, w, 20, Options{Start: Start{Roles: []string{"devops-engineer", "sre-lead"}}})
		head := strings.Split(d.screen(), "\n")[0]
		if strings.Contains(head, "…") || !strings.Contains(head, "Compare (2)") || !strings.Contains(head, "5") {
			t.Fatalf("%d columns: tab bar %q", w, head)
		}
		x := strings.Index(head, "5") // bytes = cells: the bar is ASCII up to there
		d.send(tea.MouseClickMsg{X: lenCells(head[:x]), Y: 0, Button: tea.MouseLeft})
		if d.m.screen != ScreenPlan {
			t.Fatalf("%d columns: a click on the 5 went to %v", w, d.m.screen)
		}
	}
}

// TestPlanPathClickOpensRole: in the path view a click selects a role and
// a second click opens it, as in the pillars and tasks views.
func TestPlanPathClickOpensRole(t *testing.T) {
	d := planDriver(t, 100, 30, Options{})
	d.keys("v")
	y := d.screenRow("↳ SRE Lead")
	d.send(tea.MouseClickMsg{X: 8, Y: y, Button: tea.MouseLeft})
	d.send(tea.MouseClickMsg{X: 8, Y: y, Button: tea.MouseLeft})
	if d.m.screen != ScreenBrowse || d.m.browse.current != "sre-lead" {
		t.Fatalf("two clicks on SRE Lead: screen %v, role %s", d.m.screen, d.m.browse.current)
	}
}

// TestHelpLineFitsTheState: an empty comparison does not offer keys that
// do nothing, and the problems screen says how to scroll and get help.
func TestHelpLineFitsTheState(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Screen: ScreenCompare}})
	if foot := d.lastLine(); strings.Contains(foot, "only differences") || !strings.Contains(foot, "search") {
		t.Fatalf("empty comparison's help line: %q", foot)
	}
	d = newDriver(t, 100, 30, Options{Problems: catalog.Problems{{Path: "x.md", Msg: "bad"}}, Start: Start{Screen: ScreenProblems}})
	if foot := d.lastLine(); !strings.Contains(foot, "scroll") || !strings.Contains(foot, "? help") {
		t.Fatalf("problems screen's help line: %q", foot)
	}
}
