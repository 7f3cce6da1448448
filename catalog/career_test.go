package catalog

import (
	"reflect"
	"strings"
	"testing"

	"github.com/roledex/roledex/content"
)

// careerLinks describes a fixture role's links: "a>b,c" gives role a the
// next steps b and c; "a^m" gives it the manager m (reports_to).
func careerGraph(t *testing.T, specs ...string) *Catalog {
	t.Helper()
	roles := map[string]*Role{}
	get := func(id string) *Role {
		if roles[id] == nil {
			roles[id] = &Role{ID: id, Title: strings.ToUpper(id), Track: TrackIC}
		}
		return roles[id]
	}
	for _, s := range specs {
		sep := strings.IndexAny(s, ">^")
		if sep < 0 {
			get(s)
			continue
		}
		r := get(s[:sep])
		for _, to := range strings.Split(s[sep+1:], ",") {
			get(to)
			if s[sep] == '>' {
				r.NextRoles = append(r.NextRoles, to)
			} else {
				r.ReportsTo = append(r.ReportsTo, to)
			}
		}
	}
	c := newCatalog(roles, map[string]*Pillar{}, map[string]*Task{})
	c.index()
	return c
}

// careerRoutes renders paths compactly: "a>b^c" for a next step to b, then
// up the reporting line to c.
func careerRoutes(ps []Path) []string {
	out := []string{}
	for _, p := range ps {
		var b strings.Builder
		b.WriteString(p[0].From)
		for _, s := range p {
			switch s.Via {
			case StepNext:
				b.WriteString(">")
			case StepReportsTo:
				b.WriteString("^")
			default:
				b.WriteString("?")
			}
			b.WriteString(s.To)
		}
		out = append(out, b.String())
	}
	return out
}

func careerExpect(t *testing.T, got []Path, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if g := careerRoutes(got); !reflect.DeepEqual(g, want) {
		t.Errorf("routes = %q, want %q", g, want)
	}
	for _, p := range got {
		for i := 1; i < len(p); i++ {
			if p[i].From != p[i-1].To {
				t.Errorf("path %v is not connected at step %d", p, i)
			}
		}
		seen := map[string]bool{}
		for _, id := range p.Roles() {
			if seen[id] {
				t.Errorf("path %v visits %s twice", p.Roles(), id)
			}
			seen[id] = true
		}
	}
}

func TestPathsNoRoute(t *testing.T) {
	c := careerGraph(t, "a>b", "b^m", "island", "x>a")
	careerExpect(t, c.Paths("a", "island", 5))
	careerExpect(t, c.Paths("island", "a", 5))
	// Links are directed: nothing leads back down from a manager.
	careerExpect(t, c.Paths("m", "a", 5))
	careerExpect(t, c.Paths("b", "x", 5))
	careerExpect(t, c.Paths("a", "a", 5))
	careerExpect(t, c.Paths("a", "nobody", 5))
	careerExpect(t, c.Paths("nobody", "a", 5))
	careerExpect(t, c.Paths("a", "m", 0))
	careerExpect(t, c.Paths("x", "m", 5), "x>a>b^m")
}

func TestPathsCycles(t *testing.T) {
	// a → b → c → a is a loop; d hangs off b, and e can only reach the loop.
	c := careerGraph(t, "a>b", "b>c,d", "c>a", "e>a")
	careerExpect(t, c.Paths("a", "d", 10), "a>b>d")
	careerExpect(t, c.Paths("c", "d", 10), "c>a>b>d")
	careerExpect(t, c.Paths("b", "a", 10), "b>c>a")
	careerExpect(t, c.Paths("a", "e", 10))
	// Two loops in a row: each route stays simple, and all are found.
	c = careerGraph(t, "s>a,b", "a>b,t", "b>a,t")
	careerExpect(t, c.Paths("s", "t", 10), "s>a>t", "s>b>t", "s>a>b>t", "s>b>a>t")
	// A loop next to the route, in a graph big enough that going round it
	// would still be short enough to list: routes never go round.
	c = careerGraph(t, "x1>x2", "x2>x3", "x3>s", "s>a", "a>b,t", "b>a")
	careerExpect(t, c.Paths("s", "t", 10), "s>a>t")
	careerExpect(t, c.Paths("x1", "t", 10), "x1>x2>x3>s>a>t")
}

func TestPathsSeveralEqualRoutes(t *testing.T) {
	// A diamond (s-b-t, s-c-t) and a longer way round (s-d-e-t). Links are
	// listed out of order; routes of one length come out by id.
	c := careerGraph(t, "s>d,c,b", "b>t", "c>t", "d>e", "e>t")
	careerExpect(t, c.Paths("s", "t", 10), "s>b>t", "s>c>t", "s>d>e>t")
	careerExpect(t, c.Paths("s", "t", 2), "s>b>t", "s>c>t")
	careerExpect(t, c.Paths("s", "t", 1), "s>b>t")
	// All routes of the shortest length come before any longer one, even
	// when a longer one sorts first by id.
	c = careerGraph(t, "s>a,z", "a>a2", "a2>t", "z>t")
	careerExpect(t, c.Paths("s", "t", 10), "s>z>t", "s>a>a2>t")
}

func TestPathsReportingLineUpward(t *testing.T) {
	c := careerGraph(t, "ic^lead", "lead^director", "director^vp")
	careerExpect(t, c.Paths("ic", "vp", 3), "ic^lead^director^vp")
	// A next step is listed before a move up the reporting line of the same
	// length, whatever the ids; a role named in both lists is one step.
	c = careerGraph(t, "ic>z", "ic^a", "z^t", "a>t", "ic>m", "ic^m", "m>t")
	careerExpect(t, c.Paths("ic", "t", 10), "ic>m>t", "ic>z^t", "ic^a>t")
}

func TestPathsDeterministic(t *testing.T) {
	specs := []string{"s>a,b,c", "a>t", "b>t", "c>t", "s^m", "m>t", "a>b", "b>c"}
	want := careerRoutes(careerGraph(t, specs...).Paths("s", "t", 20))
	if len(want) != 7 {
		t.Fatalf("fixture has 7 routes, got %q", want)
	}
	for i := 0; i < 20; i++ {
		rev := make([]string, len(specs))
		for j := range specs {
			rev[j] = specs[(j+i)%len(specs)]
		}
		if got := careerRoutes(careerGraph(t, rev...).Paths("s", "t", 20)); !reflect.DeepEqual(got, want) {
			t.Fatalf("order changed with the order of the links:\n%q\n%q", got, want)
		}
	}
}

func TestNeighbours(t *testing.T) {
	c := careerGraph(t, "a>c,b", "b>d", "c>d,a", "d^e", "x>a")
	got := c.Neighbours("a", 4)
	want := [][]string{{"b", "c"}, {"d"}, {"e"}, nil}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Neighbours(a, 4) = %q, want %q", got, want)
	}
	if got := c.Neighbours("a", 0); got != nil {
		t.Errorf("depth 0 = %q, want nil", got)
	}
	if got := c.Neighbours("nobody", 2); got != nil {
		t.Errorf("unknown role = %q, want nil", got)
	}
}

// careerGapCatalog builds two roles with pillars, tools and dimensions.
func careerGapCatalog(t *testing.T) (*Catalog, *Role, *Role) {
	t.Helper()
	dev := &Role{ID: "dev", Title: "Developer", Track: TrackIC,
		Tools:            []string{"Terraform", "Jenkins", "Git"},
		Responsibilities: []string{"Builds and maintains the CI/CD pipelines for every service.", "Writes unit tests for the payment code."}}
	lead := &Role{ID: "lead", Title: "Lead", Track: TrackLead,
		Tools:            []string{"terraform", "PagerDuty", "Git", "Jira"},
		Responsibilities: []string{"Maintains the CI/CD pipelines for all services and reviews changes.", "Hires and coaches the engineers on the team."}}
	same := "Works on the services of one product area and their deployment."
	dev.Dimensions[2], lead.Dimensions[2] = same, same
	dev.Dimensions[5] = "Manages nobody."
	lead.Dimensions[5] = "Leads a group of five engineers, sets priorities and runs one-to-ones."
	lead.Dimensions[9] = "Moves on to director."
	dev.Dimensions[0] = "Writes code."
	lead.Dimensions[0] = "Guides the architecture and delivery of a product area."
	pillars := map[string]*Pillar{
		"reliability": {ID: "reliability", Title: "Reliability", Order: 1, Groups: []Group{
			{Name: "Eng", Members: []Member{{Role: "dev", Contribution: "Keeps pipelines green."}, {Role: "lead", Contribution: "Sets SLOs."}}}}},
		"security": {ID: "security", Title: "Security", Order: 2, Groups: []Group{
			{Name: "Eng", Members: []Member{{Role: "lead", Contribution: "Approves risky changes."}}},
			{Name: "Gov", Members: []Member{{Role: "lead", Contribution: "Signs off audits."}}}}},
		"cost": {ID: "cost", Title: "Cost", Order: 3, Groups: []Group{
			{Name: "Eng", Members: []Member{{Role: "dev", Contribution: "Turns idle machines off."}}}}},
	}
	c := newCatalog(map[string]*Role{"dev": dev, "lead": lead}, pillars, map[string]*Task{})
	c.index()
	return c, dev, lead
}

func careerItems(items []GapItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Kind+":"+it.Text+"@"+it.From)
	}
	return out
}

func TestGap(t *testing.T) {
	c, dev, lead := careerGapCatalog(t)
	g := c.Gap(dev, lead)
	if g.From != dev || g.To != lead {
		t.Fatalf("Gap roles = %v, %v", g.From, g.To)
	}
	wantAdds := []string{
		"responsibility:Hires and coaches the engineers on the team.@lead",
		"tool:PagerDuty@lead",
		"tool:Jira@lead",
		"pillar:Approves risky changes. Signs off audits.@lead",
	}
	if got := careerItems(g.Adds); !reflect.DeepEqual(got, wantAdds) {
		t.Errorf("Adds =\n%q\nwant\n%q", got, wantAdds)
	}
	wantDrops := []string{
		"responsibility:Writes unit tests for the payment code.@dev",
		"tool:Jenkins@dev",
		"pillar:Turns idle machines off.@dev",
	}
	if got := careerItems(g.Drops); !reflect.DeepEqual(got, wantDrops) {
		t.Errorf("Drops =\n%q\nwant\n%q", got, wantDrops)
	}
	// Scope reads the same and dimensions neither role describes are no
	// change; one the target alone describes is.
	var dims []string
	for _, ch := range g.Changes {
		dims = append(dims, ch.Dimension.Key+": "+ch.From+" → "+ch.To)
	}
	wantDims := []string{
		"primary_role: Writes code. → Guides the architecture and delivery of a product area.",
		"team_management: Manages nobody. → Leads a group of five engineers, sets priorities and runs one-to-ones.",
		"professional_development:  → Moves on to director.",
	}
	if !reflect.DeepEqual(dims, wantDims) {
		t.Errorf("Changes = %q, want %q", dims, wantDims)
	}

	list := g.Checklist()
	var ids []string
	for _, it := range list {
		ids = append(ids, it.ID)
	}
	wantIDs := []string{
		"responsibility-hires-and-coaches-the-" + textSlug("Hires and coaches the engineers on the team.")[len("hires-and-coaches-the-"):],
		"tool-pagerduty", "tool-jira", "pillar-security",
		"dimension-primary-role", "dimension-team-management", "dimension-professional-development",
	}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("checklist ids = %q, want %q", ids, wantIDs)
	}
	if last := list[len(list)-2]; last.Kind != GapDimension || last.Label != "Team management" || last.From != "lead" ||
		!strings.HasPrefix(last.Text, "Leads a group") {
		t.Errorf("dimension item = %+v", last)
	}
	if got := list[3]; got.Label != "Security" {
		t.Errorf("pillar item label = %q, want Security", got.Label)
	}
	// Nothing moves in the other direction that was not dropped here.
	back := c.Gap(lead, dev)
	if len(back.Adds) != len(g.Drops) || len(back.Drops) != len(g.Adds) || len(back.Changes) != len(g.Changes) {
		t.Errorf("reverse gap is not the mirror image: %d/%d adds, %d/%d drops", len(back.Adds), len(g.Drops), len(back.Drops), len(g.Adds))
	}
	if self := c.Gap(dev, dev); len(self.Adds)+len(self.Drops)+len(self.Changes) != 0 {
		t.Errorf("gap of a role with itself = %+v", self)
	}
}

func TestGapItemIDsAreStable(t *testing.T) {
	c, dev, lead := careerGapCatalog(t)
	first := c.Gap(dev, lead).Checklist()
	again := c.Gap(dev, lead).Checklist()
	if !reflect.DeepEqual(first, again) {
		t.Fatalf("two runs differ:\n%v\n%v", first, again)
	}
	seen := map[string]bool{}
	for _, it := range first {
		if seen[it.ID] {
			t.Errorf("id %q is used twice", it.ID)
		}
		seen[it.ID] = true
		if !strings.HasPrefix(it.ID, it.Kind+"-") {
			t.Errorf("id %q does not start with its kind %q", it.ID, it.Kind)
		}
	}
	// The id follows the text: punctuation and case do not matter, words do.
	a := textSlug("Hires and coaches the engineers on the team.")
	if b := textSlug("hires AND coaches the engineers, on the team"); a != b {
		t.Errorf("slug changed with case and punctuation: %q vs %q", a, b)
	}
	if b := textSlug("Hires and coaches the engineers on the platform team."); a == b {
		t.Errorf("different duties share the id %q", a)
	}
	if s := textSlug("Ünïcödé ßtraße wörds everywhere in this long duty text"); !strings.HasPrefix(s, "ünïcödé-ßtraße-wörds-everywhere") {
		t.Errorf("slug = %q", s)
	}
}

func TestCareerOnBuiltInCatalog(t *testing.T) {
	c, probs := Load(Source{FS: content.FS, Name: "content"})
	for _, p := range probs {
		t.Logf("catalog problem: %v", p)
	}
	for _, target := range []string{"sre-lead", "vp-infrastructure"} {
		ps := c.Paths("devops-engineer", target, 3)
		if len(ps) == 0 {
			t.Errorf("no route from devops-engineer to %s", target)
			continue
		}
		// devops-engineer names both as next steps: the first route is direct.
		if got := careerRoutes(ps[:1]); got[0] != "devops-engineer>"+target {
			t.Errorf("first route to %s = %s, want the direct next step", target, got[0])
		}
		for i := 1; i < len(ps); i++ {
			if len(ps[i]) < len(ps[i-1]) {
				t.Errorf("route %d to %s is shorter than the one before", i, target)
			}
		}
		g := c.Gap(c.Role("devops-engineer"), c.Role(target))
		if len(g.Checklist()) == 0 {
			t.Errorf("gap devops-engineer → %s is empty", target)
		}
	}
	near := c.Neighbours("devops-engineer", 1)
	for _, want := range []string{"sre-lead", "vp-infrastructure"} {
		found := false
		for _, id := range near[0] {
			found = found || id == want
		}
		if !found {
			t.Errorf("%s is not one step from devops-engineer: %q", want, near[0])
		}
	}
}
