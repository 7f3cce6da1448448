// Package hostile builds the hostile catalog folder roledex's tests load
// through the loader, every command and the explorer: a copy of
// testdata/hostile plus the cases git cannot hold, made at test time.
package hostile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Valid lists the ids of the hostile roles that must load: hostile text
// is shown, not refused.
var Valid = []string{"escapes", "wide", "bom-crlf", "leaves-folder", "inside-link"}

// Problem is what the loader must say about one bad file of the folder:
// exactly one message, which contains Want ("roles/x.md:3: …": the path
// under the folder, the line in the file and the start of the message).
type Problem struct {
	File, Want string
}

// Problems returns what the loader must report for Dir's folder, one
// entry a bad file. Some cases exist only on some systems (FIFOs and
// sockets on Unix; an unreadable file when not running as root, who
// reads it anyway).
func Problems() []Problem {
	ps := []Problem{
		{"roles/alias-bomb.md", "roles/alias-bomb.md:3: YAML anchors and aliases"},
		{"roles/bad-yaml.md", "roles/bad-yaml.md:2: front matter: did not find expected"},
		{"roles/deep-nesting.md", "roles/deep-nesting.md:3: front matter is nested more than 32 levels deep"},
		{"roles/dup-key.md", `roles/dup-key.md:6: duplicate field "title" (first given on line 2)`},
		{"roles/empty.md", "roles/empty.md:1: empty file"},
		{"roles/escape-in-yaml-error.md", "roles/escape-in-yaml-error.md:4: front matter: control character U+001B is not allowed"},
		{"roles/invalid-utf8.md", "roles/invalid-utf8.md:11: invalid UTF-8"},
		{"roles/leaves-folder.md", `roles/leaves-folder.md:8: related: no role with id "../x"`},
		{"roles/lone-cr.md", "roles/lone-cr.md:1: lines end in a lone carriage return"},
		{"roles/no-title.md", `roles/no-title.md:2: missing required field "title"`},
		{"roles/nul.md", "roles/nul.md:12: NUL byte"},
		{"roles/unclosed.md", "roles/unclosed.md:1: front matter is never closed"},
		{"roles/unknown-key.md", `roles/unknown-key.md:6: unknown field "salary"`},
		{"roles/too-big.md", "roles/too-big.md: warning: skipped: larger than the 1024 KiB limit"},
		{"roles/name-\x1b[31mred.md", `roles/name-^[[31mred.md:1: file name "name-^[[31mred.md" is not a valid id`},
		{"roles/outside-link.md", "roles/outside-link.md: warning: skipped: symbolic link leads outside the catalog folder"},
		{"roles/loop-a.md", "roles/loop-a.md: warning: skipped: symbolic link cannot be resolved (broken, or a loop)"},
		{"roles/loop-b.md", "roles/loop-b.md: warning: skipped: symbolic link cannot be resolved (broken, or a loop)"},
		{"roles/broken-link.md", "roles/broken-link.md: warning: skipped: symbolic link cannot be resolved (broken, or a loop)"},
		{"roles/dir-link.md", "roles/dir-link.md: warning: skipped: symbolic link leads to a directory, not a file"},
		{"roles/deep-quotes.md", "roles/deep-quotes.md:16: quotes and lists nest more than 32 levels deep"},
		{"roles/deep-indent.md", "roles/deep-indent.md:80: a line is indented more than 128 columns"},
		{"roles/many-items.md", "roles/many-items.md:1012: more than 2000 paragraphs, list items and other blocks"},
		{"roles/many-keys.md", "roles/many-keys.md:7: tools: expected a list ([a, b], or one \"- item\" per line), not a set of fields"},
	}
	if runtime.GOOS != "windows" {
		ps = append(ps,
			Problem{"roles/dev-zero.md", "roles/dev-zero.md: warning: skipped: symbolic link leads outside the catalog folder"},
			Problem{"roles/fifo.md", "roles/fifo.md: warning: skipped: not a regular file (named pipe)"},
			Problem{"roles/fifo-link.md", "roles/fifo-link.md: warning: skipped: symbolic link leads to a named pipe, not a file"},
			Problem{"roles/socket.md", "roles/socket.md: warning: skipped: not a regular file (socket)"})
	}
	if unreadableCase() {
		ps = append(ps, Problem{"roles/unreadable.md", "roles/unreadable.md: warning: skipped: permission denied"})
	}
	return ps
}

// unreadableCase reports whether a file without read permission is
// unreadable here: on Unix, and not for root.
func unreadableCase() bool {
	return runtime.GOOS != "windows" && runtime.GOOS != "plan9" && os.Geteuid() != 0
}

// Dir copies the folder src (testdata/hostile) into a temporary folder
// and adds the cases git cannot hold: files that flood the parsers (see
// floods), a 2 MiB file, a file name with an
// escape sequence, symbolic links leaving the folder (to a file and to
// /dev/zero), in a loop, broken, to a directory and to a file inside, a
// directory named like a .md file, a FIFO, a socket and an unreadable
// file. It returns the folder.
func Dir(tb testing.TB, src string) string {
	tb.Helper()
	dst := tb.TempDir()
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
	must(tb, err)
	roles := filepath.Join(dst, "roles")
	big := bytes.Repeat([]byte("x"), 2<<20)
	must(tb, os.WriteFile(filepath.Join(roles, "too-big.md"), append([]byte("---\ntitle: Big\n---\n"), big...), 0o644))
	must(tb, os.WriteFile(filepath.Join(roles, "name-\x1b[31mred.md"), []byte("---\ntitle: x\n---\n"), 0o644))
	outside := filepath.Join(tb.TempDir(), "secret.md")
	must(tb, os.WriteFile(outside, []byte("---\ntitle: Secret\n---\n"), 0o644))
	must(tb, os.Symlink(outside, filepath.Join(roles, "outside-link.md")))
	must(tb, os.Symlink("loop-b.md", filepath.Join(roles, "loop-a.md")))
	must(tb, os.Symlink("loop-a.md", filepath.Join(roles, "loop-b.md")))
	must(tb, os.Symlink("no-such-file.md", filepath.Join(roles, "broken-link.md")))
	must(tb, os.Symlink("wide.md", filepath.Join(roles, "inside-link.md")))
	must(tb, os.Symlink(".", filepath.Join(roles, "dir-loop")))
	must(tb, os.Symlink(".", filepath.Join(roles, "dir-link.md")))
	must(tb, os.Mkdir(filepath.Join(roles, "folder.md"), 0o755))
	for name, data := range floods() {
		must(tb, os.WriteFile(filepath.Join(roles, name), data, 0o644))
	}
	addSpecialFiles(tb, roles)
	return dst
}

// floodHead is a valid role file up to an empty ## Notes section, whose
// text starts on line 16.
const floodHead = "---\ntitle: Flood\nfamily: Hostile\ntrack: lead\nsummary: S.\n---\n\n" +
	"## Responsibilities\n\n- One duty.\n\n## Dimensions\n\n## Notes\n\n"

// floods returns files whose shape made the markdown parser, the page
// renderer or the YAML decoder take time that grows with the square of
// their size: quotes nested 50,000 deep, lists nested by indentation,
// 10,000 list items, a mapping of 10,000 keys. At about 100 KB each they
// keep the tests quick; near the 1 MiB limit, each took minutes.
func floods() map[string][]byte {
	var indent strings.Builder
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&indent, "%s- x\n", strings.Repeat(" ", 2*i))
	}
	var keys strings.Builder
	keys.WriteString("---\ntitle: Many keys\nfamily: Hostile\ntrack: lead\nsummary: S.\ntools:\n")
	for i := 0; i < 10_000; i++ {
		fmt.Fprintf(&keys, "  k%d: 1\n", i)
	}
	keys.WriteString("---\n")
	return map[string][]byte{
		"deep-quotes.md": []byte(floodHead + strings.Repeat("> ", 50_000) + "x\n"),
		"deep-indent.md": []byte(floodHead + indent.String()),
		"many-items.md":  []byte(floodHead + strings.Repeat("- item\n", 10_000)),
		"many-keys.md":   []byte(keys.String()),
	}
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}
