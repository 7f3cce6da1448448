package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/internal/hostile"
	"github.com/roledex/roledex/internal/termcheck"
)

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
	dir := hostile.Dir(t, filepath.Join("..", "testdata", "hostile"))
	lint := runWith(t, false, nil, "lint", dir)
	if lint.code != ExitError {
		t.Fatalf("lint exit %d, want 1\n%s", lint.code, lint.stdout)
	}
	checkEscapes(t, "lint", lint.stdout+lint.stderr, false)
	lines := strings.Split(strings.TrimSpace(lint.stdout), "\n")
	for _, p := range hostile.Problems() {
		// One line, naming the file as the user gave the folder, with the
		// line in the file (file names shown sanitized).
		want := filepath.Join(dir, catalog.Sanitize(p.Want))
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, filepath.Join(dir, catalog.Sanitize(p.File))+":") {
				n++
				if !strings.HasPrefix(l, want) {
					t.Errorf("lint says %q, want %q", l, want)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d messages, want exactly 1\n%s", p.File, n, lint.stdout)
		}
	}
	if len(lines) != len(hostile.Problems()) {
		t.Errorf("lint printed %d lines for %d bad files:\n%s", len(lines), len(hostile.Problems()), lint.stdout)
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
			args("show", "wide", "--json"), args("show", "leaves-folder"),
			args("search", "evil"), args("search", "entity"), args("search", "red", "--json"), args("search", "ksat"),
			args("compare", "escapes", "wide"), args("compare", "escapes", "wide", "--format", "markdown"),
			args("compare", "escapes", "wide", "bom-crlf", "--json"),
			args("tasks", "task"), args("tasks", "--json"), args("pillars"), args("pillars", "hostile-pillar"),
			args("pillars", "hostile-pillar", "--json"),
			args("path", "escapes", "wide", "--all"), args("path", "escapes", "wide", "--json"),
			args("gap", "escapes", "wide"), args("gap", "escapes", "wide", "--json"),
		} {
			r := runWith(t, tty, env, cmd...)
			if r.code != 0 {
				t.Fatalf("%v: exit %d\n%s", cmd, r.code, r.stderr)
			}
			checkEscapes(t, strings.Join(cmd, " ")+" (stdout)", r.stdout, tty)
			checkEscapes(t, strings.Join(cmd, " ")+" (stderr)", r.stderr, false)
			if slices.Contains(cmd, "--json") {
				checkJSONStrings(t, strings.Join(cmd, " "), r.stdout)
			}
		}
	}
	// The escape arrives as visible text, not as nothing, and entities
	// and emphasis tricks print literally, in single fields and in notes.
	r := runWith(t, false, nil, "--catalog", dir, "show", "escapes")
	for _, want := range []string{"^[[31mred", "<U+202E>", "&#27;", "<U+009B>", "&#x1b;[32m", "&#155;2J", "tool ^[[41m",
		"^[]8;;file:///etc/shadow", "javascript:alert(1)", "https://example.com/a?b=1&c=2"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show escapes: %q not shown as visible text\n%s", want, r.stdout)
		}
	}
	// Links become clickable only for web and mail addresses.
	r = runWith(t, true, nil, "--catalog", dir, "--color", "always", "show", "escapes")
	if !strings.Contains(r.stdout, "\x1b]8;") {
		t.Error("styled show made no hyperlink at all: the link checks prove nothing")
	}
	if l := regexp.MustCompile(`\x1b\]8;[^;]*;(?i:javascript|file):`).FindString(r.stdout); l != "" {
		t.Errorf("styled show made a link %q", l)
	}
}

// checkJSONStrings fails when a string in the JSON document out holds
// what could drive a terminal once decoded (jq -r prints it raw):
// encoding/json writes an ESC as \u001b, which no byte check sees.
func checkJSONStrings(t *testing.T, what, out string) {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%s: invalid JSON: %v", what, err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if err := termcheck.Text(x, false); err != nil {
				t.Errorf("%s: a JSON string, decoded: %v", what, err)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				walk(k)
				walk(e)
			}
		}
	}
	walk(v)
}
