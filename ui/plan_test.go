package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/roledex/roledex/plan"
)

// TestPlanSession is a mentoring session: set the current role and two
// targets from role pages, tick gap items, write notes, export; then a
// new explorer on the same file sees all of it.
func TestPlanSession(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "anna.json")
	store, _, err := plan.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, 110, 32, Options{Plan: store, Start: Start{Roles: []string{"devops-engineer"}}})
	d.keys("C")
	d.send(followMsg{id: "sre-lead"})
	d.keys("T")
	d.send(followMsg{id: "vp-infrastructure"})
	d.keys("T", "5")
	if d.m.screen != ScreenPlan {
		t.Fatalf("screen %v", d.m.screen)
	}
	d.requireContains("Current    DevOps Engineer", "SRE Lead", "VP Infrastructure", "Responsibilities to take on  0/")
	already := false
	for _, it := range d.m.plan.list.items {
		already = already || strings.HasPrefix(it.text, "Already part of your work")
	}
	if !already {
		t.Fatal("the gap does not list what the mentee already does")
	}
	d.keys("space", "j", "space")
	d.keys("e")
	if !d.m.plan.editing {
		t.Fatal("e did not open the notes")
	}
	d.typeText("Shadow the SRE on-call in December.")
	d.keys("q") // typed into the notes, does not quit
	if d.quit {
		t.Fatal("q quit while editing notes")
	}
	d.keys("esc")
	if d.m.plan.editing {
		t.Fatal("esc did not leave the notes")
	}
	d.keys("]", "v")
	d.requireContains("Route 1", "you are here")
	d.m.plan.exportDir = dir
	d.keys("E")
	exported, _ := filepath.Glob(filepath.Join(dir, "roledex-plan-devops-engineer-*.md"))
	if len(exported) != 1 {
		t.Fatalf("export wrote %v", exported)
	}
	md, _ := os.ReadFile(exported[0])
	for _, want := range []string{"# Career plan", "## Toward SRE Lead", "- [x]", "Shadow the SRE on-call in December.q"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("export lacks %q", want)
		}
	}
	info, err := os.Stat(file)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("plan file: %v %v", info, err)
	}
	// A new explorer on the same file.
	store2, _, err := plan.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	st := store2.State()
	if st.Current != "devops-engineer" || strings.Join(st.Targets, ",") != "sre-lead,vp-infrastructure" {
		t.Fatalf("reopened plan: %+v", st)
	}
	if len(st.Ticked["sre-lead"]) != 2 || !strings.Contains(st.Notes, "Shadow the SRE") {
		t.Fatalf("ticks or notes lost: %+v", st)
	}
	d2 := newDriver(t, 110, 32, Options{Plan: store2, Start: Start{Screen: ScreenPlan}})
	d2.requireContains("Responsibilities to take on  2/", "Notes: Shadow the SRE")
}

// TestGoldenPlanScreens pictures the plan screen (gap checklist, path,
// notes editor, empty plan) at 80×24 and 160×48.
func TestGoldenPlanScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
		text string
		plan bool // set up DevOps Engineer → SRE Lead, VP Infrastructure
	}{
		{"empty", []string{"5"}, "", false},
		{"gap", []string{"space", "j", "space"}, "", true},
		{"path", []string{"]", "v"}, "", true},
		{"notes", []string{"e"}, "Shadow the on-call lead in March.", true},
	}
	for _, sz := range [][2]int{{80, 24}, {160, 48}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				var d *driver
				if sc.plan {
					d = planDriver(t, sz[0], sz[1], Options{})
				} else {
					d = newDriver(t, sz[0], sz[1], Options{})
				}
				d.keys(sc.keys...)
				d.typeText(sc.text)
				d.m.status = "" // the last action's message
				checkFits(t, d.m.View().Content, sz[0], sz[1])
				golden.RequireEqual(t, []byte(d.screen()))
			})
		}
	}
}
