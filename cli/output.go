package cli

import (
	"encoding/json"
	"io"

	"github.com/charmbracelet/x/ansi"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/ui"
)

// roleSummary is a role in list output.
type roleSummary struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Aliases []string `json:"aliases"`
	Family  string   `json:"family"`
	Track   string   `json:"track"`
	Summary string   `json:"summary"`
}

// dimensionJSON is one dimension of a role.
type dimensionJSON struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// contributionJSON is a role's part in a pillar.
type contributionJSON struct {
	Pillar string `json:"pillar"`
	Group  string `json:"group"`
	Text   string `json:"text"`
}

// roleDetail is a role in show output.
type roleDetail struct {
	roleSummary
	Responsibilities []string           `json:"responsibilities"`
	Tools            []string           `json:"tools"`
	Dimensions       []dimensionJSON    `json:"dimensions"`
	ReportsTo        []string           `json:"reports_to"`
	NextRoles        []string           `json:"next_roles"`
	Related          []string           `json:"related"`
	Pillars          []contributionJSON `json:"pillars"`
	TasksOwned       []string           `json:"tasks_owned"`
	TasksHelped      []string           `json:"tasks_helped"`
	TasksSmallOrg    []string           `json:"tasks_small_org"`
	Notes            string             `json:"notes,omitempty"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func summaryOf(r *catalog.Role) roleSummary {
	return roleSummary{ID: r.ID, Title: r.Title, Aliases: nonNil(r.Aliases), Family: r.Family,
		Track: string(r.Track), Summary: r.Summary}
}

func taskIDs(ts []*catalog.Task) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func detailOf(c *catalog.Catalog, r *catalog.Role) roleDetail {
	d := roleDetail{roleSummary: summaryOf(r), Responsibilities: nonNil(r.Responsibilities), Tools: nonNil(r.Tools),
		ReportsTo: nonNil(r.ReportsTo), NextRoles: nonNil(r.NextRoles), Related: nonNil(r.Related),
		Pillars: []contributionJSON{}, Notes: r.Notes}
	for i, dim := range catalog.Dimensions {
		d.Dimensions = append(d.Dimensions, dimensionJSON{Name: dim.Name, Text: r.Dimensions[i]})
	}
	for _, ct := range c.Contributions(r.ID) {
		d.Pillars = append(d.Pillars, contributionJSON{Pillar: ct.Pillar.ID, Group: ct.Group, Text: ct.Text})
	}
	tr := c.TasksOf(r.ID)
	d.TasksOwned, d.TasksHelped, d.TasksSmallOrg = taskIDs(tr.Owns), taskIDs(tr.Helps), taskIDs(tr.SmallOrg)
	return d
}

// writeJSON prints v as indented JSON. Content is sanitized by the loader,
// and encoding/json escapes what control characters remain.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// plain removes any escape sequence from s: the last guard for output that
// must not be styled.
func plain(s string) string { return ansi.Strip(s) }

// safeWriter filters what commands print: with plain set, every escape
// sequence and control character (but newline and tab) is removed; else
// only SGR styling and safe hyperlinks pass (ui.SafeOutput). Commands
// write whole lines or documents, so sequences are not split across writes.
type safeWriter struct {
	w     io.Writer
	plain func() bool
}

func (s *safeWriter) Write(p []byte) (int, error) {
	out := ui.SafeOutput(string(p))
	if s.plain() {
		out = ansi.Strip(out)
	}
	if _, err := io.WriteString(s.w, out); err != nil {
		return 0, err
	}
	return len(p), nil
}
