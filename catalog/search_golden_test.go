package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// hitKey names a hit for the golden tables: kind, owner (task id for a
// task line, else role id) and text.
func hitKey(h Hit) string {
	owner := h.Role
	if h.Task != "" {
		owner = h.Task
	}
	return fmt.Sprintf("%s %s %q", h.Kind, owner, h.Text)
}

// TestSearchGolden pins the first hits of the queries people type, on
// the built-in catalog: whole words and word starts first, names above
// body text, each role's names and each task once.
func TestSearchGolden(t *testing.T) {
	ix := NewIndex(loadBuiltIn(t))
	golden := []struct {
		query string
		first []string // the first hits, in order
	}{
		{"sre", []string{`alias site-reliability-engineer "SRE"`, `title sre-lead "SRE Lead"`}},
		{"SRE", []string{`alias site-reliability-engineer "SRE"`, `title sre-lead "SRE Lead"`}},
		{"oncall", []string{`task on-call-rotation "on call"`}},
		{"on-call", []string{`task on-call-rotation "on-call"`}},
		{"ssl cert", []string{`task ssl-certificate-management "ssl certificates"`}},
		{"k8s", []string{`task container-orchestration "k8s"`}},
		{"postmortem", []string{`task postmortems "postmortem"`}},
		{"postmrtm", []string{`task postmortems "Postmortems"`}}, // a typo still finds it
		{"cert", []string{`task ssl-certificate-management "cert renewal"`}},
		{"backup", []string{`task backups "backup"`, `title backup-administrator "Backup Administrator"`}},
		{"devops", []string{`alias devops-engineer "DevOps"`}},
		{"chaos", []string{`title chaos-engineer "Chaos Engineering Specialist"`}},
		{"finops", []string{`alias finops-analyst "FinOps"`, `alias cloud-financial-manager "FinOps Lead"`}},
		{"incident commander", []string{`alias incident-manager "Incident Commander"`}},
		{"who handles SSL certificates?", []string{`task ssl-certificate-management "ssl certificates"`}},
		{"Which role is responsible for backups", []string{`task backups "Backups"`}},
	}
	for _, g := range golden {
		hits := ix.Search(g.query, 20)
		var got []string
		for _, h := range hits[:min(len(g.first), len(hits))] {
			got = append(got, hitKey(h))
		}
		if !reflect.DeepEqual(got, g.first) {
			t.Errorf("%q: first hits\n  %s\nwant\n  %s", g.query, strings.Join(got, "\n  "), strings.Join(g.first, "\n  "))
		}
	}

	// "postmortem": the SRE Lead's duty of chairing postmortems is near the top.
	found := false
	for _, h := range ix.Search("postmortem", 5) {
		found = found || h.Role == "sre-lead" && h.Kind == KindResponsibility
	}
	if !found {
		t.Error("postmortem: the SRE Lead's postmortem duty is not in the first five")
	}
}

// TestSearchOrder checks the ranking rules on many queries: lines with
// every word first, among them those where every word starts a word,
// and within that, names above body text; matched positions are rune
// positions that spell the query.
func TestSearchOrder(t *testing.T) {
	ix := NewIndex(loadBuiltIn(t))
	queries := []string{"sre", "cert", "backup", "ops", "eng", "data", "cloud cost", "security", "incident", "plan", "lead", "review", "test"}
	for _, q := range queries {
		hits := ix.Search(q, 0)
		if len(hits) == 0 {
			t.Errorf("%q: no hits", q)
			continue
		}
		terms := strings.Fields(q)
		tier := func(h Hit) int { // 2: every word starts a word, 1: contains them, 0: fuzzy
			lower := strings.ToLower(h.Text)
			for _, w := range terms {
				if !strings.Contains(lower, w) {
					return 0
				}
			}
			for _, w := range terms {
				if _, qual := bestOccurrence(lower, w); qual == 0 {
					return 1
				}
			}
			return 2
		}
		name := func(h Hit) bool { return h.Kind == KindTitle || h.Kind == KindAlias }
		body := func(h Hit) bool {
			return h.Kind == KindSummary || h.Kind == KindResponsibility || h.Kind == KindDimension || h.Kind == KindContribution
		}
		for i := 1; i < len(hits); i++ {
			a, b := hits[i-1], hits[i]
			if tier(a) < tier(b) {
				t.Errorf("%q: %s (tier %d) before %s (tier %d)", q, hitKey(a), tier(a), hitKey(b), tier(b))
			}
			if tier(a) == tier(b) && body(a) && name(b) {
				t.Errorf("%q: body text %s before the name %s", q, hitKey(a), hitKey(b))
			}
		}
		for _, h := range hits {
			checkMatched(t, q, h)
		}
	}
}

// checkMatched fails unless h.Matched are ascending rune positions of
// h.Text whose letters, folded, spell the query's letters in order.
func checkMatched(t *testing.T, q string, h Hit) {
	t.Helper()
	runes := []rune(h.Text)
	var got []rune
	for i, m := range h.Matched {
		if m < 0 || m >= len(runes) || i > 0 && m <= h.Matched[i-1] {
			t.Errorf("%q: bad positions %v for %q", q, h.Matched, h.Text)
			return
		}
		got = append(got, foldRune(runes[m]))
	}
	want, _ := fold(strings.Join(strings.Fields(q), ""))
	if h.Score < scoreExact {
		if string(got) != want {
			t.Errorf("%q: fuzzy positions %v of %q spell %q", q, h.Matched, h.Text, string(got))
		}
		return
	}
	// Exact: every letter matched belongs to the query.
	for _, r := range got {
		if !strings.ContainsRune(want, r) {
			t.Errorf("%q: position of %q matched in %q", q, r, h.Text)
		}
	}
	if len(got) == 0 {
		t.Errorf("%q: no positions for %q", q, h.Text)
	}
}

// unicodeCatalog holds roles whose names are not ASCII.
func unicodeCatalog(t *testing.T) *Catalog {
	t.Helper()
	role := func(title, aliases, duty string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\naliases: [" + aliases + "]\nfamily: Fiabilité\ntrack: individual contributor\nsummary: " + duty + "\n---\n\n## Responsibilities\n\n- " + duty + "\n\n## Dimensions\n\n### Primary role\n\n" + duty + "\n")}
	}
	fsys := fstest.MapFS{
		"roles/ingenieure-fiabilite.md": role("Ingénieure Fiabilité", "Ingénieur SRE", "Tient les services debout et mène les revues après incident."),
		"roles/developpeur-back-end.md": role("Développeur Back-end", "Dév back", "Écrit les services et leurs tests."),
		"roles/inzhener-nadezhnosti.md": role("Инженер по надёжности", "Надёжность", "Отвечает за дежурства и разборы инцидентов."),
		"roles/reliability-engineer.md": role("Reliability Engineer", "Fiability", "Keeps services up."),
	}
	c, probs := Load(Source{FS: fsys, Name: "unicode"})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return c
}

func TestSearchNonASCII(t *testing.T) {
	ix := NewIndex(unicodeCatalog(t))
	tests := []struct {
		query, first string
		matched      []int
	}{
		{"ingénieure", `title ingenieure-fiabilite "Ingénieure Fiabilité"`, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"ingenieure", `title ingenieure-fiabilite "Ingénieure Fiabilité"`, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"FIABILITÉ", `title ingenieure-fiabilite "Ingénieure Fiabilité"`, []int{11, 12, 13, 14, 15, 16, 17, 18, 19}},
		{"développeur", `title developpeur-back-end "Développeur Back-end"`, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"devloppeur", `title developpeur-back-end "Développeur Back-end"`, []int{0, 1, 2, 4, 5, 6, 7, 8, 9, 10}}, // fuzzy
		{"back-end", `title developpeur-back-end "Développeur Back-end"`, []int{12, 13, 14, 15, 16, 17, 18, 19}},
		{"инженер", `title inzhener-nadezhnosti "Инженер по надёжности"`, []int{0, 1, 2, 3, 4, 5, 6}},
		{"надёжности", `title inzhener-nadezhnosti "Инженер по надёжности"`, []int{11, 12, 13, 14, 15, 16, 17, 18, 19, 20}},
		{"ИНЦИДЕНТОВ", `summary inzhener-nadezhnosti "Отвечает за дежурства и разборы инцидентов."`, []int{32, 33, 34, 35, 36, 37, 38, 39, 40, 41}},
		{"fiabilit", `title ingenieure-fiabilite "Ingénieure Fiabilité"`, []int{11, 12, 13, 14, 15, 16, 17, 18}},
	}
	for _, tc := range tests {
		hits := ix.Search(tc.query, 10)
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tc.query)
			continue
		}
		if got := hitKey(hits[0]); got != tc.first || !reflect.DeepEqual(hits[0].Matched, tc.matched) {
			t.Errorf("%q: first hit %s %v, want %s %v", tc.query, got, hits[0].Matched, tc.first, tc.matched)
		}
		for _, h := range hits {
			checkMatched(t, tc.query, h)
		}
	}
}

// TestSearchNarrowingSameAsFull types every query of the benchmarks
// letter by letter, and backspaces, on one index (which narrows each
// search to the lines the previous one kept) and checks each answer
// against a search of the whole index.
func TestSearchNarrowingSameAsFull(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: types every query on the O*NET catalog (checked by the full run)")
	}
	cats := searchCatalogs
	var question []string // typing a question: its opening is dropped as it completes
	for q := "who handles the ssl certificates?"; q != ""; q = q[:len(q)-1] {
		question = append([]string{q}, question...)
	}
	typed := append(append(keystrokes(), question...), "postmortem", "postmorte", "postmort", "postmrtm", "ingénieure", "ingén", "devloppeur", "développeur back")
	for _, tc := range cats {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c(t)
			typing, full := NewIndex(c), NewIndex(c)
			full.noNarrow = true
			for _, q := range typed {
				for _, limit := range []int{200, 0} {
					got, want := typing.Search(q, limit), full.Search(q, limit)
					if !sameHits(got, want) {
						t.Fatalf("%q (limit %d): typing gave %d hits, a full search %d; first difference at %d", q, limit, len(got), len(want), firstDiff(got, want))
					}
				}
			}
		})
	}
}

func sameHits(a, b []Hit) bool {
	return firstDiff(a, b) < 0
}

func firstDiff(a, b []Hit) int {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i].Entry != b[i].Entry && hitKey(a[i]) != hitKey(b[i]) || a[i].Score != b[i].Score || !reflect.DeepEqual(a[i].Matched, b[i].Matched) {
			return i
		}
	}
	return -1
}

// TestSearchConcurrent runs searches from several goroutines at once, as
// the explorer does when keystrokes come faster than results (run with
// -race to check the index's scratch memory and narrowing).
func TestSearchConcurrent(t *testing.T) {
	c := loadBuiltIn(t)
	ix, ref := NewIndex(c), NewIndex(c)
	ref.noNarrow = true
	ks := keystrokes()
	want := map[string][]Hit{}
	for _, q := range ks {
		want[q] = ref.Search(q, 50)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ks {
				q := ks[(i+g*7)%len(ks)]
				if got := ix.Search(q, 50); !sameHits(got, want[q]) {
					t.Errorf("%q: concurrent search differs at %d", q, firstDiff(got, want[q]))
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestSearchAllocs guards the hot path: a search allocates the query's
// words, the hits, their entries (made for the hits only) and one block
// for their matched positions, however many lines it reads.
func TestSearchAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("-race: sync.Pool drops scratch memory at random, so allocations cannot be counted")
	}
	ix := NewIndex(loadBuiltIn(t))
	ix.noNarrow = true
	for _, tc := range []struct {
		query string
		max   float64
	}{
		{"xyzzy", 4},           // reads lines, finds nothing
		{"e", 4},               // 200 hits of thousands
		{"ssl cert", 8},        // exact and fuzzy passes
		{"postmortem", 8},      // exact and fuzzy passes
		{"security review", 7}, // two words
	} {
		ix.Search(tc.query, 200) // warm the scratch memory
		n := testing.AllocsPerRun(50, func() { ix.Search(tc.query, 200) })
		if n > tc.max {
			t.Errorf("Search(%q) makes %v allocations, want at most %v", tc.query, n, tc.max)
		}
	}
	n := testing.AllocsPerRun(50, func() { MatchText("Site Reliability Engineer", "eng") })
	if n > 3 {
		t.Errorf("MatchText makes %v allocations, want at most 3", n)
	}
}

func TestStripQuestion(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"who handles ssl certificates?", "ssl certificates"},
		{"who is responsible for the backups", "backups"},
		{"which role owns cost reviews", "cost reviews"},
		{"who's on call?", "on call"},
		{"what role usually does capacity planning", "capacity planning"},
		{"whose job is threat modelling", "threat modelling"},
		{"who", "who"},                         // nothing left: kept as typed
		{"who handles", "who handles"},         // likewise
		{"who h", "h"},                         // typing on: the opening is dropped
		{"ssl who handles", "ssl who handles"}, // only an opening is a question
		{"security review", "security review"},
		{"on-call?", "on-call"},
	} {
		if got := stripQuestion(c.in); got != c.want {
			t.Errorf("stripQuestion(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// searchCatalogs are the catalogs the search equivalence tests run on.
var searchCatalogs = []struct {
	name string
	c    func(testing.TB) *Catalog
}{
	{"embedded", func(tb testing.TB) *Catalog { return loadBuiltIn(tb) }},
	{"unicode", func(tb testing.TB) *Catalog { return unicodeCatalog(tb.(*testing.T)) }},
	{"onet", func(tb testing.TB) *Catalog { c, _ := loadONet(tb); return c }},
}

// TestSearchShardsSameAsOne: a search split across goroutines gives
// exactly the hits of one goroutine reading every line, typed letter by
// letter (narrowing included) or from scratch, limited or not. The
// built-in catalog runs in -short (and so under -race in CI); O*NET in
// the full run.
func TestSearchShardsSameAsOne(t *testing.T) {
	cats := searchCatalogs
	queries := append(keystrokes(), "who handles the ssl certificates?", "postmrtm", "ingénieure", "zzzz", "e")
	for _, tc := range cats {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "onet" && testing.Short() {
				t.Skip("-short: O*NET is checked by the full run")
			}
			c := tc.c(t)
			one := NewIndex(c)
			one.shardsForTest = 1
			for _, shards := range []int{2, 4} {
				many := NewIndex(c)
				many.shardsForTest = shards
				<-many.ready
				if cuts, workers := many.shards(nil, false, many.Len()); (workers != shards || len(cuts)-1 < 2*shards) && tc.name != "unicode" {
					t.Fatalf("asked for %d shards, the index cut %d segments for %d: the comparison would test nothing", shards, len(cuts)-1, workers)
				}
				for _, q := range queries {
					for _, limit := range []int{200, 0} {
						got, want := many.Search(q, limit), one.Search(q, limit)
						if !sameHits(got, want) {
							t.Fatalf("%d shards, %q (limit %d): %d hits, one shard %d; first difference at %d", shards, q, limit, len(got), len(want), firstDiff(got, want))
						}
						// The shards' kept lines, merged, stay ascending: the
						// next narrowed search cuts them so that no 64-line
						// word of its bit set is in two shards.
						if n := many.narrow; n != nil && !slices.IsSorted(n.ids) {
							t.Fatalf("%d shards, %q: the lines kept for narrowing are out of order", shards, q)
						}
					}
				}
			}
		})
	}
}
