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
const sharedThreshold = 0.34

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
			if j == 0 {
				first = ws
			} else if similarity(first, ws) < alikeThreshold {
				row.Alike = false
			}
		}
		cmp.Rows = append(cmp.Rows, row)
	}
	cmp.Shared, cmp.Unique = splitDuties(roles)
	return cmp
}

// splitDuties pairs each responsibility with its closest counterpart in
// every other role; pairs above the threshold are shared.
func splitDuties(roles []*Role) ([]SharedDuty, [][]string) {
	words := make([][]wordSet, len(roles))
	for i, r := range roles {
		for _, d := range r.Responsibilities {
			words[i] = append(words[i], contentWords(d))
		}
	}
	used := make([][]bool, len(roles))
	for i, r := range roles {
		used[i] = make([]bool, len(r.Responsibilities))
	}
	var shared []SharedDuty
	for i, r := range roles {
		for a := range r.Responsibilities {
			if used[i][a] {
				continue
			}
			duty := SharedDuty{Texts: make([]string, len(roles))}
			n := 0
			for j := i + 1; j < len(roles); j++ {
				best, bestS := -1, sharedThreshold
				for b := range roles[j].Responsibilities {
					if used[j][b] {
						continue
					}
					if s := similarity(words[i][a], words[j][b]); s >= bestS {
						best, bestS = b, s
					}
				}
				if best >= 0 {
					duty.Texts[j] = roles[j].Responsibilities[best]
					used[j][best] = true
					n++
				}
			}
			if n > 0 {
				duty.Texts[i] = r.Responsibilities[a]
				used[i][a] = true
				shared = append(shared, duty)
			}
		}
	}
	unique := make([][]string, len(roles))
	for i, r := range roles {
		for a, d := range r.Responsibilities {
			if !used[i][a] {
				unique[i] = append(unique[i], d)
			}
		}
	}
	return shared, unique
}

type wordSet map[string]struct{}

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
		between during through within without upon while your you our ours his her one two three`) {
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
