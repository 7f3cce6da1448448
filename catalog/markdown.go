package catalog

import (
	"fmt"
	"regexp"
	"strings"
)

// entityStart matches the start of what a markdown renderer may decode
// as a character reference: numeric (&#27;, &#x1b;, which can make any
// control character, with or without its semicolon) or named (&lrm; is a
// bidirectional mark).
var entityStart = regexp.MustCompile(`^&(#|[0-9A-Za-z]+;)`)

// escape writes s to a string with HTML made inert: < and >, and an &
// that starts an entity; a bare & ("R&D", "Reliability & Operations")
// cannot form one and stays as written, so the markdown reads cleanly
// when pasted. markup, when set, writes the other runes.
func escape(s string, markup func(b *strings.Builder, r rune)) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '&' && entityStart.MatchString(s[i:]):
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case markup != nil:
			markup(&b, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// EscapeMarkdown makes catalog text safe to embed in generated markdown:
// HTML entities and tags cannot be formed from it (so a renderer never
// decodes "&#27;" into a live escape) and inline markup characters are
// taken literally.
func EscapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "&<>*_`[]\\|#~") {
		return s
	}
	return escape(s, func(b *strings.Builder, r rune) {
		if strings.ContainsRune("*_`[]\\|#~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	})
}

// Markdown section headings of a role page; the UI finds lines by them.
const (
	SectionResponsibilities = "Responsibilities"
	SectionTools            = "Tools"
	SectionDimensions       = "Dimensions"
	SectionPillars          = "Pillars"
	SectionTasks            = "Tasks"
	SectionCareer           = "Career"
	SectionNotes            = "Notes"
)

// RoleMarkdown returns the page of a role as markdown: everything the
// catalog knows about it, including its pillar contributions and tasks.
func (c *Catalog) RoleMarkdown(r *Role) string {
	var b strings.Builder
	e := EscapeMarkdown
	fmt.Fprintf(&b, "# %s\n\n", e(r.Title))
	fmt.Fprintf(&b, "%s\n\n", e(r.Summary))
	fmt.Fprintf(&b, "**Family:** %s · **Track:** %s\n", e(r.Family), e(string(r.Track)))
	if len(r.Aliases) > 0 {
		fmt.Fprintf(&b, "\n**Also called:** %s\n", e(strings.Join(r.Aliases, ", ")))
	}
	fmt.Fprintf(&b, "\n**Id:** %s\n", e(r.ID))
	fmt.Fprintf(&b, "\n## %s\n\n", SectionResponsibilities)
	for _, d := range r.Responsibilities {
		fmt.Fprintf(&b, "- %s\n", e(d))
	}
	if len(r.Tools) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", SectionTools, e(strings.Join(r.Tools, " · ")))
	}
	fmt.Fprintf(&b, "\n## %s\n", SectionDimensions)
	for i, d := range Dimensions {
		text := r.Dimensions[i]
		if text == "" {
			text = "—"
		}
		fmt.Fprintf(&b, "\n### %s\n\n%s\n", d.Name, e(text))
	}
	if cs := c.Contributions(r.ID); len(cs) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", SectionPillars)
		for _, ct := range cs {
			fmt.Fprintf(&b, "- **%s** (%s): %s\n", e(ct.Pillar.Title), e(ct.Group), e(ct.Text))
		}
	}
	if tr := c.TasksOf(r.ID); len(tr.Owns)+len(tr.Helps)+len(tr.SmallOrg) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", SectionTasks)
		taskLine := func(label string, ts []*Task) {
			if len(ts) == 0 {
				return
			}
			names := make([]string, len(ts))
			for i, t := range ts {
				names[i] = e(t.Title)
			}
			fmt.Fprintf(&b, "- **%s:** %s\n", label, strings.Join(names, "; "))
		}
		taskLine("Owns", tr.Owns)
		taskLine("Helps with", tr.Helps)
		taskLine("Takes on in a small organisation", tr.SmallOrg)
	}
	fmt.Fprintf(&b, "\n## %s\n\n", SectionCareer)
	c.linkLine(&b, "Reports to", r.ReportsTo)
	c.linkLine(&b, "Next steps", r.NextRoles)
	c.linkLine(&b, "Related", r.Related)
	var from []string
	for _, x := range c.ReportsFrom(r.ID) {
		from = append(from, x.ID)
	}
	c.linkLine(&b, "Reported to by", from)
	if r.Notes != "" {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", SectionNotes, escapeBlock(r.Notes))
	}
	return b.String()
}

func (c *Catalog) linkLine(b *strings.Builder, label string, ids []string) {
	if len(ids) == 0 {
		fmt.Fprintf(b, "- **%s:** —\n", label)
		return
	}
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if r := c.Role(id); r != nil {
			names = append(names, EscapeMarkdown(r.Title))
		}
	}
	fmt.Fprintf(b, "- **%s:** %s\n", label, strings.Join(names, ", "))
}

// escapeBlock keeps the markdown structure of free text (lists, emphasis,
// links) but makes HTML and character references inert. An "&" that
// starts no reference stays as it is: escaping it too would show as
// "&amp;" in code and in link addresses (?a=1&b=2), which are not decoded.
func escapeBlock(s string) string { return escape(s, nil) }

// ComparisonMarkdown returns a comparison as markdown: a table of the
// dimensions (only those that differ when diffOnly), then shared and
// unique responsibilities.
func ComparisonMarkdown(cmp Comparison, diffOnly bool) string {
	var b strings.Builder
	e := func(s string) string { return strings.ReplaceAll(EscapeMarkdown(s), "\n", " ") }
	titles := make([]string, len(cmp.Roles))
	for i, r := range cmp.Roles {
		titles[i] = e(r.Title)
	}
	fmt.Fprintf(&b, "# %s\n\n", strings.Join(titles, " vs "))
	fmt.Fprintf(&b, "| Dimension | %s |\n|---|%s\n", strings.Join(titles, " | "), strings.Repeat("---|", len(titles)))
	for _, row := range cmp.Rows {
		if diffOnly && row.Alike {
			continue
		}
		vals := make([]string, len(row.Values))
		for i, v := range row.Values {
			vals[i] = e(v)
			if v == "" {
				vals[i] = "—"
			}
		}
		fmt.Fprintf(&b, "| **%s** | %s |\n", row.Dimension.Name, strings.Join(vals, " | "))
	}
	b.WriteString("\n## Shared responsibilities\n\n")
	if len(cmp.Shared) == 0 {
		b.WriteString("None in common.\n")
	}
	for _, s := range cmp.Shared {
		var parts []string
		for i, t := range s.Texts {
			if t != "" {
				parts = append(parts, fmt.Sprintf("%s (*%s*)", e(t), titles[i]))
			}
		}
		fmt.Fprintf(&b, "- %s\n", strings.Join(parts, " ≈ "))
	}
	for i, r := range cmp.Roles {
		fmt.Fprintf(&b, "\n## Only %s\n\n", e(r.Title))
		if len(cmp.Unique[i]) == 0 {
			b.WriteString("Nothing of its own.\n")
		}
		for _, d := range cmp.Unique[i] {
			fmt.Fprintf(&b, "- %s\n", e(d))
		}
	}
	return b.String()
}
