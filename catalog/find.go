package catalog

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NotFoundError says that no role answers to a name.
type NotFoundError struct {
	Query       string
	Suggestions []string // role ids that come close
	Ambiguous   bool     // several roles fit: Suggestions are all of them
}

// maxNamed is how many candidates an ambiguity message names.
const maxNamed = 6

// Error says which name was not found and what comes close.
func (e *NotFoundError) Error() string {
	q := Sanitize(e.Query)
	if e.Ambiguous {
		named := strings.Join(e.Suggestions, ", ")
		if len(e.Suggestions) > maxNamed {
			named = fmt.Sprintf("%s, … (%d roles)", strings.Join(e.Suggestions[:maxNamed], ", "), len(e.Suggestions))
		}
		return fmt.Sprintf("%q could mean %s: say which", q, named)
	}
	if len(e.Suggestions) > 0 {
		return fmt.Sprintf("no role %q (did you mean %s?)", q, strings.Join(e.Suggestions, ", "))
	}
	return fmt.Sprintf("no role %q (roledex list shows them all)", q)
}

// normalize folds case and turns every run of non-alphanumerics into one
// space, so "Site-Reliability Engineer" and "site reliability engineer" meet.
func normalize(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	word := func() {
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				word()
				b = append(b, c)
			} else {
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r = unicode.ToLower(r); unicode.IsLetter(r) || unicode.IsDigit(r) {
			word()
			b = utf8.AppendRune(b, r)
		} else {
			space = true
		}
	}
	return string(b)
}

// Find returns the role named by q: its id, title or an alias, compared
// case-insensitively and ignoring punctuation. When nothing matches exactly,
// a role whose title or id starts with q is accepted if it is the only one,
// or if the other candidates' titles all extend its title ("platform" →
// Platform Engineer, not Platform Engineering Manager). Otherwise the
// error is Ambiguous and lists the candidates: a guess would be wrong as
// often as right ("release": Release Engineer or Release Manager?).
func (c *Catalog) Find(q string) (*Role, error) {
	n := normalize(q)
	if n == "" {
		return nil, &NotFoundError{Query: q}
	}
	if r := c.names()[n]; r != nil {
		return r, nil
	}
	// "Chief Technology Officer (CTO)": the name, or else its abbreviation.
	if name, abbr, ok := strings.Cut(strings.TrimSuffix(strings.TrimSpace(q), ")"), "("); ok && strings.HasSuffix(strings.TrimSpace(q), ")") {
		if r := c.names()[normalize(name)]; r != nil {
			return r, nil
		}
		if r := c.names()[normalize(abbr)]; r != nil {
			return r, nil
		}
	}
	if r, amb := c.prefix(n); r != nil {
		return r, nil
	} else if len(amb) > 0 {
		return nil, &NotFoundError{Query: q, Suggestions: amb, Ambiguous: true}
	}
	return nil, &NotFoundError{Query: q, Suggestions: c.closest(n, 3)}
}

// prefix finds roles whose title or id starts with n at a word boundary
// (or whose title starts with n, for three letters or more). It returns
// the shortest title when every other candidate's title extends it, else
// the ids of all the candidates.
func (c *Catalog) prefix(n string) (*Role, []string) {
	var cands []*Role
	for _, r := range c.Roles {
		if strings.HasPrefix(normalize(r.Title)+" ", n+" ") || strings.HasPrefix(normalize(r.ID)+" ", n+" ") ||
			strings.HasPrefix(normalize(r.Title), n) && len(n) >= 3 {
			cands = append(cands, r)
		}
	}
	if len(cands) == 0 {
		return nil, nil
	}
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].Title) < len(cands[j].Title) })
	shortest := normalize(cands[0].Title)
	extended := true
	for _, r := range cands[1:] {
		extended = extended && strings.HasPrefix(normalize(r.Title), shortest) && normalize(r.Title) != shortest
	}
	if extended {
		return cands[0], nil
	}
	ids := make([]string, len(cands))
	for i, r := range cands {
		ids[i] = r.ID
	}
	sort.Strings(ids)
	return nil, ids
}

// closest returns up to k role ids whose names are nearest to n.
func (c *Catalog) closest(n string, k int) []string {
	type cand struct {
		id string
		d  int
	}
	best := map[string]int{}
	for name, r := range c.names() {
		limit := max(2, len([]rune(n))/3+1)
		if d := editDistance(n, name, limit+1); d <= limit {
			if old, ok := best[r.ID]; !ok || d < old {
				best[r.ID] = d
			}
		}
	}
	var cs []cand
	for id, d := range best {
		cs = append(cs, cand{id, d})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].id < cs[j].id
	})
	var out []string
	for i := 0; i < len(cs) && i < k; i++ {
		out = append(out, cs[i].id)
	}
	return out
}

// Names returns every name a role can be looked up by, sorted; for shell
// completion.
func (c *Catalog) Names() []string {
	out := make([]string, 0, len(c.names()))
	for _, r := range c.Roles {
		out = append(out, r.ID)
	}
	sort.Strings(out)
	return out
}
