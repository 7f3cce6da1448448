package ui

import (
	"os"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
)

// TestHostileCatalogInTheUI opens every screen on a catalog of hostile
// text (escape sequences, wide and right-to-left characters, a
// 5,000-character word) at several sizes: no line may be wider than the
// window and nothing but styling may reach the terminal.
func TestHostileCatalogInTheUI(t *testing.T) {
	cat, probs := catalog.Load(catalog.Source{FS: content.FS, Name: "content"},
		catalog.Source{FS: os.DirFS("../testdata/hostile"), Name: "hostile", Root: "../testdata/hostile"})
	if len(probs) == 0 {
		t.Fatal("the hostile folder loaded without problems")
	}
	for _, id := range []string{"escapes", "wide", "bom-crlf"} {
		if cat.Role(id) == nil {
			t.Fatalf("valid hostile role %s did not load", id)
		}
	}
	for _, sz := range [][2]int{{40, 10}, {80, 24}, {133, 41}, {200, 50}} {
		d := newDriver(t, sz[0], sz[1], Options{Catalog: cat, Problems: probs,
			Start: Start{Roles: []string{"escapes", "wide", "bom-crlf"}}})
		check := func(what string) {
			t.Helper()
			v := d.m.View().Content
			checkFits(t, v, sz[0], sz[1])
			onlyAllowedEscapes(t, v)
		}
		check("compare")
		d.keys("d", "right", "right")
		check("compare shifted")
		for _, role := range []string{"escapes", "wide"} {
			d.send(followMsg{id: role})
			check("page " + role)
			d.keys("tab", "pgdown", "pgdown", "G")
			check("page end " + role)
			d.keys("o")
			check("links " + role)
			d.keys("esc")
		}
		d.keys("/")
		for _, q := range []string{"evil", "中文", "xxxxxxxx", "entity"} {
			d.send(tea.KeyPressMsg{Code: 'l', Mod: tea.ModCtrl})
			d.typeText(q)
			check("search " + q)
		}
		d.keys("esc", "4")
		check("tasks")
		d.keys("!")
		check("problems")
	}
}
