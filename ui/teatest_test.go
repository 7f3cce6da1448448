package ui

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestTeaFlow runs the real bubbletea program: open search, find the SSL
// task, open it, mark its second owner, compare the two marked roles, quit.
func TestTeaFlow(t *testing.T) {
	m := New(Options{Catalog: testCatalog, Theme: ThemeDark, Start: Start{Roles: []string{"devops-engineer"}}})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
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
