package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// StepKind says which career link a step of a path follows.
type StepKind string

// The two links career paths follow.
const (
	// StepNext follows a role's next_roles: a common career move.
	StepNext StepKind = "next step"
	// StepReportsTo follows a role's reports_to: moving up the
	// reporting line.
	StepReportsTo StepKind = "reports to"
)

// Step is one move along a career path, between two role ids.
type Step struct {
	From, To string
	Via      StepKind
}

// Path is a route from one role to another, one step per move. It is never
// empty when returned by Paths.
type Path []Step

// Roles returns the role ids the path visits, start and end included.
func (p Path) Roles() []string {
	if len(p) == 0 {
		return nil
	}
	out := []string{p[0].From}
	for _, s := range p {
		out = append(out, s.To)
	}
	return out
}

// edge is one outgoing career link of a role.
type edge struct {
	to  string
	via StepKind
}

// careerEdges returns the outgoing links of role id in the order paths are
// listed: next steps before reporting lines, then by id. A target named by
// both lists counts once, as a next step.
func (c *Catalog) careerEdges(id string) []edge {
	r := c.Role(id)
	if r == nil {
		return nil
	}
	seen := map[string]bool{id: true} // no self-loops
	var next, up []edge
	for _, to := range r.NextRoles {
		if !seen[to] && c.Role(to) != nil {
			seen[to] = true
			next = append(next, edge{to, StepNext})
		}
	}
	for _, to := range r.ReportsTo {
		if !seen[to] && c.Role(to) != nil {
			seen[to] = true
			up = append(up, edge{to, StepReportsTo})
		}
	}
	byID := func(es []edge) { sort.Slice(es, func(i, j int) bool { return es[i].to < es[j].to }) }
	byID(next)
	byID(up)
	return append(next, up...)
}

// distancesTo returns, for every role that can reach to, the fewest steps
// it needs (a breadth-first search over the reversed links).
func (c *Catalog) distancesTo(to string) map[string]int {
	rev := map[string][]string{}
	for _, r := range c.Roles {
		for _, e := range c.careerEdges(r.ID) {
			rev[e.to] = append(rev[e.to], r.ID)
		}
	}
	dist := map[string]int{to: 0}
	queue := []string{to}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, u := range rev[v] {
			if _, ok := dist[u]; !ok {
				dist[u] = dist[v] + 1
				queue = append(queue, u)
			}
		}
	}
	return dist
}

// maxPathWork bounds the search for longer alternatives so that a large,
// densely linked catalog cannot stall a command; the shortest routes are
// always found first.
const maxPathWork = 200_000

// Paths returns up to k simple routes from role from to role to along
// next_roles and reports_to links: every route of the shortest length
// first, then those one step longer, and so on. Routes of one length are
// ordered step by step, next steps before reporting lines, then by role
// id, so the order never changes between runs. The result is empty when
// no route exists, when either id is unknown, when from == to or k < 1.
func (c *Catalog) Paths(from, to string, k int) []Path {
	if k < 1 || from == to || c.Role(from) == nil || c.Role(to) == nil {
		return nil
	}
	dist := c.distancesTo(to)
	shortest, ok := dist[from]
	if !ok {
		return nil
	}
	edges := map[string][]edge{}
	edgesOf := func(id string) []edge {
		es, ok := edges[id]
		if !ok {
			es = c.careerEdges(id)
			edges[id] = es
		}
		return es
	}
	var out []Path
	work := 0
	onPath := map[string]bool{from: true}
	var steps Path
	// walk extends steps from v with exactly left more steps to reach to.
	var walk func(v string, left int)
	walk = func(v string, left int) {
		if len(out) >= k || work > maxPathWork {
			return
		}
		work++
		if left == 0 {
			if v == to {
				out = append(out, append(Path(nil), steps...))
			}
			return
		}
		for _, e := range edgesOf(v) {
			d, reach := dist[e.to]
			if !reach || d > left-1 || onPath[e.to] || e.to == to && left > 1 {
				continue
			}
			onPath[e.to] = true
			steps = append(steps, Step{From: v, To: e.to, Via: e.via})
			walk(e.to, left-1)
			steps = steps[:len(steps)-1]
			onPath[e.to] = false
		}
	}
	// A simple path visits each reachable role at most once.
	for length := shortest; length < len(dist) && len(out) < k && work <= maxPathWork; length++ {
		walk(from, length)
	}
	return out
}

// Neighbours returns the roles reachable from role from along next_roles
// and reports_to links, by distance: element i holds the ids of the roles
// whose shortest route takes exactly i+1 steps, sorted. The result has
// depth elements (some may be empty); it is nil for an unknown role or
// depth < 1.
func (c *Catalog) Neighbours(from string, depth int) [][]string {
	if depth < 1 || c.Role(from) == nil {
		return nil
	}
	out := make([][]string, depth)
	seen := map[string]bool{from: true}
	layer := []string{from}
	for d := 0; d < depth; d++ {
		var next []string
		for _, v := range layer {
			for _, e := range c.careerEdges(v) {
				if !seen[e.to] {
					seen[e.to] = true
					next = append(next, e.to)
				}
			}
		}
		sort.Strings(next)
		out[d] = next
		layer = next
	}
	return out
}

// Kinds of gap items.
const (
	GapResponsibility = "responsibility"
	GapTool           = "tool"
	GapPillar         = "pillar"
	GapDimension      = "dimension"
)

// GapItem is one thing that differs between a current and a target role,
// a line of the mentee's checklist.
type GapItem struct {
	// ID is stable across runs and catalog reloads as long as the text
	// (for responsibilities), the tool name, the pillar or the dimension
	// stays the same, so ticks saved against it persist. It is the kind,
	// a hyphen and a slug: "tool-terraform", "pillar-reliability",
	// "dimension-scope", "responsibility-<first words>-<hash>".
	ID string
	// Kind is one of GapResponsibility, GapTool, GapPillar, GapDimension.
	Kind string
	// Text is the responsibility, the tool, the pillar contribution or,
	// for a dimension, the target role's text for it.
	Text string
	// From is the id of the role the item comes from: the target for
	// items to add and dimension changes, the current role for drops.
	From string
	// Label names what a pillar or dimension item is about: the pillar's
	// title or the dimension's name; empty for the other kinds.
	Label string
}

// DimChange is a dimension that reads differently in the target role.
type DimChange struct {
	Dimension Dimension
	From, To  string // the current and the target role's text
}

// Gap is what moving from one role to another adds and drops.
type Gap struct {
	From, To *Role
	// Adds holds what the target has and the current role lacks:
	// responsibilities, then tools, then pillar contributions.
	Adds []GapItem
	// Drops holds what the current role has and the target lacks, in the
	// same order.
	Drops []GapItem
	// Changes holds the dimensions whose texts do not read alike, in the
	// canonical dimension order.
	Changes []DimChange
}

// Checklist returns the items a mentee works through: the adds, then one
// item per changed dimension.
func (g Gap) Checklist() []GapItem {
	out := append([]GapItem(nil), g.Adds...)
	for _, ch := range g.Changes {
		out = append(out, dimensionItem(g.To, ch))
	}
	return out
}

func dimensionItem(to *Role, ch DimChange) GapItem {
	id := ""
	if to != nil {
		id = to.ID
	}
	return GapItem{ID: GapDimension + "-" + strings.ReplaceAll(ch.Dimension.Key, "_", "-"), Kind: GapDimension,
		Text: ch.To, From: id, Label: ch.Dimension.Name}
}

// Gap compares a current role with a target: the responsibilities Compare
// finds unique to each, the tools one has and the other lacks (compared
// case-insensitively), the pillars one contributes to and the other does
// not, and the dimensions whose texts do not read alike (a dimension
// neither role describes is left out).
func (c *Catalog) Gap(from, to *Role) Gap {
	g := Gap{From: from, To: to}
	if from == nil || to == nil || from == to {
		return g
	}
	cmp := Compare(from, to)
	for _, d := range cmp.Unique[1] {
		g.Adds = append(g.Adds, responsibilityItem(to.ID, d))
	}
	for _, d := range cmp.Unique[0] {
		g.Drops = append(g.Drops, responsibilityItem(from.ID, d))
	}
	g.Adds = append(g.Adds, toolItems(to, from)...)
	g.Drops = append(g.Drops, toolItems(from, to)...)
	g.Adds = append(g.Adds, c.pillarItems(to, from)...)
	g.Drops = append(g.Drops, c.pillarItems(from, to)...)
	for _, row := range cmp.Rows {
		// Compare never finds two empty texts alike; nothing changes there.
		if !row.Alike && (strings.TrimSpace(row.Values[0]) != "" || strings.TrimSpace(row.Values[1]) != "") {
			g.Changes = append(g.Changes, DimChange{Dimension: row.Dimension, From: row.Values[0], To: row.Values[1]})
		}
	}
	return g
}

func responsibilityItem(roleID, text string) GapItem {
	return GapItem{ID: GapResponsibility + "-" + textSlug(text), Kind: GapResponsibility, Text: text, From: roleID}
}

// toolItems returns the tools of a that b does not list.
func toolItems(a, b *Role) []GapItem {
	has := map[string]bool{}
	for _, t := range b.Tools {
		has[normalize(t)] = true
	}
	var out []GapItem
	seen := map[string]bool{}
	for _, t := range a.Tools {
		n := normalize(t)
		if n == "" || has[n] || seen[n] {
			continue
		}
		seen[n] = true
		out = append(out, GapItem{ID: GapTool + "-" + strings.ReplaceAll(n, " ", "-"), Kind: GapTool, Text: t, From: a.ID})
	}
	return out
}

// pillarItems returns a's contributions to the pillars b does not
// contribute to, one item per pillar (texts of several groups joined).
func (c *Catalog) pillarItems(a, b *Role) []GapItem {
	has := map[string]bool{}
	for _, ct := range c.Contributions(b.ID) {
		has[ct.Pillar.ID] = true
	}
	var out []GapItem
	at := map[string]int{}
	for _, ct := range c.Contributions(a.ID) {
		if has[ct.Pillar.ID] {
			continue
		}
		if i, ok := at[ct.Pillar.ID]; ok {
			if !strings.Contains(out[i].Text, ct.Text) {
				out[i].Text += " " + ct.Text
			}
			continue
		}
		at[ct.Pillar.ID] = len(out)
		out = append(out, GapItem{ID: GapPillar + "-" + ct.Pillar.ID, Kind: GapPillar, Text: ct.Text, From: a.ID, Label: ct.Pillar.Title})
	}
	return out
}

// textSlug names a text by its first words and a short hash of its
// normalized form: readable in a plan file, and the same on every run.
func textSlug(s string) string {
	n := normalize(s)
	sum := sha256.Sum256([]byte(n))
	words := strings.Fields(n)
	if len(words) > 4 {
		words = words[:4]
	}
	slug := []rune(strings.Join(words, "-"))
	if len(slug) > 32 {
		slug = []rune(strings.TrimRight(string(slug[:32]), "-"))
	}
	h := hex.EncodeToString(sum[:])[:8]
	if len(slug) == 0 {
		return h
	}
	return string(slug) + "-" + h
}
