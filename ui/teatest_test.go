package ui

import (
	"bytes"
	"io"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestTeaFlow runs the real bubbletea program: open search, find the SSL
// task, open it, mark its second owner, compare the two marked roles, quit.
func TestTeaFlow(t *testing.T) {
	m := New(Options{Catalog: testCatalog, Theme: ThemeDark, Start: Start{Roles: []string{"devops-engineer"}}})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	// The renderer writes only the cells that changed, so a text on the
	// screen need not appear whole in the output ("SSL/TLS" drawn over
	// "SRE Lead" writes "SL/TLS"); clearing the screen before each look
	// makes it draw every line in full.
	waitFor := func(s string) {
		t.Helper()
		var out bytes.Buffer
		deadline := time.Now().Add(10 * time.Second)
		for !bytes.Contains(out.Bytes(), []byte(s)) {
			if time.Now().After(deadline) {
				t.Fatalf("the screen never showed %q; output since:\n%s", s, out.String())
			}
			tm.Send(tea.ClearScreen())
			time.Sleep(40 * time.Millisecond)
			if _, err := io.ReadAll(io.TeeReader(tm.Output(), &out)); err != nil {
				t.Fatal(err)
			}
		}
	}
	waitFor("Automates the road")
	tm.Send(press("m"))
	waitFor("Marked DevOps Engineer")
	tm.Send(press("/"))
	tm.Type("ssl cert")
	waitFor("SSL/TLS certificate")
	tm.Send(press("enter"))
	waitFor("Owned by")
	tm.Send(press("j")) // the second owner: Site Reliability Engineer
	tm.Send(press("m"))
	waitFor("press c to compare")
	tm.Send(press("c"))
	waitFor("Decision-making")
	tm.Send(press("q"))
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(Model)
	if final.screen != ScreenCompare || len(final.c.marks) != 2 {
		t.Fatalf("final screen %v with marks %v", final.screen, final.c.marks)
	}
}
