package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/roledex/roledex/internal/termcheck"
)

// hostileDir copies testdata/hostile into a temporary folder and adds the
// cases git cannot hold: a FIFO, a socket, a symbolic-link loop, a link
// leaving the folder, an oversized file and a file name with an escape.
func hostileDir(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("..", "testdata", "hostile")
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	roles := filepath.Join(dst, "roles")
	big := bytes.Repeat([]byte("x"), 1<<20+10)
	must(t, os.WriteFile(filepath.Join(roles, "too-big.md"), append([]byte("---\ntitle: Big\n---\n"), big...), 0o644))
	must(t, os.WriteFile(filepath.Join(roles, "name-\x1b[31mred.md"), []byte("---\ntitle: x\n---\n"), 0o644))
	outside := filepath.Join(t.TempDir(), "secret.md")
	must(t, os.WriteFile(outside, []byte("---\ntitle: Secret\n---\n"), 0o644))
	must(t, os.Symlink(outside, filepath.Join(roles, "outside-link.md")))
	must(t, os.Symlink("loop-b.md", filepath.Join(roles, "loop-a.md")))
	must(t, os.Symlink("loop-a.md", filepath.Join(roles, "loop-b.md")))
	must(t, os.Symlink("wide.md", filepath.Join(roles, "inside-link.md")))
	must(t, os.Symlink(".", filepath.Join(roles, "dir-loop")))
	makeSpecialFiles(t, roles)
	return dst
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// checkEscapes fails on any escape sequence (other than SGR and OSC 8
// links to web and mail addresses when styled), control character, C1
// control, invalid UTF-8 or bidirectional control in out.
func checkEscapes(t *testing.T, what, out string, styled bool) {
	t.Helper()
	if err := termcheck.Text(out, styled); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

type runResult struct {
	code           int
	stdout, stderr string
}

func runWith(t *testing.T, tty bool, env map[string]string, args ...string) runResult {
	t.Helper()
	var out, errb bytes.Buffer
	e := Env{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""),
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(io.Writer) bool { return tty },
		Size:       func(io.Writer) (int, int) { return 100, 30 },
	}
	done := make(chan int, 1)
	go func() { done <- Execute(args, e) }()
	select {
	case code := <-done:
		return runResult{code, out.String(), errb.String()}
	case <-time.After(20 * time.Second):
		t.Fatalf("roledex %v hung", args)
	}
	return runResult{}
}

func TestHostileCatalog(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("FIFOs and sockets are Unix cases")
	}
	dir := hostileDir(t)
	lint := runWith(t, false, nil, "lint", dir)
	if lint.code != ExitError {
		t.Fatalf("lint exit %d, want 1\n%s", lint.code, lint.stdout)
	}
	checkEscapes(t, "lint", lint.stdout+lint.stderr, false)
	perFile := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(lint.stdout), "\n") {
		file, _, _ := strings.Cut(l, ":")
		perFile[filepath.Base(file)]++
	}
	bad := []string{"alias-bomb.md", "bad-yaml.md", "deep-nesting.md", "dup-key.md", "empty.md",
		"escape-in-yaml-error.md", "invalid-utf8.md", "no-title.md", "nul.md", "unclosed.md",
		"unknown-key.md", "too-big.md", "outside-link.md", "loop-a.md", "loop-b.md", "fifo.md",
		"socket.md", "name-^[[31mred.md"}
	for _, f := range bad {
		if perFile[f] != 1 {
			t.Errorf("%s: %d messages, want exactly 1\n%s", f, perFile[f], lint.stdout)
		}
	}
	for _, f := range []string{"escapes.md", "wide.md", "bom-crlf.md", "inside-link.md"} {
		if perFile[f] != 0 {
			t.Errorf("%s is valid but lint reports it:\n%s", f, lint.stdout)
		}
	}
	for _, want := range []string{"outside the catalog folder", "loop", "not a regular file", "larger than"} {
		if !strings.Contains(lint.stdout, want) {
			t.Errorf("lint output lacks %q", want)
		}
	}

	for _, tty := range []bool{false, true} {
		env := map[string]string{}
		args := func(a ...string) []string { return append([]string{"--catalog", dir}, a...) }
		if tty {
			args = func(a ...string) []string { return append([]string{"--catalog", dir, "--color", "always"}, a...) }
		}
		for _, cmd := range [][]string{
			args("list"), args("list", "--json"), args("show", "escapes"), args("show", "escapes", "--json"),
			args("show", "escapes", "--format", "markdown"), args("show", "wide"), args("show", "bom-and-crlf"),
			args("search", "evil"), args("search", "entity"), args("search", "red", "--json"),
			args("compare", "escapes", "wide"), args("compare", "escapes", "wide", "--format", "markdown"),
			args("tasks", "task"), args("pillars"),
		} {
			r := runWith(t, tty, env, cmd...)
			if r.code != 0 {
				t.Fatalf("%v: exit %d\n%s", cmd, r.code, r.stderr)
			}
			checkEscapes(t, strings.Join(cmd, " ")+" (stdout)", r.stdout, tty)
			checkEscapes(t, strings.Join(cmd, " ")+" (stderr)", r.stderr, false)
		}
	}
	// The escape arrives as visible text, not as nothing.
	r := runWith(t, false, nil, "--catalog", dir, "show", "escapes")
	for _, want := range []string{"^[[31mred", "<U+202E>", "&#27;", "<U+009B>"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show escapes: %q not shown as visible text\n%s", want, r.stdout)
		}
	}
}
