package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, text string) (dir string, env map[string]string) {
	t.Helper()
	dir = t.TempDir()
	p := filepath.Join(dir, "roledex", "config.yaml")
	must(t, os.MkdirAll(filepath.Dir(p), 0o755))
	must(t, os.WriteFile(p, []byte(text), 0o644))
	return dir, map[string]string{"XDG_CONFIG_HOME": dir}
}

func TestConfigProblemsHaveLines(t *testing.T) {
	_, env := writeConfig(t, "theme: purple\nsalary: 3\ncompare_dimensions:\n  - Scope\n  - Vibes\nkeys:\n  browse:\n    dance: [x]\n  nowhere:\n    quit: [q]\n")
	p, _ := ConfigPath(func(k string) string { return env[k] })
	_, errs := LoadConfig(p)
	var got []string
	for _, e := range errs {
		got = append(got, strings.TrimPrefix(e.Error(), p))
	}
	want := []string{
		":2: field salary is not a setting",
		":1: theme must be auto, dark or light",
		":5: unknown dimension \"Vibes\"",
		":8: keys: unknown action \"dance\" in browse",
		":9: keys: unknown key group \"nowhere\"",
	}
	joined := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %q in:\n%s", w, joined)
		}
	}
	if len(errs) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(errs), len(want), joined)
	}
}

func TestConfigKeyConflict(t *testing.T) {
	_, env := writeConfig(t, "keys:\n  browse:\n    mark: [o]\n")
	p, _ := ConfigPath(func(k string) string { return env[k] })
	_, errs := LoadConfig(p)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `"o" is bound to both browse.`) || !strings.Contains(errs[0].Error(), ":3:") {
		t.Fatalf("want one conflict at line 3, got %v", errs)
	}
}

func TestConfigCommands(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": dir}
	r := runWith(t, false, env, "config", "path")
	want := filepath.Join(dir, "roledex", "config.yaml")
	if strings.TrimSpace(r.stdout) != want {
		t.Fatalf("config path: %q, want %q", r.stdout, want)
	}
	if r := runWith(t, false, env, "config", "init"); r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	if r := runWith(t, false, env, "config", "init"); r.code != ExitError || !strings.Contains(r.stderr, "already exists") {
		t.Fatalf("second init: %d %s", r.code, r.stderr)
	}
	if r := runWith(t, false, env, "config", "check"); r.code != 0 || !strings.Contains(r.stdout, "ok") {
		t.Fatalf("check of the default file: %d %s %s", r.code, r.stdout, r.stderr)
	}
	// The written default is exactly what LoadConfig accepts, with defaults.
	cfg, errs := LoadConfig(want)
	if len(errs) > 0 || cfg.Theme != "auto" || cfg.Color != "auto" || len(cfg.Keys) != 0 {
		t.Fatalf("default config: %+v %v", cfg, errs)
	}
	must(t, os.WriteFile(want, []byte("colour: never\n"), 0o644))
	if r := runWith(t, false, env, "config", "check"); r.code != ExitError || !strings.Contains(r.stdout, "config.yaml:1: field colour") {
		t.Fatalf("check of a bad file: %d %q", r.code, r.stdout)
	}
	// A broken file stops other commands, with the problem named.
	if r := runWith(t, false, env, "list"); r.code != ExitError || !strings.Contains(r.stderr, "config.yaml:1:") {
		t.Fatalf("list with a broken config: %d %q", r.code, r.stderr)
	}
	// But config init --force can mend it.
	if r := runWith(t, false, env, "config", "init", "--force"); r.code != 0 {
		t.Fatalf("init --force: %d %s", r.code, r.stderr)
	}
}

// settled runs the root's flag parsing and configuration for args and
// returns the app as the commands would see it.
func settled(t *testing.T, env map[string]string, args ...string) *app {
	t.Helper()
	e := Env{Getenv: func(k string) string { return env[k] }, Stdout: os.Stdout, Stderr: os.Stderr}
	a := &app{env: e}
	root := a.rootCmd()
	cmd, rest, err := root.Find(append([]string{"list"}, args...))
	if err != nil {
		t.Fatal(err)
	}
	must(t, cmd.ParseFlags(rest))
	must(t, a.checkGlobalFlags())
	must(t, a.applyConfig(cmd))
	return a
}

func TestPrecedenceFlagEnvConfig(t *testing.T) {
	dir, env := writeConfig(t, "theme: light\ncolor: always\ncatalogs: [../our-ladder]\n")
	must(t, os.Mkdir(filepath.Join(dir, "our-ladder"), 0o755)) // relative to the file's folder
	if a := settled(t, env); a.theme != "light" || a.color != "always" {
		t.Fatalf("config alone: theme %s color %s", a.theme, a.color)
	}
	env["ROLEDEX_THEME"] = "dark"
	env["NO_COLOR"] = "1"
	if a := settled(t, env); a.theme != "dark" || a.color != "never" {
		t.Fatalf("env over config: theme %s color %s", a.theme, a.color)
	}
	if a := settled(t, env, "--theme", "light", "--color", "always"); a.theme != "light" || a.color != "always" {
		t.Fatalf("flags over env: theme %s color %s", a.theme, a.color)
	}
	a := settled(t, env, "--catalog", "/x")
	if len(a.dirs) != 2 || !strings.HasSuffix(a.dirs[0], "our-ladder") || a.dirs[1] != "/x" {
		t.Fatalf("catalog folders: config first, then flags: %v", a.dirs)
	}
}

func TestConfigCompareDimensions(t *testing.T) {
	_, env := writeConfig(t, "compare_dimensions: [Scope, Team management]\n")
	r := runWith(t, false, env, "compare", "devops", "sre")
	if !strings.Contains(r.stdout, "Scope") || !strings.Contains(r.stdout, "Team management") || strings.Contains(r.stdout, "Primary role") {
		t.Fatalf("compare with two configured dimensions:\n%s", r.stdout)
	}
	r = runWith(t, false, env, "compare", "devops", "sre", "--dimensions", "Primary role")
	if !strings.Contains(r.stdout, "Primary role") || strings.Contains(r.stdout, "Team management") {
		t.Fatalf("--dimensions beats the configuration:\n%s", r.stdout)
	}
}

// TestConfigPathFromEnv: the path comes from the environment roledex is
// given, per operating system, never from the real process environment
// (tests and embedders must not read the developer's own file).
func TestConfigPathFromEnv(t *testing.T) {
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"ROLEDEX_CONFIG": "/etc/rdx.yaml", "XDG_CONFIG_HOME": "/x"}, "/etc/rdx.yaml"},
		{"linux", map[string]string{"XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/m"}, "/x/cfg/roledex/config.yaml"},
		{"linux", map[string]string{"XDG_CONFIG_HOME": "relative", "HOME": "/home/m"}, "/home/m/.config/roledex/config.yaml"},
		{"linux", map[string]string{"HOME": "/home/m"}, "/home/m/.config/roledex/config.yaml"},
		{"darwin", map[string]string{"HOME": "/Users/m"}, "/Users/m/Library/Application Support/roledex/config.yaml"},
		{"darwin", map[string]string{"XDG_CONFIG_HOME": "/Users/m/.config", "HOME": "/Users/m"}, "/Users/m/.config/roledex/config.yaml"},
		{"windows", map[string]string{"AppData": `C:\Users\m\AppData\Roaming`}, `C:\Users\m\AppData\Roaming\roledex\config.yaml`},
		{"windows", map[string]string{"APPDATA": `C:\Users\m\AppData\Roaming\`}, `C:\Users\m\AppData\Roaming\roledex\config.yaml`},
	}
	for _, c := range cases {
		got, err := configPathFor(c.goos, func(k string) string { return c.env[k] })
		if err != nil || got != c.want {
			t.Errorf("%s: %q, %v; want %q", c.goos, got, err, c.want)
		}
	}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		if got, err := configPathFor(goos, func(string) string { return "" }); err == nil {
			t.Errorf("%s with no HOME or AppData: %q, want an error", goos, got)
		}
	}
	// A run with an empty environment reads no configuration at all, even
	// when the process's own HOME holds one.
	home := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(home, ".config", "roledex"), 0o755))
	must(t, os.WriteFile(filepath.Join(home, ".config", "roledex", "config.yaml"), []byte("theme: purple\n"), 0o644))
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	if r := runWith(t, false, nil, "list", "--track", "executive"); r.code != 0 {
		t.Fatalf("a config outside the given environment was read: %d %s", r.code, r.stderr)
	}
}

// TestConfigProblemsInLineOrder: problems come sorted by line, the same
// way every run (the key groups are a map, read in random order).
func TestConfigProblemsInLineOrder(t *testing.T) {
	_, env := writeConfig(t, "keys:\n  browse:\n    a1: [x]\n    a2: [x]\n  compare:\n    a3: [x]\n  g1:\n    a: [x]\n  g2:\n    a: [x]\n    b: [x]\ntheme: sepia\n")
	p, _ := ConfigPath(func(k string) string { return env[k] })
	lineOf := regexp.MustCompile(`^[^\n]*config\.yaml:(\d+):`)
	for run := 0; run < 20; run++ {
		_, errs := LoadConfig(p)
		if len(errs) != 6 {
			t.Fatalf("%d problems, want 6: %v", len(errs), errs)
		}
		prev := 0
		for _, e := range errs {
			m := lineOf.FindStringSubmatch(e.Error())
			if m == nil {
				t.Fatalf("no line in %q", e)
			}
			n, _ := strconv.Atoi(m[1])
			if n < prev {
				t.Fatalf("problems out of line order: %v", errs)
			}
			prev = n
		}
	}
}

// TestConfigKeyNames: a key bubbletea never sends is a bad value, at its line.
func TestConfigKeyNames(t *testing.T) {
	_, env := writeConfig(t, "theme: dark\nkeys:\n  global:\n    quit: [ctrl+q, Ctrl+Q]\n")
	p, _ := ConfigPath(func(k string) string { return env[k] })
	_, errs := LoadConfig(p)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `config.yaml:4: keys: global.quit: "Ctrl+Q" is not a key bubbletea sends: write ctrl+q`) {
		t.Fatalf("want one problem at line 4 naming ctrl+q, got %v", errs)
	}
}

// TestConfigKeysReachTheExplorer: the key map handed to the explorer is
// the configured one (ui's tests show a remapped key then does its job).
func TestConfigKeysReachTheExplorer(t *testing.T) {
	_, env := writeConfig(t, "keys:\n  browse:\n    mark: [x, X]\n  global:\n    quit: [ctrl+q]\n")
	km := settled(t, env).config.KeyMap()
	if got := strings.Join(km.Browse.Mark.Keys(), " "); got != "x X" {
		t.Errorf("browse.mark keys = %q, want \"x X\"", got)
	}
	if got := strings.Join(km.Global.Quit.Keys(), " "); got != "ctrl+q" {
		t.Errorf("global.quit keys = %q, want ctrl+q", got)
	}
	if got := strings.Join(km.Browse.Filter.Keys(), " "); got == "" {
		t.Error("an action the configuration leaves alone lost its keys")
	}
}

// TestConfigValueProblems: values of the wrong shape and catalog folders
// that are not there are named at their line, in the user's terms.
func TestConfigValueProblems(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	must(t, os.WriteFile(file, nil, 0o644))
	for _, c := range []struct{ text, want string }{
		{"catalogs: foo\n", `:1: catalogs: expected a list, not "foo"`},
		{"compare_dimensions: Scope\n", `:1: compare_dimensions: expected a list, not "Scope"`},
		{"theme: [dark]\n", `:1: theme: expected one value, not a list`},
		{"keys: [a]\n", `:1: keys: expected groups of actions (keys: {browse: {mark: [x]}}), not a list`},
		{"keys:\n  browse:\n    mark: x\n", `:3: keys.browse.mark: expected a list, not "x"`},
		{"theme: dark\n---\ntheme: light\n", `:2: one YAML document only: the file holds a second one`},
		{"catalogs:\n  - /no/such/ladder\n", `:2: catalog folder /no/such/ladder: no such file or directory`},
		{"catalogs:\n  - " + file + "\n", `:2: catalog folder ` + file + ` is not a folder`},
	} {
		_, env := writeConfig(t, c.text)
		p, _ := ConfigPath(func(k string) string { return env[k] })
		_, errs := LoadConfig(p)
		if len(errs) != 1 || errs[0].Error() != p+c.want {
			t.Errorf("%q: got %v, want one problem %q", c.text, errs, c.want)
		}
	}
}

// TestConfigCatalogFolders: ~/ is the home folder (~\ too on Windows,
// where the separator is \), a relative folder is relative to the file.
func TestConfigCatalogFolders(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	tilde := "~" + string(filepath.Separator) + "ladder"
	abs := filepath.Join(home, "abs")
	cfg := Config{Catalogs: []string{tilde, "rel", abs}, path: filepath.Join(home, "cfg", "config.yaml")}
	got := cfg.catalogDirs()
	want := []string{filepath.Join(home, "ladder"), filepath.Join(home, "cfg", "rel"), abs}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("catalogDirs = %q, want %q", got, want)
	}
}

// TestCacheFolder: the parse cache's folder follows the same rules as the
// configuration's, with the cache's own variable and folders.
func TestCacheFolder(t *testing.T) {
	for _, c := range []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"XDG_CACHE_HOME": "/x/cache", "HOME": "/home/m"}, "/x/cache"},
		{"linux", map[string]string{"XDG_CACHE_HOME": "relative", "HOME": "/home/m"}, "/home/m/.cache"},
		{"linux", map[string]string{"HOME": "/home/m"}, "/home/m/.cache"},
		{"darwin", map[string]string{"HOME": "/Users/m"}, "/Users/m/Library/Caches"},
		{"windows", map[string]string{"LocalAppData": `C:\Users\m\AppData\Local\`}, `C:\Users\m\AppData\Local`},
		{"linux", map[string]string{}, ""},
		{"windows", map[string]string{"HOME": "/home/m"}, ""},
	} {
		if got := cacheFolder(c.goos, func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.goos, c.env, got, c.want)
		}
	}
}
