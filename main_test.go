package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// isolatedEnv is the environment of the tmux server (and so of the
// shell and roledex in it): the process's own, but with home, config and
// state folders under dir, so the tests neither read the developer's
// config.yaml (a remapped quit key would break them) nor write their plan.
func isolatedEnv(dir string) []string {
	for _, d := range []string{"home", "config", "state"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	return append(os.Environ(), "HOME="+filepath.Join(dir, "home"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_STATE_HOME="+filepath.Join(dir, "state"), "ROLEDEX_CONFIG=", "ROLEDEX_THEME=")
}

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
	bin := buildRoledex(t, dir)
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("tmux", append([]string{"-S", sock}, args...)...)
		cmd.Env = isolatedEnv(dir)
		out, err := cmd.CombinedOutput()
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
	// The user's own plan and configuration stay out of it.
	home := filepath.Join(dir, "home")
	tmux("send-keys", "-t", "smoke", "export HOME="+home+" XDG_STATE_HOME="+home+"/state XDG_CONFIG_HOME="+home+"/config", "Enter")
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
	tmux("send-keys", "-t", "smoke", "Escape") // back to the role page
	waitFor("DevOps Engineer ·")
	tmux("send-keys", "-t", "smoke", "c")
	waitFor("Decision-making")
	tmux("send-keys", "-t", "smoke", "/")
	waitFor("search:")
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

// TestSignalsAndPanicRestoreTerminal runs the explorer in tmux and ends it
// with SIGTERM, SIGINT and a panic: each must leave the terminal settings
// as they were and exit 143, 130 and 1.
func TestSignalsAndPanicRestoreTerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping (.ci/run installs it)")
	}
	if _, err := exec.LookPath("pgrep"); err != nil {
		t.Skip("pgrep is not installed: skipping")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	bin := buildRoledex(t, dir)
	sock := filepath.Join(dir, "tmux.sock")
	tmux := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("tmux", append([]string{"-S", sock}, args...)...)
		cmd.Env = isolatedEnv(dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	tmux("-f", "/dev/null", "new-session", "-d", "-s", "sig", "-x", "100", "-y", "30", "sh")
	defer exec.Command("tmux", "-S", sock, "kill-server").Run()
	home := filepath.Join(dir, "home")
	tmux("send-keys", "-t", "sig", "export HOME="+home+" XDG_STATE_HOME="+home+"/state XDG_CONFIG_HOME="+home+"/config", "Enter")
	shellPID := strings.TrimSpace(tmux("display", "-p", "-t", "sig", "#{pane_pid}"))
	waitFor := func(want string) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			s := tmux("capture-pane", "-p", "-t", "sig")
			if strings.Contains(s, want) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("screen never showed %q:\n%s", want, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	for i, c := range []struct {
		name, env, stdin, signal, want, stderr string
	}{
		{"SIGTERM", "", "", "-TERM", "EXIT=143", ""},
		{"SIGINT", "", "", "-INT", "EXIT=130", ""},
		{"panic", "ROLEDEX_TEST_PANIC=1 ", "", "", "EXIT=1", "panic requested by ROLEDEX_TEST_PANIC"},
		{"stdin not a terminal", "", " </dev/null", "", "EXIT=2", "standard input is not one"},
	} {
		// A marker of its own per case (the screen of the case before may
		// still show until clear has run), typed so that the command line
		// itself does not show it.
		stty, typed := fmt.Sprintf("STTY%d=", i), fmt.Sprintf(`STTY""%d=`, i)
		t.Run(c.name, func(t *testing.T) {
			tmux("send-keys", "-t", "sig", "clear; before=$(stty -g); "+c.env+bin+c.stdin+" 2>"+dir+"/err; echo EXIT=$?; [ \"$before\" = \"$(stty -g)\" ] && echo "+typed+"same || echo "+typed+"changed", "Enter")
			if c.signal != "" {
				waitFor("All roles")
				pid, err := exec.Command("pgrep", "-P", shellPID, "-x", "roledex").Output()
				if err != nil {
					t.Fatalf("pgrep: %v", err)
				}
				if out, err := exec.Command("kill", c.signal, strings.TrimSpace(string(pid))).CombinedOutput(); err != nil {
					t.Fatalf("kill: %v %s", err, out)
				}
			}
			out := waitFor(stty)
			if !strings.Contains(out, c.want+"\n") && !strings.HasSuffix(strings.TrimSpace(strings.Split(out, "STTY")[0]), c.want) {
				t.Fatalf("want %s:\n%s", c.want, out)
			}
			if !strings.Contains(out, stty+"same") {
				t.Fatalf("terminal settings changed:\n%s", out)
			}
			if strings.Contains(out, "All roles") {
				t.Fatalf("the explorer's screen is still showing:\n%s", out)
			}
			// Back on the main screen, cursor shown, mouse reporting off.
			if modes := strings.TrimSpace(tmux("display", "-p", "-t", "sig", "#{alternate_on} #{cursor_flag} #{mouse_any_flag}")); modes != "0 1 0" {
				t.Fatalf("alternate screen, cursor, mouse = %q, want \"0 1 0\"", modes)
			}
			if errText, _ := os.ReadFile(dir + "/err"); !strings.Contains(string(errText), c.stderr) {
				t.Fatalf("stderr lacks %q:\n%s", c.stderr, errText)
			}
		})
	}
}

// TestReaderGoneExitsZero runs the real binary with stdout a pipe whose
// reader has already gone, as in "roledex list | head -1": without care Go
// dies of SIGPIPE (status 141). It must exit 0 with nothing on stderr.
func TestReaderGoneExitsZero(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the build of the binary")
	}
	dir := t.TempDir()
	bin := buildRoledex(t, dir)
	for _, args := range [][]string{{"list"}, {"tasks", "--json"}, {"--color", "always", "show", "sre"}} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		var stderr strings.Builder
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = w, &stderr
		home := t.TempDir()
		cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_STATE_HOME="+home)
		err = cmd.Run()
		w.Close()
		if err != nil || stderr.Len() > 0 {
			t.Errorf("roledex %q into a closed pipe: %v (%v), stderr %q", args, err, cmd.ProcessState, stderr.String())
		}
	}
}

// buildRoledex builds the binary into dir and returns its path.
func buildRoledex(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "roledex")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}
