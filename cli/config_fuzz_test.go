package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoadConfig: any config.yaml loads or gives problems that name the
// file (path:line: message, or path: for the whole file), and never
// panics.
func FuzzLoadConfig(f *testing.F) {
	for _, seed := range []string{
		"",
		"theme: dark\ncolor: never\n",
		"catalogs: [a, b]\ncompare_dimensions: [Scope, Team management]\n",
		"keys:\n  global:\n    quit: [ctrl+q]\n",
		"keys: {browse: {mark: x}}\nbogus: 1\n",
		"theme: [1, 2\n",
		"&a [*a, *a]",
		"- - - - - -\n",
		"theme: \"\\x1b[31m\"\n",
	} {
		f.Add([]byte(seed))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, errs := LoadConfig(path)
		for _, err := range errs {
			if msg := err.Error(); !strings.HasPrefix(msg, path+":") {
				t.Fatalf("problem does not name the file: %q", msg)
			}
		}
		if len(errs) == 0 {
			_ = cfg.KeyMap() // a config without problems gives a usable key map
		}
	})
}
