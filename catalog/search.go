package catalog

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Kind says what part of the catalog a search hit matched.
type Kind string

// The kinds of text search looks through.
const (
	KindTitle          Kind = "title"
	KindAlias          Kind = "alias"
	KindSummary        Kind = "summary"
	KindResponsibility Kind = "responsibility"
	KindDimension      Kind = "dimension"
	KindTool           Kind = "tool"
	KindTask           Kind = "task"
	KindContribution   Kind = "contribution"
)

// kindWeight ranks kinds: a name match beats a match in body text.
var kindWeight = map[Kind]int{
	KindTitle: 300, KindAlias: 280, KindTask: 200, KindTool: 160,
	KindSummary: 120, KindResponsibility: 110, KindContribution: 60, KindDimension: 50,
}

// Entry is one searchable line of the catalog.
type Entry struct {
	Role   string // id of the role the line belongs to (a task's first owner)
	Task   string // id of the task, for task lines
	Kind   Kind
	Detail string // the dimension name, pillar title or task title
	Index  int    // position within the role's responsibilities or dimensions
	Text   string
	lower  string
	ascii  bool
}

// Hit is an entry that matched a query.
type Hit struct {
	*Entry
	Score int
	// Matched holds the rune positions in Text that matched, ascending.
	Matched []int
}

// Index is the searchable form of a catalog.
type Index struct {
	entries []Entry
}

// NewIndex builds the search index of c.
func NewIndex(c *Catalog) *Index {
	ix := &Index{}
	add := func(e Entry) {
		e.lower = strings.ToLower(e.Text)
		e.ascii = isASCII(e.Text)
		ix.entries = append(ix.entries, e)
	}
	for _, r := range c.Roles {
		add(Entry{Role: r.ID, Kind: KindTitle, Text: r.Title})
		for _, a := range r.Aliases {
			add(Entry{Role: r.ID, Kind: KindAlias, Text: a})
		}
		add(Entry{Role: r.ID, Kind: KindSummary, Text: r.Summary})
		for i, d := range r.Responsibilities {
			add(Entry{Role: r.ID, Kind: KindResponsibility, Index: i, Text: d})
		}
		for _, t := range r.Tools {
			add(Entry{Role: r.ID, Kind: KindTool, Text: t})
		}
		for i, d := range r.Dimensions {
			if d != "" {
				add(Entry{Role: r.ID, Kind: KindDimension, Index: i, Detail: Dimensions[i].Name, Text: d})
			}
		}
	}
	for _, p := range c.Pillars {
		for _, g := range p.Groups {
			for _, m := range g.Members {
				add(Entry{Role: m.Role, Kind: KindContribution, Detail: p.Title, Text: m.Contribution})
			}
		}
	}
	for _, t := range c.Tasks {
		owner := ""
		if len(t.Owners) > 0 {
			owner = t.Owners[0]
		}
		add(Entry{Role: owner, Task: t.ID, Kind: KindTask, Detail: t.Title, Text: t.Title})
		for _, a := range t.Aliases {
			add(Entry{Role: owner, Task: t.ID, Kind: KindTask, Detail: t.Title, Text: a})
		}
	}
	return ix
}

// Len returns the number of searchable lines.
func (ix *Index) Len() int { return len(ix.entries) }

// Search returns up to limit hits for query, best first (limit ≤ 0: all).
// Lines that contain every word of the query rank above fuzzy matches;
// within those, whole words and word starts beat mid-word matches, and
// titles and aliases beat body text.
func (ix *Index) Search(query string, limit int) []Hit {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	terms := strings.Fields(q)
	var hits []Hit
	exact := make([]bool, len(ix.entries))
	for i := range ix.entries {
		e := &ix.entries[i]
		if h, ok := matchTerms(e, terms); ok {
			hits = append(hits, h)
			exact[i] = true
		}
	}
	if pattern := strings.Join(terms, ""); utf8.RuneCountInString(pattern) >= 2 {
		hits = append(hits, ix.fuzzy(pattern, exact)...)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].Text < hits[j].Text
	})
	hits = dedupeHits(hits)
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// matchTerms scores an entry that contains every term as a substring.
func matchTerms(e *Entry, terms []string) (Hit, bool) {
	score := 1000 + kindWeight[e.Kind]
	var matched []int
	for _, t := range terms {
		pos, quality := bestOccurrence(e.lower, t)
		if pos < 0 {
			return Hit{}, false
		}
		score += quality
		start := pos
		if !e.ascii {
			start = utf8.RuneCountInString(e.lower[:pos])
		}
		for k := 0; k < utf8.RuneCountInString(t); k++ {
			matched = append(matched, start+k)
		}
	}
	// A short line that is mostly the query is a better answer than a long one.
	score -= min(len(e.lower)/4, 60)
	if len(terms) == 1 && e.lower == terms[0] {
		score += 200
	}
	sort.Ints(matched)
	return Hit{Entry: e, Score: score, Matched: dedupe(matched)}, true
}

// bestOccurrence finds t in s, preferring a whole word, then a word start.
func bestOccurrence(s, t string) (int, int) {
	best, bestQ := -1, -1
	for off := 0; off <= len(s)-len(t); {
		i := strings.Index(s[off:], t)
		if i < 0 {
			break
		}
		i += off
		q := 0
		startsWord := i == 0 || !isWordByte(s, i-1)
		endsWord := i+len(t) == len(s) || !isWordByteAt(s, i+len(t))
		if startsWord {
			q += 100
			if endsWord {
				q += 100
			}
		}
		if q > bestQ {
			best, bestQ = i, q
			if q == 200 {
				break
			}
		}
		off = i + 1
	}
	return best, bestQ
}

func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordByteAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// fuzzy finds entries that hold the pattern's letters in order, compactly.
func (ix *Index) fuzzy(pattern string, skip []bool) []Hit {
	var out []Hit
	for _, m := range fuzzy.FindFrom(pattern, lowerSource{ix, skip}) {
		e := &ix.entries[m.Index]
		if len(m.MatchedIndexes) == 0 {
			continue
		}
		span := m.MatchedIndexes[len(m.MatchedIndexes)-1] - m.MatchedIndexes[0] + 1
		if span > maxSpan(pattern) {
			continue // letters scattered across a sentence: noise, not a match
		}
		matched := m.MatchedIndexes
		if !e.ascii {
			matched = make([]int, len(m.MatchedIndexes))
			for k, b := range m.MatchedIndexes {
				matched[k] = utf8.RuneCountInString(e.lower[:b])
			}
		}
		score := 500 + kindWeight[e.Kind] - 10*(span-len(pattern)) - min(len(e.lower)/4, 60)
		out = append(out, Hit{Entry: e, Score: score, Matched: matched})
	}
	return out
}

type lowerSource struct {
	ix   *Index
	skip []bool
}

func (s lowerSource) String(i int) string {
	if s.skip[i] {
		return ""
	}
	return s.ix.entries[i].lower
}

func (s lowerSource) Len() int { return len(s.ix.entries) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func dedupe(xs []int) []int {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// MatchText scores one text against a query the way Search does: every
// word of the query as a substring first (whole words and word starts
// best), else a compact fuzzy match. It returns the rune positions that
// matched, and ok false when the text does not match.
func MatchText(text, query string) (score int, matched []int, ok bool) {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return 0, nil, true
	}
	e := &Entry{Text: text, lower: strings.ToLower(text), ascii: isASCII(text)}
	if h, ok := matchTerms(e, strings.Fields(q)); ok {
		return h.Score, h.Matched, true
	}
	pattern := strings.Join(strings.Fields(q), "")
	ms := fuzzy.Find(pattern, []string{e.lower})
	if len(ms) == 0 {
		return 0, nil, false
	}
	m := ms[0]
	span := m.MatchedIndexes[len(m.MatchedIndexes)-1] - m.MatchedIndexes[0] + 1
	if span > maxSpan(pattern) {
		return 0, nil, false
	}
	matched = m.MatchedIndexes
	if !e.ascii {
		matched = make([]int, len(m.MatchedIndexes))
		for k, b := range m.MatchedIndexes {
			matched[k] = utf8.RuneCountInString(e.lower[:b])
		}
	}
	return 500 - 10*(span-len(pattern)) - min(len(e.lower)/4, 60), matched, true
}

// maxSpan is the widest stretch of text a fuzzy match may cover: a few
// skipped letters ("k8s" in "kubernetes" does not qualify, "postmrtm" in
// "postmortem" does), so scattered letters do not count as a match.
func maxSpan(pattern string) int {
	n := utf8.RuneCountInString(pattern)
	return n + max(2, n/2)
}

// dedupeHits keeps the best hit per task and per role name (a title and
// an alias of one role, or two aliases, say the same thing).
func dedupeHits(hits []Hit) []Hit {
	seen := map[string]bool{}
	out := hits[:0]
	for _, h := range hits {
		key := ""
		switch {
		case h.Task != "":
			key = "t:" + h.Task
		case h.Kind == KindTitle || h.Kind == KindAlias:
			key = "n:" + h.Role
		}
		if key != "" {
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		out = append(out, h)
	}
	return out
}
