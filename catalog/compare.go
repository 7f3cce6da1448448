package catalog

import (
	"sort"
	"strings"
)

// Comparison sets two or three roles side by side.
type Comparison struct {
	Roles []*Role
	// Rows holds one row per dimension, with one value per role.
	Rows []Row
	// Shared holds responsibilities that two or more of the roles have in
	// common, as each role words them.
	Shared []SharedDuty
	// Unique holds, per role (same order as Roles), the responsibilities
	// no other compared role has.
	Unique [][]string
}

// Row is one dimension across the compared roles.
type Row struct {
	Dimension Dimension
	Values    []string
	// Alike is true when every role's text for the dimension is close
	// enough to read the same.
	Alike bool
}

// SharedDuty is a responsibility that appears, in some wording, in several
// of the compared roles. Texts has one entry per role; "" where a role does
// not share it.
type SharedDuty struct {
	Texts []string
}

// sharedThreshold is the word-overlap (Jaccard on stemmed content words)
// at which two responsibilities count as the same duty.
const sharedThreshold = 0.26

// alikeThreshold is the overlap at which two dimension texts read alike.
const alikeThreshold = 0.6

// Compare aligns the given roles dimension by dimension and splits their
// responsibilities into shared and unique ones.
func Compare(roles ...*Role) Comparison {
	cmp := Comparison{Roles: roles, Unique: make([][]string, len(roles))}
	for i, d := range Dimensions {
		row := Row{Dimension: d, Values: make([]string, len(roles)), Alike: true}
		var first wordSet
		for j, r := range roles {
			row.Values[j] = r.Dimensions[i]
			ws := contentWords(r.Dimensions[i])
			switch {
			case j == 0:
				first = ws
			case normalize(r.Dimensions[i]) == normalize(roles[0].Dimensions[i]):
				// The same text, or none on either side ("—" and "—"),
				// reads alike even when it has no content words to weigh.
			case similarity(first, ws) < alikeThreshold:
				row.Alike = false
			}
		}
		cmp.Rows = append(cmp.Rows, row)
	}
	cmp.Shared, cmp.Unique = splitDuties(roles)
	return cmp
}

// Only returns the comparison with just the dimension rows at the given
// indexes (into Dimensions); all rows when idx is empty.
func (c Comparison) Only(idx []int) Comparison {
	if len(idx) == 0 {
		return c
	}
	keep := map[string]bool{}
	for _, i := range idx {
		if i >= 0 && i < len(Dimensions) {
			keep[Dimensions[i].Key] = true
		}
	}
	out := c
	out.Rows = nil
	for _, r := range c.Rows {
		if keep[r.Dimension.Key] {
			out.Rows = append(out.Rows, r)
		}
	}
	return out
}

// splitDuties pairs responsibilities across roles, most similar pairs
// first; each duty joins at most one shared group, and a group holds at
// most one duty per role. Duties left alone are unique to their role.
func splitDuties(roles []*Role) ([]SharedDuty, [][]string) {
	duties := make([][]duty, len(roles))
	for i, r := range roles {
		for _, d := range r.Responsibilities {
			duties[i] = append(duties[i], newDuty(d))
		}
	}
	type ref struct{ role, idx int }
	type pair struct {
		a, b  ref
		score float64
	}
	var pairs []pair
	for i := range roles {
		for j := i + 1; j < len(roles); j++ {
			for a := range duties[i] {
				for b := range duties[j] {
					if s := dutySimilarity(duties[i][a], duties[j][b]); s >= sharedThreshold {
						pairs = append(pairs, pair{ref{i, a}, ref{j, b}, s})
					}
				}
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool { return pairs[x].score > pairs[y].score })
	group := map[ref]int{} // duty → index in groups
	var groups [][]int     // per group, duty index per role (-1: none)
	for _, p := range pairs {
		ga, okA := group[p.a]
		gb, okB := group[p.b]
		switch {
		case !okA && !okB:
			g := make([]int, len(roles))
			for k := range g {
				g[k] = -1
			}
			g[p.a.role], g[p.b.role] = p.a.idx, p.b.idx
			groups = append(groups, g)
			group[p.a], group[p.b] = len(groups)-1, len(groups)-1
		case okA && !okB && groups[ga][p.b.role] < 0:
			groups[ga][p.b.role] = p.b.idx
			group[p.b] = ga
		case okB && !okA && groups[gb][p.a.role] < 0:
			groups[gb][p.a.role] = p.a.idx
			group[p.a] = gb
		}
	}
	shared := make([]SharedDuty, len(groups))
	for gi, g := range groups {
		shared[gi].Texts = make([]string, len(roles))
		for ri, idx := range g {
			if idx >= 0 {
				shared[gi].Texts[ri] = roles[ri].Responsibilities[idx]
			}
		}
	}
	unique := make([][]string, len(roles))
	for i, r := range roles {
		for a, d := range r.Responsibilities {
			if _, ok := group[ref{i, a}]; !ok {
				unique[i] = append(unique[i], d)
			}
		}
	}
	return shared, unique
}

type wordSet map[string]struct{}

// duty is a responsibility prepared for matching.
type duty struct {
	words    wordSet
	concepts map[string]string
}

func newDuty(s string) duty { return duty{contentWords(s), conceptsOf(s)} }

// conceptPhrase is the phrase that signalled a concept, so that the very
// same phrase on both sides ("on-call") can count for more.

// dutySimilarity scores how alike two duties are: word overlap, plus a
// bonus per concept both mention (capped), so different wordings of the
// same work still pair up.
func dutySimilarity(a, b duty) float64 {
	bonus := 0.0
	for c, pa := range a.concepts {
		if pb, ok := b.concepts[c]; ok {
			if pa == pb && !broadConcepts[c] {
				bonus += 0.08
			}
			if broadConcepts[c] {
				bonus += 0.08
			} else {
				bonus += 0.22
			}
		}
	}
	return similarity(a.words, b.words) + min(bonus, 0.5)
}

func similarity(a, b wordSet) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if _, ok := b[w]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// contentWords returns the stemmed words of s that carry meaning.
func contentWords(s string) wordSet {
	ws := wordSet{}
	for _, w := range strings.Fields(normalize(s)) {
		if len(w) < 3 || stopWords[w] {
			continue
		}
		ws[stem(w)] = struct{}{}
	}
	return ws
}

// stem strips the commonest English suffixes; crude, but enough to make
// "deploys", "deploying" and "deployment" meet.
func stem(w string) string {
	for _, suf := range []string{"ments", "ment", "ings", "ing", "ation", "ations", "ies", "es", "ed", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	return w
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for with that this from into onto over under their them they its are was were
		has have had not but all any each every can may will would should could also more most less other others
		such than then when where which who whom whose what how why out off per via own both across about after before
		between during through within without upon while your you our ours his her one two three
		write writes writing build builds building run runs running keep keeps make makes take takes
		help helps manage manages owns own set sets sure ensure ensures work works team teams using use uses
		new every all so others other them it its`) {
		m[w] = true
	}
	return m
}()

// SortedIDs returns ids sorted, for stable output.
func SortedIDs(ids []string) []string {
	out := append([]string(nil), ids...)
	sort.Strings(out)
	return out
}
