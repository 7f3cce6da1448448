package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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
