package ui

import (
	"os"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
	"github.com/roledex/roledex/internal/hostile"
)

// TestHostileCatalogInTheUI opens every screen on the hostile catalog
// folder (escape sequences, wide and right-to-left characters, a
// 5,000-character word, every kind of bad file) at several sizes: no line may be wider than the
// window and nothing but styling may reach the terminal.
func TestHostileCatalogInTheUI(t *testing.T) {
	dir := hostile.Dir(t, "../testdata/hostile")
	cat, probs := catalog.Load(catalog.Source{FS: content.FS, Name: "content"},
		catalog.Source{FS: os.DirFS(dir), Name: "hostile", Root: dir})
	if len(probs) != len(hostile.Problems()) {
		t.Fatalf("%d problems, want one for each of the %d bad files", len(probs), len(hostile.Problems()))
	}
	for _, id := range hostile.Valid {
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
		d.keys("esc", "3")
		for range cat.Pillars {
			check("pillars")
			d.keys("tab", "G")
			check("pillar end")
			d.keys("tab", "j")
		}
		d.keys("4")
		for range cat.Tasks {
			check("tasks")
			d.keys("j")
		}
		d.keys("!")
		check("problems")
		d.keys("G")
		check("problems end")
	}
}
