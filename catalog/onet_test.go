package catalog

// The large catalogs: O*NET 29.3 converted to a catalog folder, and a
// synthetic catalog of ~100,000 responsibilities. The writers live in
// testdata/gen; this file wires them to tests, flags and benchmarks.
//
//	go test ./catalog -run TestWriteONet -onet.out=DIR            # a folder for --catalog
//	go test ./catalog -run TestWriteSynthetic -synthetic.out=DIR  # the 100k one

import (
	"flag"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/roledex/roledex/content"
	"github.com/roledex/roledex/testdata/gen"
)

var (
	onetOut      = flag.String("onet.out", "", "TestWriteONet writes the O*NET catalog folder here")
	syntheticOut = flag.String("synthetic.out", "", "TestWriteSynthetic writes the ~100k-statement catalog folder here")
	linesOut     = flag.String("lines.out", "", "TestWriteONet and TestWriteSynthetic write every line roledex searches (built-in catalog included) to this file, one per line, for fzf")
)

// writeLines writes the text of every entry of ix to path, one per line.
func writeLines(ix *Index, path string) error {
	var b strings.Builder
	for _, f := range ix.refs {
		b.WriteString(strings.Join(strings.Fields(f.text), " "))
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// The synthetic catalog: 5,000 roles of 20 responsibilities, seed 1.
const (
	synRoles   = 5000
	synPerRole = 20
	synSeed    = 1
)

// onetCorpus returns the O*NET corpus folder, or skips tb when it is absent.
func onetCorpus(tb testing.TB) string {
	tb.Helper()
	dir, ok := gen.ONetDir()
	if !ok {
		tb.Skipf("O*NET corpus not found at %s (set ROLEDEX_ONET to its folder): skipping", dir)
	}
	return dir
}

// writeONet writes the O*NET corpus as a roledex catalog folder at dst.
func writeONet(dst string) error {
	src, ok := gen.ONetDir()
	if !ok {
		return os.ErrNotExist
	}
	_, err := gen.WriteONet(src, dst)
	return err
}

// large is a loaded catalog folder, kept for the whole test binary: the
// big ones take a while to load.
type large struct {
	once  sync.Once
	dir   string
	cat   *Catalog
	probs Problems
	err   error
}

var onetCat, synCat large

func (l *large) load(tb testing.TB, dir func() (string, error)) (*Catalog, string) {
	tb.Helper()
	l.once.Do(func() {
		l.dir, l.err = dir()
		if l.err == nil {
			l.cat, l.probs = loadWithBuiltIn(l.dir)
		}
	})
	if l.err != nil {
		tb.Fatal(l.err)
	}
	return l.cat, l.dir
}

// loadWithBuiltIn loads dir on top of the built-in catalog, as
// roledex --catalog DIR does.
func loadWithBuiltIn(dir string) (*Catalog, Problems) {
	return Load(Source{FS: content.FS, Name: "content"}, Source{FS: os.DirFS(dir), Name: "catalog", Root: dir})
}

// loadONet returns the O*NET catalog (built-in roles included) and its folder.
func loadONet(tb testing.TB) (*Catalog, string) {
	src := onetCorpus(tb)
	return onetCat.load(tb, func() (string, error) { return gen.CachedONet(src) })
}

// loadSynthetic returns the ~100k-statement catalog and its folder.
func loadSynthetic(tb testing.TB) (*Catalog, string) {
	return synCat.load(tb, func() (string, error) { return gen.CachedSynthetic(synRoles, synPerRole, synSeed) })
}

func TestWriteONet(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: converts the O*NET corpus (checked by the full run)")
	}
	src := onetCorpus(t)
	dst := *onetOut
	if dst == "" {
		dst = t.TempDir()
	}
	st, err := gen.WriteONet(src, dst)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s to %s", st, dst)
	if st.Roles != 923 || st.Responsibilities != 18796 {
		t.Errorf("wrote %s; want the 923 occupations with their 18,796 task statements", st)
	}
	// What roledex lint DIR checks: the folder loads on top of the
	// built-in catalog without a single problem.
	c, probs := loadWithBuiltIn(dst)
	for i, p := range probs {
		if i < 20 {
			t.Error(p.Error())
		}
	}
	if len(probs) > 0 {
		t.Fatalf("%d problems", len(probs))
	}
	if *linesOut != "" {
		if err := writeLines(NewIndex(c), *linesOut); err != nil {
			t.Fatal(err)
		}
	}
	r := c.Role("software-developers")
	if r == nil {
		t.Fatal("no role software-developers")
	}
	if !strings.Contains(r.Notes, gen.Attribution) {
		t.Errorf("notes lack the attribution line: %q", r.Notes)
	}
	if r.Dimensions[0] == "" || len([]rune(r.Summary)) > MaxSummary || len(r.Related) == 0 || r.Family != "Computer and Mathematical" {
		t.Errorf("software-developers: summary %q, family %q, related %v, primary role %q", r.Summary, r.Family, r.Related, r.Dimensions[0])
	}
	names := strings.ToLower(strings.Join(r.Aliases, "|"))
	for _, a := range []string{"devops engineer", "site reliability engineer"} {
		if !strings.Contains(names, a) {
			t.Errorf("software-developers lacks the alias %q", a)
		}
	}
	readme, err := os.ReadFile(dst + "/README.md")
	if err != nil || !strings.Contains(string(readme), gen.Attribution) {
		t.Errorf("README.md lacks the attribution line (err %v)", err)
	}
}

// TestONetLoadAndSearch loads the converted O*NET catalog as a user's
// --catalog folder and searches it.
func TestONetLoadAndSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: loads the O*NET catalog (checked by the full run)")
	}
	c, _ := loadONet(t)
	if len(onetCat.probs) > 0 {
		t.Fatalf("%d problems loading O*NET, first: %s", len(onetCat.probs), onetCat.probs[0].Error())
	}
	ix := NewIndex(c)
	t.Logf("%d roles, %d searchable lines", len(c.Roles), ix.Len())
	tests := []struct{ query, role string }{
		{"database administrators", "database-administrators"},
		{"registered nurse", "registered-nurses"},
		{"sre", "site-reliability-engineer"},   // the built-in role keeps its abbreviation
		{"dba", "database-administrator"},      // the built-in one, not O*NET's
		{"devops engineer", "devops-engineer"}, // also an alias of O*NET's Software Developers
	}
	for _, tc := range tests {
		hits := ix.Search(tc.query, 20)
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tc.query)
			continue
		}
		if hits[0].Role != tc.role || (hits[0].Kind != KindTitle && hits[0].Kind != KindAlias) {
			t.Errorf("%q: first hit %s %s %q; want the name of %s", tc.query, hits[0].Role, hits[0].Kind, hits[0].Text, tc.role)
		}
	}
	// A body-text query finds task statements of many occupations.
	hits := ix.Search("inspect equipment", 200)
	if len(hits) < 50 {
		t.Errorf("inspect equipment: %d hits, want many", len(hits))
	}
	for _, h := range hits {
		if h.Score < 1000 {
			break
		}
		if lower := strings.ToLower(h.Text); !strings.Contains(lower, "inspect") || !strings.Contains(lower, "equipment") {
			t.Errorf("substring hit %q lacks a word of the query", h.Text)
		}
	}
}

func TestWriteSynthetic(t *testing.T) {
	dst, roles, per := *syntheticOut, synRoles, synPerRole
	if dst == "" {
		// Without a folder: a small one from the same generator, checked
		// the way lint would.
		dst, roles, per = t.TempDir(), 60, 5
	}
	st, err := gen.WriteSynthetic(dst, roles, per, synSeed)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s to %s", st, dst)
	c, probs := loadWithBuiltIn(dst)
	if *linesOut != "" {
		if err := writeLines(NewIndex(c), *linesOut); err != nil {
			t.Fatal(err)
		}
	}
	for i, p := range probs {
		if i < 20 {
			t.Error(p.Error())
		}
	}
	if st.Roles != roles || st.Responsibilities != roles*per {
		t.Errorf("wrote %s, want %d roles of %d responsibilities", st, roles, per)
	}
	// The same seed gives the same files.
	x, y := t.TempDir(), t.TempDir()
	for _, d := range []string{x, y} {
		if _, err := gen.WriteSynthetic(d, 4, 3, synSeed); err != nil {
			t.Fatal(err)
		}
	}
	fx, _ := os.ReadDir(x + "/roles")
	if len(fx) != 4 {
		t.Fatalf("%d roles written, want 4", len(fx))
	}
	for _, f := range fx {
		a, _ := os.ReadFile(x + "/roles/" + f.Name())
		b, err := os.ReadFile(y + "/roles/" + f.Name())
		if err != nil || string(a) != string(b) {
			t.Errorf("%s differs between two runs with seed %d", f.Name(), synSeed)
		}
	}
}
