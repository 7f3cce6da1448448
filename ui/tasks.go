package ui

import (
	"strings"
)

// newTasks builds the tasks screen: the tasks on the left; on the right,
// what the task is and who owns it, helps, or does it in a small
// organisation.
func newTasks(c *common) twoPane {
	t := newTwoPane(c, "Tasks")
	var items []pickItem
	for _, tk := range c.cat.Tasks {
		items = append(items, pickItem{text: tk.Title, value: tk.ID})
	}
	t.left.setItems(items)
	t.fill = func(id string, width int) []pickItem {
		tk := c.cat.Task(id)
		if tk == nil {
			return nil
		}
		body := strings.TrimSpace(tk.Body)
		out := []pickItem{{heading: true, render: func(w int, _ bool) []string {
			var lines []string
			for _, item := range reflow(body) {
				if item == "" {
					lines = append(lines, "")
					continue
				}
				indent := ""
				if strings.HasPrefix(item, "• ") {
					indent = "  "
				}
				for i, l := range wrap(strings.TrimPrefix(item, "• "), w-len(indent)) {
					prefix := indent
					if i == 0 && indent != "" {
						prefix = "• "
					}
					lines = append(lines, c.styles.Subtle.Render(prefix+l))
				}
			}
			if len(tk.Aliases) > 0 {
				for _, l := range wrap("Also: "+strings.Join(tk.Aliases, ", "), w) {
					lines = append(lines, c.styles.Faint.Render(l))
				}
			}
			return append(lines, "")
		}}}
		group := func(label string, ids []string) {
			if len(ids) == 0 {
				return
			}
			out = append(out, pickItem{text: label, heading: true})
			for _, rid := range ids {
				if r := c.cat.Role(rid); r != nil {
					out = append(out, pickItem{text: r.Title, detail: r.Summary, value: rid})
				}
			}
		}
		group("Owned by", tk.Owners)
		group("Helped by", tk.Helpers)
		group("In a small organisation", tk.SmallOrg)
		return out
	}
	t.rightName = func(id string) string {
		if tk := c.cat.Task(id); tk != nil {
			return tk.Title
		}
		return ""
	}
	return t
}

// reflow turns hard-wrapped markdown into paragraphs and bullet items,
// one per entry ("• " marks items); "" separates paragraphs.
func reflow(md string) []string {
	var out []string
	cur := ""
	flush := func() {
		if cur != "" {
			out = append(out, cur)
			cur = ""
		}
	}
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
			if len(out) > 0 && out[len(out)-1] != "" {
				out = append(out, "")
			}
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ "):
			flush()
			cur = "• " + strings.TrimSpace(t[2:])
		default:
			if cur == "" {
				cur = t
			} else {
				cur += " " + t
			}
		}
	}
	flush()
	return out
}
