package plan

import (
	"fmt"
	"strings"
	"time"

	"github.com/roledex/roledex/catalog"
)

// ExportRoutes is how many routes the exported document shows per target.
const ExportRoutes = 3

// Export returns the plan as a markdown document to take away: the
// current and target roles, and for each target a short comparison, the
// routes there, the gap checklist with what is ticked and what the move
// leaves behind; then the shortlist, the notes and the date. Tables stay
// narrow (short values only) and long texts are lists, so the document
// renders well in a terminal (glamour) as well as on the web.
func Export(c *catalog.Catalog, s State, now time.Time) string {
	var b strings.Builder
	e := catalog.EscapeMarkdown
	cur := role(c, s.Current)

	b.WriteString("# Career plan\n\n")
	fmt.Fprintf(&b, "Exported on %s.", now.Format("2 January 2006"))
	if !s.Updated.IsZero() {
		fmt.Fprintf(&b, " Last changed on %s.", s.Updated.In(now.Location()).Format("2 January 2006 at 15:04 MST"))
	}
	b.WriteString("\n\n## Where you are\n\n")
	switch {
	case s.Current == "":
		b.WriteString("No current role is set yet (`roledex plan set-current ROLE`).\n")
	case cur == nil:
		fmt.Fprintf(&b, "%s (not in the catalog).\n", unknown(s.Current))
	default:
		fmt.Fprintf(&b, "**%s**: %s, %s.\n\n%s\n", e(cur.Title), e(string(cur.Track)), e(cur.Family), e(cur.Summary))
	}

	b.WriteString("\n## Where you want to be\n\n")
	if len(s.Targets) == 0 {
		b.WriteString("No target role is set yet (`roledex plan add-target ROLE`).\n")
	}
	for _, id := range s.Targets {
		b.WriteString("- " + roleLine(c, id) + "\n")
	}

	for _, id := range s.Targets {
		to := role(c, id)
		title := unknown(id)
		if to != nil {
			title = e(to.Title)
		}
		fmt.Fprintf(&b, "\n## Toward %s\n\n", title)
		switch {
		case to == nil:
			b.WriteString("This role is not in the catalog; load the catalog that defines it (`--catalog DIR`).\n")
			continue
		case cur == nil:
			b.WriteString("Set a current role to see the route and the gap.\n")
			continue
		case cur == to:
			b.WriteString("This is the current role already.\n")
			continue
		}
		writeComparison(&b, c, cur, to)
		writePaths(&b, c, cur, to)
		writeGap(&b, c.Gap(cur, to), s)
	}

	if len(s.Shortlist) > 0 {
		b.WriteString("\n## Shortlist\n\n")
		for _, id := range s.Shortlist {
			b.WriteString("- " + roleLine(c, id) + "\n")
		}
	}

	b.WriteString("\n## Notes\n\n")
	if strings.TrimSpace(s.Notes) == "" {
		b.WriteString("No notes yet.\n")
	} else {
		b.WriteString(notesBlock(s.Notes) + "\n")
	}
	return b.String()
}

func role(c *catalog.Catalog, id string) *catalog.Role {
	if id == "" || c == nil {
		return nil
	}
	return c.Role(id)
}

// unknown shows an id the catalog does not know, taken literally.
func unknown(id string) string {
	return "“" + catalog.EscapeMarkdown(catalog.Sanitize(id)) + "”"
}

// roleLine is a role as a list item: title, track and summary.
func roleLine(c *catalog.Catalog, id string) string {
	r := role(c, id)
	if r == nil {
		return unknown(id) + " (not in the catalog)"
	}
	e := catalog.EscapeMarkdown
	return fmt.Sprintf("**%s** (%s): %s", e(r.Title), e(string(r.Track)), e(r.Summary))
}

// writeComparison writes a narrow table of short facts; the dimension
// texts go to the checklist, as list items.
func writeComparison(b *strings.Builder, c *catalog.Catalog, from, to *catalog.Role) {
	e := catalog.EscapeMarkdown
	b.WriteString("### Comparison\n\n")
	fmt.Fprintf(b, "| | %s | %s |\n|---|---|---|\n", e(from.Title), e(to.Title))
	fmt.Fprintf(b, "| Track | %s | %s |\n", e(string(from.Track)), e(string(to.Track)))
	fmt.Fprintf(b, "| Family | %s | %s |\n", e(from.Family), e(to.Family))
	fmt.Fprintf(b, "| Duties | %d | %d |\n", len(from.Responsibilities), len(to.Responsibilities))
	fmt.Fprintf(b, "| Tools | %d | %d |\n", len(from.Tools), len(to.Tools))
	fmt.Fprintf(b, "| Pillars | %d | %d |\n", pillarCount(c, from), pillarCount(c, to))
}

func pillarCount(c *catalog.Catalog, r *catalog.Role) int {
	seen := map[string]bool{}
	for _, ct := range c.Contributions(r.ID) {
		seen[ct.Pillar.ID] = true
	}
	return len(seen)
}

func writePaths(b *strings.Builder, c *catalog.Catalog, from, to *catalog.Role) {
	b.WriteString("\n### Route\n\n")
	paths := c.Paths(from.ID, to.ID, ExportRoutes)
	if len(paths) == 0 {
		fmt.Fprintf(b, "No route leads from %s to %s through next steps or reporting lines.\n",
			catalog.EscapeMarkdown(from.Title), catalog.EscapeMarkdown(to.Title))
		return
	}
	for i, p := range paths {
		fmt.Fprintf(b, "%d. %s\n", i+1, RouteText(c, p, true))
	}
}

// RouteText writes a path as "A → B (next step) → C (reports to)", with
// role titles; md escapes it for markdown and sets the links in italics.
func RouteText(c *catalog.Catalog, p catalog.Path, md bool) string {
	title := func(id string) string {
		t := id
		if r := c.Role(id); r != nil {
			t = r.Title
		}
		if md {
			return catalog.EscapeMarkdown(t)
		}
		return t
	}
	if len(p) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(title(p[0].From))
	for _, s := range p {
		if md {
			fmt.Fprintf(&b, " → %s *(%s)*", title(s.To), s.Via)
		} else {
			fmt.Fprintf(&b, " → %s (%s)", title(s.To), s.Via)
		}
	}
	return b.String()
}

// checklistSections names the groups of the checklist, by item kind.
var checklistSections = []struct{ kind, title string }{
	{catalog.GapResponsibility, "Responsibilities to take on"},
	{catalog.GapTool, "Tools to learn"},
	{catalog.GapPillar, "Pillar contributions to take on"},
	{catalog.GapDimension, "What changes"},
}

func writeGap(b *strings.Builder, g catalog.Gap, s State) {
	e := catalog.EscapeMarkdown
	items := g.Checklist()
	done := 0
	inList := map[string]bool{}
	for _, it := range items {
		inList[it.ID] = true
		if s.IsTicked(g.To.ID, it.ID) {
			done++
		}
	}
	b.WriteString("\n### Gap checklist\n\n")
	if len(items) == 0 {
		b.WriteString("Nothing to add: the target asks for nothing the current role lacks.\n")
	} else {
		fmt.Fprintf(b, "%d of %d done.\n", done, len(items))
	}
	stale := 0
	for _, id := range s.Ticked[g.To.ID] {
		if !inList[id] {
			stale++
		}
	}
	if stale > 0 {
		fmt.Fprintf(b, "\n%d ticked %s no longer in the gap (the roles have changed since).\n", stale, plural(stale, "item is", "items are"))
	}
	changes := map[string]catalog.DimChange{}
	for _, ch := range g.Changes {
		changes[ch.Dimension.Name] = ch
	}
	for _, sec := range checklistSections {
		first := true
		for _, it := range items {
			if it.Kind != sec.kind {
				continue
			}
			if first {
				fmt.Fprintf(b, "\n**%s**\n\n", sec.title)
				first = false
			}
			box := "[ ]"
			if s.IsTicked(g.To.ID, it.ID) {
				box = "[x]"
			}
			text := e(oneLine(it.Text))
			switch it.Kind {
			case catalog.GapPillar:
				text = fmt.Sprintf("**%s:** %s", e(it.Label), text)
			case catalog.GapDimension:
				now := changes[it.Label].From
				if strings.TrimSpace(now) == "" {
					now = "—"
				}
				if strings.TrimSpace(it.Text) == "" {
					text = "—"
				}
				text = fmt.Sprintf("**%s**\n  - Now: %s\n  - Then: %s", e(it.Label), e(oneLine(now)), text)
			}
			fmt.Fprintf(b, "- %s %s\n", box, text)
		}
	}
	if len(g.Drops) == 0 {
		return
	}
	b.WriteString("\n### What the move leaves behind\n\n")
	var tools []string
	for _, it := range g.Drops {
		switch it.Kind {
		case catalog.GapTool:
			tools = append(tools, e(it.Text))
		case catalog.GapPillar:
			fmt.Fprintf(b, "- **%s:** %s\n", e(it.Label), e(oneLine(it.Text)))
		default:
			fmt.Fprintf(b, "- %s\n", e(oneLine(it.Text)))
		}
	}
	if len(tools) > 0 {
		fmt.Fprintf(b, "- **Tools:** %s\n", strings.Join(tools, ", "))
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// notesBlock keeps the markdown of the notes (lists, emphasis) but makes
// control characters visible, HTML inert and headings part of the text,
// so the notes cannot break the document's outline. A line typed under
// another stays under it: markdown would join plain lines into one
// paragraph (and glamour ignores hard line breaks), so a blank line goes
// between two plain lines, and after a list item that plain text follows.
func notesBlock(s string) string {
	s = catalog.Sanitize(strings.TrimSpace(s))
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	var out []string
	fenced := false
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " \t")
		t := strings.TrimLeft(l, " ")
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(t, "#") {
			l = strings.Replace(l, "#", `\#`, 1)
		}
		out = append(out, l)
		if fenced || i+1 >= len(lines) || l == "" {
			continue
		}
		next := strings.TrimRight(lines[i+1], " \t")
		if next != "" && !noteBlockLine(next) && (!noteBlockLine(l) || listItem(l)) {
			out = append(out, "")
		}
	}
	return strings.Join(out, "\n")
}

// noteBlockLine reports lines that markdown reads as part of a block
// other than a plain paragraph: indented, list items, quotes, tables,
// code fences.
func noteBlockLine(l string) bool {
	if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") || listItem(l) {
		return true
	}
	for _, p := range []string{">", "|", "```", "~~~"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// listItem reports a line that starts a list item: "- ", "* ", "+ ",
// "1. " or "1) ".
func listItem(l string) bool {
	if len(l) >= 2 && strings.ContainsRune("-*+", rune(l[0])) && l[1] == ' ' {
		return true
	}
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' '
}
