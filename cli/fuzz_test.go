package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzCommandOutput writes a fuzzed role file into a catalog folder and
// runs the commands on it, plain and styled: whatever the file holds, no
// printed byte (and no decoded JSON string) may be an escape sequence
// other than SGR styling and links to web and mail addresses, or any
// other control character.
func FuzzCommandOutput(f *testing.F) {
	for _, name := range []string{"escapes.md", "wide.md", "bom-crlf.md"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "hostile", "roles", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("---\ntitle: \"\\e]8;;javascript:x\\a&#27;[31m\"\nfamily: F\ntrack: lead\nsummary: S\n---\n\n## Responsibilities\n\n- [a](file:///x) &**#27;**[2J\n\n## Dimensions\n\n### Scope\n\n\u009b2J\n\n## Notes\n\n[x](https://a/&#27;[5m) `&#27;` <https://b/\x1b[31m>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		must(t, os.MkdirAll(filepath.Join(dir, "roles"), 0o755))
		must(t, os.WriteFile(filepath.Join(dir, "roles", "fuzz.md"), data, 0o644))
		for _, tty := range []bool{false, true} {
			color := "never"
			if tty {
				color = "always"
			}
			for _, cmd := range [][]string{
				{"lint", dir}, {"show", "fuzz"}, {"show", "fuzz", "--json"}, {"show", "fuzz", "--format", "markdown"},
				{"compare", "fuzz", "sre"}, {"list", "--json"}, {"search", "a"},
			} {
				args := append([]string{"--catalog", dir, "--color", color}, cmd...)
				r := runWith(t, tty, nil, args...)
				what := strings.Join(cmd, " ")
				checkEscapes(t, what+" (stdout)", r.stdout, tty)
				checkEscapes(t, what+" (stderr)", r.stderr, false)
				if slices.Contains(cmd, "--json") && r.code == 0 {
					checkJSONStrings(t, what, r.stdout)
				}
			}
		}
	})
}
