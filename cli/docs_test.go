package cli

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestManPagesMatchCommands keeps docs/man equal to the pages the command
// tree generates; regenerate with go test ./cli -run TestManPages -update.
func TestManPagesMatchCommands(t *testing.T) {
	a := &app{env: Env{Getenv: func(string) string { return "" }}}
	pages, err := manPages(a.rootCmd())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "docs", "man")
	if updating() {
		os.RemoveAll(dir)
		must(t, os.MkdirAll(dir, 0o755))
		for name, text := range pages {
			must(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (generate with go test ./cli -run TestManPages -update)", err)
	}
	var onDisk []string
	for _, e := range entries {
		onDisk = append(onDisk, e.Name())
		want, ok := pages[e.Name()]
		if !ok {
			t.Errorf("docs/man/%s has no command any more", e.Name())
			continue
		}
		got, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if string(got) != want {
			t.Errorf("docs/man/%s is out of date (go test ./cli -run TestManPages -update)", e.Name())
		}
	}
	var names []string
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	if strings.Join(names, " ") != strings.Join(onDisk, " ") {
		t.Errorf("man pages on disk %v, commands %v", onDisk, names)
	}
	if _, ok := pages["roledex-compare.1"]; !ok {
		t.Error("no page for roledex compare")
	}
}

func TestVersion(t *testing.T) {
	r := runWith(t, false, nil, "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "roledex ") || !strings.Contains(r.stdout, "built with go1.") {
		t.Fatalf("--version: %d %q", r.code, r.stdout)
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		r := runWith(t, false, nil, "completion", sh)
		if r.code != 0 || !strings.Contains(r.stdout, "roledex") {
			t.Fatalf("completion %s: %d %q", sh, r.code, r.stderr)
		}
	}
	// Role ids complete: the shell asks through cobra's hidden command.
	r := runWith(t, false, nil, "__complete", "show", "site-rel")
	if !strings.Contains(r.stdout, "site-reliability-engineer") {
		t.Fatalf("show completion: %q", r.stdout)
	}
}

// complete asks for the completions of args as the shell does and
// returns the candidates (without descriptions) and the directive line.
func complete(t *testing.T, env map[string]string, args ...string) ([]string, string) {
	t.Helper()
	r := runWith(t, false, env, append([]string{"__completeNoDesc"}, args...)...)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	return lines[:len(lines)-1], lines[len(lines)-1]
}

func TestCompletionCandidates(t *testing.T) {
	has := func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	// Roles of the configured catalog folders complete too, also when
	// --catalog adds another folder.
	good, err := filepath.Abs(filepath.Join("..", "testdata", "catalogs", "good"))
	must(t, err)
	_, env := writeConfig(t, "catalogs: ["+good+"]\n")
	if got, _ := complete(t, env, "show", "ops"); !has(got, "ops-engineer") {
		t.Errorf("show ops: %q, want ops-engineer from the configured catalog", got)
	}
	if got, _ := complete(t, env, "--catalog", t.TempDir(), "show", "ops"); !has(got, "ops-engineer") {
		t.Errorf("--catalog DIR show ops: %q, want ops-engineer from the configured catalog", got)
	}
	// A role already named is not offered again.
	got, _ := complete(t, nil, "compare", "site-reliability-engineer", "s")
	if has(got, "site-reliability-engineer") || !has(got, "sre-lead") {
		t.Errorf("compare sre s: %q", got)
	}
	// Flag values and folders.
	if got, _ := complete(t, nil, "list", "--track", ""); !has(got, "manager") || !has(got, "individual contributor") {
		t.Errorf("list --track: %q", got)
	}
	if got, _ := complete(t, nil, "list", "--family", "Se"); !has(got, "Security") {
		t.Errorf("list --family Se: %q", got)
	}
	if got, _ := complete(t, nil, "show", "sre", "--format", ""); strings.Join(got, " ") != "text markdown" {
		t.Errorf("show --format: %q", got)
	}
	for _, args := range [][]string{{"lint", ""}, {"--catalog", ""}, {"list", "--catalog", ""}} {
		if _, dir := complete(t, nil, args...); dir != ":16" {
			t.Errorf("%q: directive %s, want :16 (folders only)", args, dir)
		}
	}
}

// updating reports the -update flag (registered by x/exp/golden).
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestMarkdownOutput pins show and compare --format markdown: clean
// markdown for pasting into a wiki (golden files in cli/testdata).
func TestMarkdownOutput(t *testing.T) {
	good := filepath.Join("..", "testdata", "catalogs", "good")
	for _, c := range []struct {
		name string
		args []string
	}{
		{"show", []string{"--catalog", good, "show", "operations-engineer", "--format", "markdown"}},
		{"compare", []string{"--catalog", good, "compare", "operations-engineer", "web-developer", "--format", "markdown"}},
		{"compare-diff", []string{"--catalog", good, "compare", "operations-engineer", "web-developer", "delivery-lead", "--diff", "--format", "markdown"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runWith(t, true, nil, append([]string{"--color", "always"}, c.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if strings.Contains(r.stdout, "\x1b") {
				t.Fatal("markdown output holds escape sequences even on a colour terminal")
			}
			golden.RequireEqual(t, []byte(r.stdout))
		})
	}
}

// TestManCommand: roledex man prints the pages the README points to.
func TestManCommand(t *testing.T) {
	r := runWith(t, false, nil, "man")
	if r.code != 0 || !strings.HasPrefix(r.stdout, `.nh`) || !strings.Contains(r.stdout, `.TH "ROLEDEX" "1"`) {
		t.Fatalf("man: %d %q %s", r.code, r.stdout[:min(len(r.stdout), 80)], r.stderr)
	}
	r = runWith(t, false, nil, "man", "compare")
	if r.code != 0 || !strings.Contains(r.stdout, "roledex-compare") {
		t.Fatalf("man compare: %d %s", r.code, r.stderr)
	}
	r = runWith(t, false, nil, "man", "frobnicate")
	if r.code != ExitUsage || !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Fatalf("man frobnicate: %d %s", r.code, r.stderr)
	}
	dir := t.TempDir()
	if r := runWith(t, false, nil, "man", "--dir", dir); r.code != 0 {
		t.Fatalf("man --dir: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "roledex-show.1")); err != nil {
		t.Fatal(err)
	}
}

// TestShowFollowsTerminalBackground: with theme auto, show on a light
// terminal renders glamour's light style (dark grey text), not the dark
// one (light grey text, unreadable on white); --theme and the
// configuration still decide when set.
func TestShowFollowsTerminalBackground(t *testing.T) {
	const darkText, lightText = "38;5;252m", "38;5;234m"
	run := func(dark bool, env map[string]string, args ...string) string {
		var out, errb bytes.Buffer
		e := Env{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""),
			Getenv:         func(k string) string { return env[k] },
			IsTerminal:     func(io.Writer) bool { return true },
			Size:           func(io.Writer) (int, int) { return 100, 30 },
			DarkBackground: func() bool { return dark },
		}
		if code := Execute(append(args, "show", "sre"), e); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	for _, c := range []struct {
		name string
		dark bool
		env  map[string]string
		args []string
		want string
	}{
		{"dark terminal", true, nil, nil, darkText},
		{"light terminal", false, nil, nil, lightText},
		{"--theme dark on a light terminal", false, nil, []string{"--theme", "dark"}, darkText},
		{"ROLEDEX_THEME=light on a dark terminal", true, map[string]string{"ROLEDEX_THEME": "light"}, nil, lightText},
	} {
		if got := run(c.dark, c.env, c.args...); !strings.Contains(got, c.want) {
			t.Errorf("%s: no %q in the output", c.name, c.want)
		}
	}
}

// TestVersionFromBuildInfo: --version reads the version, the commit and
// the Go version from the build information (test binaries carry no VCS
// stamp, so the cases are built by hand).
func TestVersionFromBuildInfo(t *testing.T) {
	info := func(version string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/roledex/roledex", Version: version}}
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	for _, c := range []struct {
		ld   string
		info *debug.BuildInfo
		want string
	}{
		{"", info("v1.2.3", "vcs.revision", "5c88f1300c9ddda251937ed74d5cd8e332be7779", "vcs.modified", "false"),
			"v1.2.3, commit 5c88f1300c9d, built with go1.26.8"},
		{"", info("(devel)", "vcs.revision", "5c88f1300c9ddda251937ed74d5cd8e332be7779", "vcs.modified", "true"),
			"devel, commit 5c88f1300c9d (modified), built with go1.26.8"},
		{"v2.0.0", info("(devel)"), "v2.0.0, unknown commit, built with go1.26.8"},
		{"", nil, "devel, unknown commit, built with an unknown Go"},
	} {
		if got := versionFrom(c.ld, c.info); got != c.want {
			t.Errorf("versionFrom(%q, …) = %q, want %q", c.ld, got, c.want)
		}
	}
}
