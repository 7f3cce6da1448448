package catalog

import (
	"reflect"
	"strings"
	"testing"
)

// cmpRole builds a role for comparison tests; dims maps dimension names
// to their text.
func cmpRole(id string, duties []string, dims map[string]string) *Role {
	r := &Role{ID: id, Title: strings.ToUpper(id[:1]) + id[1:], Track: TrackIC, Responsibilities: duties}
	for name, text := range dims {
		i := DimensionIndex(name)
		if i < 0 {
			panic("unknown dimension " + name)
		}
		r.Dimensions[i] = text
	}
	return r
}

var (
	cmpA = cmpRole("alpha", []string{
		"Builds the CI/CD pipelines that test and ship every service.",
		"Writes Terraform modules for networks and databases.",
		"Plans the yearly hardware budget with finance.",
	}, map[string]string{
		"Primary role":  "Automates delivery of software to production.",
		"Scope":         "All services of the shop.",
		"Communication": "Posts weekly status notes to the team.",
	})
	cmpB = cmpRole("bravo", []string{
		"Looks after the CI/CD pipelines of all product teams.",
		"Interviews candidates for open positions.",
		"Joins the on-call rotation and restores service after outages.",
	}, map[string]string{
		"Primary role":  "Hires and coaches engineers.",
		"Scope":         "All services of the shop.",
		"Communication": "Posts weekly status notes to the whole team.",
	})
	cmpC = cmpRole("charlie", []string{
		"Takes a turn on call and leads the response to outages.",
		"Paints the office walls.",
	}, map[string]string{
		"Primary role":  "Keeps production running.",
		"Scope":         "All services of the shop.",
		"Communication": "Sends a monthly newsletter to investors.",
	})
)

// alikeRows returns, per dimension name, whether the row is alike.
func alikeRows(cmp Comparison) map[string]bool {
	out := map[string]bool{}
	for _, r := range cmp.Rows {
		out[r.Dimension.Name] = r.Alike
	}
	return out
}

func TestCompareTwo(t *testing.T) {
	cmp := Compare(cmpA, cmpB)
	if len(cmp.Roles) != 2 || cmp.Roles[0] != cmpA || cmp.Roles[1] != cmpB {
		t.Fatalf("roles = %v", cmp.Roles)
	}
	wantShared := []SharedDuty{{Texts: []string{cmpA.Responsibilities[0], cmpB.Responsibilities[0]}}}
	if !reflect.DeepEqual(cmp.Shared, wantShared) {
		t.Errorf("shared = %q, want %q", cmp.Shared, wantShared)
	}
	wantUnique := [][]string{
		{cmpA.Responsibilities[1], cmpA.Responsibilities[2]},
		{cmpB.Responsibilities[1], cmpB.Responsibilities[2]},
	}
	if !reflect.DeepEqual(cmp.Unique, wantUnique) {
		t.Errorf("unique = %q, want %q", cmp.Unique, wantUnique)
	}

	if len(cmp.Rows) != len(Dimensions) {
		t.Fatalf("%d rows, want one per dimension", len(cmp.Rows))
	}
	for i, row := range cmp.Rows {
		if row.Dimension != Dimensions[i] {
			t.Errorf("row %d is %s, want %s", i, row.Dimension.Name, Dimensions[i].Name)
		}
		if want := []string{cmpA.Dimensions[i], cmpB.Dimensions[i]}; !reflect.DeepEqual(row.Values, want) {
			t.Errorf("row %s values = %q, want %q", row.Dimension.Name, row.Values, want)
		}
	}
	alike := alikeRows(cmp)
	for name, want := range map[string]bool{
		"Primary role":    false, // different work
		"Scope":           true,  // same words
		"Communication":   true,  // one extra word
		"Team management": true,  // neither role says anything: both read "—"
	} {
		if alike[name] != want {
			t.Errorf("row %s alike = %v, want %v", name, alike[name], want)
		}
	}
}

func TestCompareThree(t *testing.T) {
	cmp := Compare(cmpA, cmpB, cmpC)
	wantShared := []SharedDuty{
		{Texts: []string{cmpA.Responsibilities[0], cmpB.Responsibilities[0], ""}},
		{Texts: []string{"", cmpB.Responsibilities[2], cmpC.Responsibilities[0]}},
	}
	// Groups come out strongest pair first; compare as a set.
	if !sameShared(cmp.Shared, wantShared) {
		t.Errorf("shared = %q, want %q", cmp.Shared, wantShared)
	}
	wantUnique := [][]string{
		{cmpA.Responsibilities[1], cmpA.Responsibilities[2]},
		{cmpB.Responsibilities[1]},
		{cmpC.Responsibilities[1]},
	}
	if !reflect.DeepEqual(cmp.Unique, wantUnique) {
		t.Errorf("unique = %q, want %q", cmp.Unique, wantUnique)
	}
	alike := alikeRows(cmp)
	if !alike["Scope"] || alike["Communication"] || alike["Primary role"] {
		t.Errorf("alike = %v: Scope alike for all three; Communication differs for charlie", alike)
	}
	for _, row := range cmp.Rows {
		if len(row.Values) != 3 {
			t.Errorf("row %s has %d values, want 3", row.Dimension.Name, len(row.Values))
		}
	}
}

func sameShared(a, b []SharedDuty) bool {
	if len(a) != len(b) {
		return false
	}
	used := make([]bool, len(b))
	for _, x := range a {
		found := false
		for j, y := range b {
			if !used[j] && reflect.DeepEqual(x, y) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func TestCompareEveryDutyOnce(t *testing.T) {
	// Each responsibility is in exactly one place: one shared group or its
	// role's unique list, whatever the overlap.
	d := cmpRole("delta", []string{
		"Builds CI/CD pipelines.", "Maintains CI/CD pipelines.", "Fixes CI/CD pipelines.",
	}, nil)
	e := cmpRole("echo", []string{"Builds CI/CD pipelines."}, nil)
	cmp := Compare(d, e)
	count := map[string]int{}
	for _, s := range cmp.Shared {
		n := 0
		for _, t := range s.Texts {
			if t != "" {
				count[t]++
				n++
			}
		}
		if n < 2 {
			t.Errorf("shared group with %d roles: %q", n, s.Texts)
		}
	}
	for _, u := range cmp.Unique {
		for _, t := range u {
			count[t]++
		}
	}
	for _, r := range []*Role{d, e} {
		for _, duty := range r.Responsibilities {
			if r == e && count[duty] != 2 || r == d && duty != "Builds CI/CD pipelines." && count[duty] != 1 {
				t.Errorf("%s: %q placed %d times", r.ID, duty, count[duty])
			}
		}
	}
	// echo's single duty pairs with delta's identical one, not with the others.
	if len(cmp.Shared) != 1 || cmp.Shared[0].Texts[0] != "Builds CI/CD pipelines." {
		t.Errorf("shared = %q, want the identical duties paired", cmp.Shared)
	}
	if len(cmp.Unique[0]) != 2 || len(cmp.Unique[1]) != 0 {
		t.Errorf("unique = %q", cmp.Unique)
	}
}

func TestComparisonMarkdown(t *testing.T) {
	cmp := Compare(cmpA, cmpB)
	full := ComparisonMarkdown(cmp, false)
	diff := ComparisonMarkdown(cmp, true)
	for _, want := range []string{
		"# Alpha vs Bravo\n",
		"| Dimension | Alpha | Bravo |\n|---|---|---|\n",
		"| **Primary role** | Automates delivery of software to production. | Hires and coaches engineers. |\n",
		"| **Team management** | — | — |\n",
		"## Shared responsibilities\n\n- Builds the CI/CD pipelines that test and ship every service. (*Alpha*) ≈ Looks after the CI/CD pipelines of all product teams. (*Bravo*)\n",
		"## Only Alpha\n\n- Writes Terraform modules for networks and databases.\n- Plans the yearly hardware budget with finance.\n",
	} {
		if !strings.Contains(full, want) {
			t.Errorf("markdown lacks %q:\n%s", want, full)
		}
	}
	if !strings.Contains(diff, "**Primary role**") || strings.Contains(diff, "**Scope**") || strings.Contains(diff, "**Team management**") {
		t.Errorf("--diff markdown must keep only differing rows:\n%s", diff)
	}
	// Markdown syntax in role text is escaped, so a title cannot break the table.
	odd := cmpRole("pipe", []string{"x"}, map[string]string{"Scope": "a | b <i>"})
	odd.Title = "Pipe|Role"
	md := ComparisonMarkdown(Compare(odd, cmpA), false)
	if !strings.Contains(md, `Pipe\|Role`) || !strings.Contains(md, `a \| b &lt;i&gt;`) {
		t.Errorf("markdown not escaped:\n%s", md)
	}
}
