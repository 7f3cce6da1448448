// Package gen writes large roledex catalogs for tests and benchmarks: the
// O*NET 29.3 database converted to a catalog folder, and a synthetic
// catalog of about 100,000 responsibilities made from a fixed seed.
//
// It lives under testdata so that the go tool leaves it out of ./...
// (it is not part of roledex); tests import it by its full path. It writes
// plain files and does not import the catalog package, so the catalog
// package's own tests can use it.
package gen

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Attribution is the line every catalog derived from O*NET must carry.
const Attribution = "O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license (https://www.onetcenter.org/license_db.html)."

// version changes whenever the output of a writer changes, so cached
// folders written by an older version are not reused.
const version = "3"

// Stats counts what a writer produced.
type Stats struct {
	Roles            int
	Responsibilities int
	Aliases          int
	Related          int
}

// write writes r's file into dst and counts it.
func (s *Stats) write(dst string, r *role) error {
	if err := writeRole(dst, r); err != nil {
		return err
	}
	s.Roles++
	s.Responsibilities += len(r.responsibilities)
	s.Aliases += len(r.aliases)
	s.Related += len(r.related)
	return nil
}

func (s Stats) String() string {
	return fmt.Sprintf("%d roles, %d responsibilities, %d aliases, %d related links", s.Roles, s.Responsibilities, s.Aliases, s.Related)
}

// ONetDir returns the O*NET corpus folder: $ROLEDEX_ONET when set, else
// shared/corpora/onet-29.3 beside the repository (../shared from the
// module root). ok is false when the folder does not hold the corpus.
func ONetDir() (dir string, ok bool) {
	if d := os.Getenv("ROLEDEX_ONET"); d != "" {
		return d, hasONet(d)
	}
	_, file, _, _ := runtime.Caller(0)
	// file is <module>/testdata/gen/gen.go
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	d := filepath.Join(filepath.Dir(root), "shared", "corpora", "onet-29.3")
	return d, hasONet(d)
}

func hasONet(d string) bool {
	for _, f := range []string{"occupation-data.tsv", "task-statements.tsv", "alternate-titles.tsv", "related-occupations.tsv"} {
		if st, err := os.Stat(filepath.Join(d, f)); err != nil || !st.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// Cached returns a folder under os.TempDir()/roledex-bench named after
// name and key, calling write to fill it the first time. The folder is
// written beside its final place and renamed, so a run that dies half way
// leaves nothing that looks finished.
func Cached(name, key string, write func(dir string) error) (string, error) {
	sum := sha256.Sum256([]byte(version + "\x00" + key))
	base := filepath.Join(os.TempDir(), "roledex-bench")
	dir := filepath.Join(base, name+"-"+hex.EncodeToString(sum[:6]))
	if st, err := os.Stat(filepath.Join(dir, "README.md")); err == nil && st.Mode().IsRegular() {
		return dir, nil
	}
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(base, name+".tmp-")
	if err != nil {
		return "", err
	}
	if err := write(tmp); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		// Another process may have won the race; use its folder.
		if _, e := os.Stat(filepath.Join(dir, "README.md")); e == nil {
			return dir, nil
		}
		return "", err
	}
	return dir, nil
}

// CachedONet returns a cached O*NET catalog folder converted from src.
func CachedONet(src string) (string, error) {
	key := "onet"
	for _, f := range []string{"occupation-data.tsv", "task-statements.tsv", "alternate-titles.tsv", "related-occupations.tsv"} {
		st, err := os.Stat(filepath.Join(src, f))
		if err != nil {
			return "", err
		}
		key += fmt.Sprintf("\x00%s:%d:%d", f, st.Size(), st.ModTime().UnixNano())
	}
	return Cached("onet", key, func(dir string) error {
		_, err := WriteONet(src, dir)
		return err
	})
}

// CachedSynthetic returns a cached synthetic catalog folder.
func CachedSynthetic(roles, perRole int, seed uint64) (string, error) {
	key := fmt.Sprintf("synthetic\x00%d\x00%d\x00%d", roles, perRole, seed)
	return Cached(fmt.Sprintf("synthetic-%d", roles*perRole), key, func(dir string) error {
		_, err := WriteSynthetic(dir, roles, perRole, seed)
		return err
	})
}

// role is what the writers put in one role file.
type role struct {
	id, title, family, track, summary string
	aliases, related                  []string
	responsibilities                  []string
	primary                           string // the Primary role dimension
	notes                             string
}

// writeRole writes r to dir/roles/<id>.md.
func writeRole(dir string, r *role) error {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(r.title))
	if len(r.aliases) > 0 {
		fmt.Fprintf(&b, "aliases: %s\n", yamlList(r.aliases))
	}
	fmt.Fprintf(&b, "family: %s\n", yamlString(r.family))
	fmt.Fprintf(&b, "track: %s\n", r.track)
	fmt.Fprintf(&b, "summary: %s\n", yamlString(r.summary))
	if len(r.related) > 0 {
		fmt.Fprintf(&b, "related: %s\n", yamlList(r.related))
	}
	b.WriteString("---\n\n## Responsibilities\n\n")
	for _, s := range r.responsibilities {
		b.WriteString("- " + mdLine(s) + "\n")
	}
	b.WriteString("\n## Dimensions\n\n### Primary role\n\n")
	b.WriteString(mdLine(r.primary) + "\n")
	if r.notes != "" {
		b.WriteString("\n## Notes\n\n" + r.notes + "\n")
	}
	return writeFile(filepath.Join(dir, "roles", r.id+".md"), b.String())
}

func writeFile(path, s string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(s), 0o644)
}

// yamlString quotes s as a YAML double-quoted scalar, which takes any
// text without surprises (a colon, a leading dash, "yes", "null").
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\t':
			b.WriteString(" ")
		case '\n', '\r':
			b.WriteString(" ")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func yamlList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = yamlString(x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// mdLine keeps text on one line and stops it from starting a markdown
// block of its own (a heading, a quote, a list, a code fence).
func mdLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '*', '=', '`', '~', '|', '<':
		return `\` + s
	}
	// "1. " or "1) " would start an ordered list.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// kebab turns a title into an id: lower-case letters and digits joined by
// single hyphens.
func kebab(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "role"
	}
	return b.String()
}

// summarize returns the first sentence of s, cut at a word to at most max
// characters.
func summarize(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i+1]
	}
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := string(r[:max-1])
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// readTSV reads a tab-separated file with a header line and calls fn with
// the fields of every other line, by header name.
func readTSV(path string, fn func(get func(col string) string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	if !sc.Scan() {
		return fmt.Errorf("%s: empty", path)
	}
	cols := map[string]int{}
	for i, h := range strings.Split(sc.Text(), "\t") {
		cols[strings.TrimSpace(h)] = i
	}
	line := 1
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		get := func(col string) string {
			i, ok := cols[col]
			if !ok || i >= len(fields) {
				return ""
			}
			return strings.TrimSpace(fields[i])
		}
		if err := fn(get); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}
