package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxSmoke drives the built binary in a real terminal (tmux):
// browse, search, compare, quit; a resize to 20×6 and back; and checks
// the shell got its screen back with exit status 0.
func TestTmuxSmoke(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the terminal smoke test (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("-short: skipping the terminal smoke test")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "roledex")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	screen := func() string { return tmux("capture-pane", "-p", "-t", "smoke") }
	waitFor := func(want string) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			s := screen()
			if strings.Contains(s, want) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("screen never showed %q; last screen:\n%s", want, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	tmux("-f", "/dev/null", "new-session", "-d", "-s", "smoke", "-x", "100", "-y", "30", "sh")
	defer exec.Command("tmux", "-S", sock, "kill-server").Run()
	tmux("send-keys", "-t", "smoke", "clear; NO_COLOR= "+bin+"; echo EXIT=$?", "Enter")
	waitFor("All roles")
	tmux("send-keys", "-t", "smoke", "f", "d", "e", "v", "o", "p", "s", "Enter")
	waitFor("DevOps Engineer ·")
	tmux("send-keys", "-t", "smoke", "m")
	time.Sleep(100 * time.Millisecond)
	tmux("send-keys", "-t", "smoke", "/")
	time.Sleep(100 * time.Millisecond)
	tmux("send-keys", "-t", "smoke", "-l", "golden signals")
	waitFor("Site Reliability Engineer")
	tmux("send-keys", "-t", "smoke", "Tab")
	waitFor("Compare (2)")
	tmux("send-keys", "-t", "smoke", "C-c") // ctrl+c quits from a text field too
	out := waitFor("EXIT=")
	if !strings.Contains(out, "EXIT=0") {
		t.Fatalf("roledex did not exit 0:\n%s", out)
	}
	// Second run: straight into the comparison, resize down and back.
	tmux("send-keys", "-t", "smoke", "clear; "+bin+" ui devops sre; echo EXIT=$?", "Enter")
	waitFor("Decision-making")
	tmux("resize-window", "-t", "smoke", "-x", "20", "-y", "6")
	waitFor("too small")
	for _, l := range strings.Split(screen(), "\n") {
		if len([]rune(l)) > 20 {
			t.Fatalf("line wider than 20 columns at 20×6: %q", l)
		}
	}
	tmux("resize-window", "-t", "smoke", "-x", "100", "-y", "30")
	waitFor("Decision-making")
	tmux("send-keys", "-t", "smoke", "q")
	out = waitFor("EXIT=")
	if !strings.Contains(out, "EXIT=0") {
		t.Fatalf("roledex ui did not exit 0:\n%s", out)
	}
	if strings.Contains(out, "Decision-making") {
		t.Fatalf("the explorer's screen is still showing after quit (alternate screen not left):\n%s", out)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatal(err)
	}
}
