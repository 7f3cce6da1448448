package catalog

import (
	"fmt"
	"strings"
	"testing"
)

// copiesOf returns the built-in catalog with every role repeated n times
// (ids and titles numbered), tasks and pillars as they are: ~40 chunks of
// lines, built in memory in a few milliseconds.
func copiesOf(t *testing.T, n int) *Catalog {
	t.Helper()
	base := loadBuiltIn(t)
	roles := map[string]*Role{}
	for _, r := range base.Roles {
		for k := range n {
			c := *r
			if k > 0 {
				c.ID = fmt.Sprintf("%s-%d", r.ID, k)
				c.Title = fmt.Sprintf("%s %d", r.Title, k)
			}
			roles[c.ID] = &c
		}
	}
	pillars, tasks := map[string]*Pillar{}, map[string]*Task{}
	for _, p := range base.Pillars {
		pillars[p.ID] = p
	}
	for _, tk := range base.Tasks {
		tasks[tk.ID] = tk
	}
	c := newCatalog(roles, pillars, tasks)
	c.index()
	return c
}

// TestChunksPassedOverSameResults: a search that passes over chunks no
// line of which could make its results, and builds only the chunks it
// reads, finds exactly what reading every line of a fully built index
// finds, keystroke by keystroke (narrowing on) and query by query.
func TestChunksPassedOverSameResults(t *testing.T) {
	type named struct {
		name string
		cat  func(*testing.T) *Catalog
	}
	cats := []named{
		{"built-in", func(t *testing.T) *Catalog { return loadBuiltIn(t) }},
		{"built-in ×20", func(t *testing.T) *Catalog { return copiesOf(t, 20) }},
	}
	if !testing.Short() {
		cats = append(cats, named{"O*NET", func(t *testing.T) *Catalog { c, _ := loadONet(t); return c }})
	}
	queries := append(keystrokes(), "e", "manage", "database administrator", "ssl certificates", "xyzzy", "incident review")
	for _, tc := range cats {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.cat(t)
			want := NewIndex(c)
			want.noChunkSkip, want.noNarrow = true, true
			<-want.ready
			for _, limit := range []int{20, 200, 0} {
				got := NewIndexOnDemand(c)
				for _, q := range queries {
					w, g := want.Search(q, limit), got.Search(q, limit)
					if !sameHits(g, w) {
						t.Fatalf("Search(%q, %d): passing over chunks gives %s; reading every line gives %s", q, limit, showHits(g), showHits(w))
					}
				}
			}
			if tc.name != "built-in ×20" {
				return
			}
			// The point of it: a query whose 20 best hits are names (here
			// the twenty Database Administrators) leaves the body text
			// unbuilt. In O*NET fewer than 20 occupations have both words
			// in a name, so that search reads everything.
			got := NewIndexOnDemand(c)
			got.Search("database administrator", 20)
			built := 0
			for i := range got.chunks {
				if got.chunks[i].built.Load() {
					built++
				}
			}
			if built == len(got.chunks) {
				t.Errorf("a search with 20 title hits built all %d chunks", built)
			}
			t.Logf("%s: %d lines, %d chunks, %d built for one search", tc.name, got.Len(), len(got.chunks), built)
		})
	}
}

func showHits(h []Hit) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d hits", len(h))
	for i := range min(len(h), 5) {
		fmt.Fprintf(&b, "; %d %s %q", h[i].Score, h[i].Kind, h[i].Text)
	}
	return b.String()
}
