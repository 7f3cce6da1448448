package catalog

import "slices"

// validate checks the links between entries. A dangling link is reported
// and dropped, so the entry that holds it still loads and nothing later
// has to cope with an id that leads nowhere.
func (c *Catalog) validate(probs *Problems) {
	for _, r := range c.Roles {
		line := func(field, id string) int {
			if l := r.Lines[field+"\x00"+id]; l > 0 {
				return l
			}
			return r.Lines[field]
		}
		keep := func(field string, ids []string) []string {
			out := make([]string, 0, len(ids))
			var seen map[string]bool // only for long lists: a short one is scanned
			if len(ids) > 16 {
				seen = make(map[string]bool, len(ids))
			}
			for _, id := range ids {
				switch {
				case c.roles[id] == nil:
					probs.add(r.Path, line(field, id), "%s: no role with id %q%s", field, id, c.suggest(id))
				case id == r.ID:
					probs.add(r.Path, line(field, id), "%s: a role cannot link to itself", field)
				case seen != nil && seen[id] || seen == nil && slices.Contains(out, id):
					probs.add(r.Path, line(field, id), "%s: %q is listed twice", field, id)
				default:
					if seen != nil {
						seen[id] = true
					}
					out = append(out, id)
				}
			}
			if len(out) == 0 {
				return nil
			}
			return out
		}
		r.ReportsTo = keep("reports_to", r.ReportsTo)
		r.NextRoles = keep("next_roles", r.NextRoles)
		r.Related = keep("related", r.Related)
	}
	for _, p := range c.Pillars {
		for gi := range p.Groups {
			g := &p.Groups[gi]
			var kept []Member
			seen := map[string]bool{}
			for _, m := range g.Members {
				switch {
				case c.roles[m.Role] == nil:
					probs.add(p.Path, m.Line, "group %q: no role with id %q%s", g.Name, m.Role, c.suggest(m.Role))
				case seen[m.Role]:
					probs.add(p.Path, m.Line, "group %q: role %q is listed twice", g.Name, m.Role)
				default:
					seen[m.Role] = true
					kept = append(kept, m)
				}
			}
			g.Members = kept
		}
	}
	for _, t := range c.Tasks {
		keep := func(field string, ids []string, exists func(string) bool, what string) []string {
			var out []string
			for _, id := range ids {
				if !exists(id) {
					l := t.Lines[field+"\x00"+id]
					if l == 0 {
						l = t.Lines[field]
					}
					probs.add(t.Path, l, "%s: no %s with id %q", field, what, id)
					continue
				}
				out = append(out, id)
			}
			return out
		}
		isRole := func(id string) bool { return c.roles[id] != nil }
		t.Owners = keep("owners", t.Owners, isRole, "role")
		t.Helpers = keep("helpers", t.Helpers, isRole, "role")
		t.SmallOrg = keep("small_org", t.SmallOrg, isRole, "role")
		t.Pillars = keep("pillars", t.Pillars, func(id string) bool { return c.pillars[id] != nil }, "pillar")
	}
}

// suggest returns " (did you mean …?)" for an unknown role id, or "".
func (c *Catalog) suggest(id string) string {
	const limit = 4 // editDistance answers limit for "limit or more"
	best, bestD := "", limit
	for rid := range c.roles {
		if d := editDistance(id, rid, limit); d < bestD || d == bestD && d < limit && rid < best {
			best, bestD = rid, d
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean " + best + "?)"
}

// editDistance is the Levenshtein distance of a and b, or max when it is
// at least max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= max || -d >= max {
		return max
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= max {
			return max
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], max)
}
