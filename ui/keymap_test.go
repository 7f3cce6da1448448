package ui

import (
	"os"
	"strings"
	"testing"

	"flag"
)

// TestKeysDoc keeps docs/keys.md equal to what the key map generates.
func TestKeysDoc(t *testing.T) {
	want := KeysMarkdown(DefaultKeyMap())
	path := "../docs/keys.md"
	if updating() {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (regenerate with go test ./ui -run TestKeysDoc -update)", err)
	}
	if string(got) != want {
		t.Fatal("docs/keys.md is out of date: go test ./ui -run TestKeysDoc -update")
	}
}

func TestDefaultKeysHaveNoConflicts(t *testing.T) {
	if c := DefaultKeyMap().Conflicts(); len(c) > 0 {
		t.Fatalf("conflicts in the default key map:\n%s", strings.Join(c, "\n"))
	}
}

func TestRemapChangesWhatAKeyDoes(t *testing.T) {
	km := DefaultKeyMap()
	if err := km.Remap("browse", "mark", []string{"x"}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, 100, 30, Options{KeyMap: &km, Start: Start{Roles: []string{"devops-engineer"}}})
	d.keys("m")
	if len(d.m.c.marks) != 0 {
		t.Fatal("m still marks after remapping mark to x")
	}
	d.keys("x")
	if len(d.m.c.marks) != 1 || d.m.c.marks[0] != "devops-engineer" {
		t.Fatalf("x did not mark: %v", d.m.c.marks)
	}
	d.keys("?")
	if !strings.Contains(d.screen(), "x    mark for compare") && !strings.Contains(d.screen(), "x mark for compare") {
		t.Fatalf("help does not show the new key:\n%s", d.screen())
	}
	if err := km.Remap("global", "quit", []string{"ctrl+q"}); err != nil {
		t.Fatal(err)
	}
	d = newDriver(t, 100, 30, Options{KeyMap: &km})
	d.keys("q")
	if d.quit {
		t.Fatal("q still quits after remapping quit")
	}
	d.keys("ctrl+q")
	if !d.quit {
		t.Fatal("ctrl+q does not quit")
	}
}

func TestRemapErrors(t *testing.T) {
	km := DefaultKeyMap()
	for _, c := range []struct{ screen, action, want string }{
		{"nowhere", "mark", "unknown key group"},
		{"browse", "dance", "unknown action \"dance\" in browse"},
	} {
		if err := km.Remap(c.screen, c.action, []string{"z"}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Remap(%s, %s): %v, want %q", c.screen, c.action, err, c.want)
		}
	}
	if err := km.Remap("browse", "mark", nil); err == nil {
		t.Error("no keys accepted")
	}
}

// updating reports the -update flag (registered by x/exp/golden).
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestRemapRejectsKeysNoTerminalSends: a key written differently from how
// bubbletea names it (Ctrl+Q, escape, alt+ctrl+x) would never match a
// key press, so the binding would silently be dead.
func TestRemapRejectsKeysNoTerminalSends(t *testing.T) {
	for key, want := range map[string]string{
		"Ctrl+Q":     `"Ctrl+Q" is not a key bubbletea sends: write ctrl+q`,
		"escape":     `"escape" is not a key bubbletea sends: write esc`,
		"alt+ctrl+x": `"alt+ctrl+x" is not a key bubbletea sends: write ctrl+alt+x`,
		"pagedown":   `"pagedown" is not a key bubbletea sends: write pgdown`,
		"ctrl+":      `"ctrl+" is not a key bubbletea sends`,
		"hyperdrive": `"hyperdrive" is not a key bubbletea sends`,
		"cmd+k":      `"cmd+k" is not a key bubbletea sends: modifiers are ctrl, alt, shift, meta, hyper, super`,
		" ":          `" " is not a key bubbletea sends: write space`,
	} {
		km := DefaultKeyMap()
		err := km.Remap("browse", "mark", []string{key})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Remap(%q): %v, want %q", key, err, want)
		}
	}
	for _, key := range []string{"ctrl+q", "Q", "?", "é", "f5", "shift+tab", "ctrl+alt+x", "space", "pgdown", "alt+enter", "+", "ctrl++"} {
		km := DefaultKeyMap()
		if err := km.Remap("browse", "mark", []string{key}); err != nil {
			t.Errorf("Remap(%q): %v", key, err)
		}
	}
	// Every default binding passes the same check.
	for _, a := range DefaultKeyMap().Actions() {
		for _, k := range a.Keys {
			if err := checkKey(k); err != nil {
				t.Errorf("default %s.%s: %v", a.Screen, a.Action, err)
			}
		}
	}
}
