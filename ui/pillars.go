package ui

import (
	"fmt"

	"github.com/roledex/roledex/catalog"
)

// newPillars builds the pillars screen: the six pillars on the left; on
// the right, the pillar's groups with each role's contribution.
func newPillars(c *common) twoPane {
	t := newTwoPane(c, "Pillars")
	var items []pickItem
	for _, p := range c.cat.Pillars {
		items = append(items, pickItem{text: p.Title, detail: fmt.Sprintf("%d roles, %d groups", p.RoleCount(), len(p.Groups)), value: p.ID})
	}
	t.left.setItems(items)
	t.fill = func(id string, width int) []pickItem {
		p := c.cat.Pillar(id)
		if p == nil {
			return nil
		}
		out := []pickItem{{text: p.Summary, heading: true, render: func(w int, _ bool) []string {
			lines := wrap(p.Summary, w)
			for i := range lines {
				lines[i] = c.styles.Subtle.Render(lines[i])
			}
			return lines
		}}}
		for _, g := range p.Groups {
			out = append(out, pickItem{text: g.Name, heading: true})
			for _, m := range g.Members {
				out = append(out, contributionItem(c, m))
			}
		}
		return out
	}
	t.rightName = func(id string) string {
		if p := c.cat.Pillar(id); p != nil {
			return p.Title + " · enter opens a role"
		}
		return ""
	}
	return t
}

func contributionItem(c *common, m catalog.Member) pickItem {
	return pickItem{text: c.title(m.Role), detail: m.Contribution, value: m.Role}
}
