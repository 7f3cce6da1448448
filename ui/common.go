package ui

import (
	"github.com/charmbracelet/x/ansi"
	"github.com/roledex/roledex/catalog"
)

// common is the state every screen reads: the catalog, styles, keys and
// caches. Only Update code changes it.
type common struct {
	cat      *catalog.Catalog
	index    *catalog.Index
	problems catalog.Problems
	styles   Styles
	keys     KeyMap
	pages    *pageCache
	rows     map[rowKey]string // role list lines as drawn (roleDelegate)
	// footer is the help line as last drawn, and what for (Model.footer).
	footer struct{ key, text string }
	// marks are the role ids chosen for the comparison, in order (≤ 3).
	marks []string
}

// MaxCompare is how many roles a comparison holds.
const MaxCompare = 3

func (c *common) marked(id string) bool {
	for _, m := range c.marks {
		if m == id {
			return true
		}
	}
	return false
}

// toggleMark adds or removes id from the comparison and returns a status
// line saying what happened.
func (c *common) toggleMark(id string) string {
	r := c.cat.Role(id)
	if r == nil {
		return ""
	}
	for i, m := range c.marks {
		if m == id {
			c.marks = append(c.marks[:i:i], c.marks[i+1:]...)
			return "Removed " + r.Title + " from the comparison"
		}
	}
	if len(c.marks) >= MaxCompare {
		return "A comparison holds three roles: unmark one first (m or x in compare)"
	}
	c.marks = append(c.marks, id)
	if len(c.marks) >= 2 {
		return "Marked " + r.Title + " — press c to compare"
	}
	return "Marked " + r.Title + " — mark one or two more, then press c"
}

func (c *common) title(id string) string {
	if r := c.cat.Role(id); r != nil {
		return r.Title
	}
	return id
}

// fit cuts every line of s to width cells and pads or cuts it to height
// lines, so nothing a screen returns can spill out of its box.
func fit(s string, width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := splitLines(s)
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if cellWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return joinLines(lines)
}

// clip cuts every line of s to width cells without padding.
func clip(s string, width int) string {
	if width <= 0 {
		return ""
	}
	lines := splitLines(s)
	for i, l := range lines {
		if cellWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	return joinLines(lines)
}
