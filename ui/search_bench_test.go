package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestSearchOffLoopStaleDropped checks what keeps the UI loop from
// waiting on a search: a keystroke returns the search as a command (the
// loop does not run it), and results of an older query that arrive after
// a newer one are dropped.
func TestSearchOffLoopStaleDropped(t *testing.T) {
	d := newDriver(t, 100, 30, Options{Start: Start{Screen: ScreenSearch}})
	first := d.update(tea.KeyPressMsg{Code: 's', Text: "s"})
	second := d.update(tea.KeyPressMsg{Code: 's', Text: "s"})
	third := d.update(tea.KeyPressMsg{Code: 'l', Text: "l"})
	if d.m.search.hits != nil || !d.m.search.pending {
		t.Fatalf("the keystroke searched on the UI loop: hits %d, pending %v", len(d.m.search.hits), d.m.search.pending)
	}
	msgs := []tea.Msg{runForSearch(first), runForSearch(second), runForSearch(third)}
	for _, m := range msgs {
		if _, ok := m.(searchResultsMsg); !ok {
			t.Fatalf("a keystroke's command gave %T, want searchResultsMsg", m)
		}
	}
	// The newest results first, then the two older ones, late.
	d.update(msgs[2])
	want := d.m.search.hits
	d.update(msgs[0])
	d.update(msgs[1])
	if d.m.search.query != "ssl" || len(d.m.search.hits) != len(want) || len(want) == 0 || d.m.search.hits[0].Text != want[0].Text {
		t.Fatalf("stale results replaced those of %q", d.m.search.query)
	}
	if d.m.search.pending || d.m.search.shown != d.m.search.seq {
		t.Fatalf("shown %d of query %d, pending %v", d.m.search.shown, d.m.search.seq, d.m.search.pending)
	}
	d.requireContains("SSL/TLS")
}
