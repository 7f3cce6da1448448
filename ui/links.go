package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/roledex/roledex/catalog"
)

// linkPicker lists the roles a page links to, grouped by relation; enter
// follows the chosen link.
type linkPicker struct {
	c      *common
	list   pickList
	role   *catalog.Role
	width  int
	height int
}

func newLinkPicker(c *common, r *catalog.Role, w, h int) *linkPicker {
	lp := &linkPicker{c: c, list: newPickList(&c.styles), role: r}
	var items []pickItem
	add := func(label string, ids []string) {
		if len(ids) == 0 {
			return
		}
		items = append(items, pickItem{text: label, heading: true})
		for _, id := range ids {
			if x := c.cat.Role(id); x != nil {
				items = append(items, pickItem{text: x.Title, detail: x.Summary, value: id})
			}
		}
	}
	add("Reports to", r.ReportsTo)
	add("Next steps", r.NextRoles)
	add("Related", r.Related)
	var from []string
	for _, x := range c.cat.ReportsFrom(r.ID) {
		from = append(from, x.ID)
	}
	add("Reported to by", from)
	lp.list.setItems(items)
	lp.setSize(w, h)
	return lp
}

func (lp *linkPicker) setSize(w, h int) {
	lp.width, lp.height = w, h
	lp.list.setSize(max(w-4, 1), max(h-2, 1)) // a column of padding either side
}

// openLinks opens the picker over the page.
func (b *browse) openLinks() (string, tea.Cmd) {
	r := b.c.cat.Role(b.current)
	if r == nil {
		return "", nil
	}
	b.links = newLinkPicker(b.c, r, b.pageWidth(), b.height)
	if len(b.links.list.items) == 0 {
		b.links = nil
		return r.Title + " has no links", nil
	}
	return "", nil
}

// followMsg asks the root to open a role and remember where we were.
type followMsg struct {
	id   string
	text string // scroll to the line holding this text, if set
}

func follow(id, text string) tea.Cmd {
	return func() tea.Msg { return followMsg{id: id, text: text} }
}

func (b *browse) updateLinks(msg tea.Msg) (string, tea.Cmd) {
	lp := b.links
	k := b.c.keys.Pick
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			lp.list.move(-1)
		case key.Matches(msg, k.Down):
			lp.list.move(1)
		case key.Matches(msg, k.PageUp):
			lp.list.page(-1)
		case key.Matches(msg, k.PageDown):
			lp.list.page(1)
		case key.Matches(msg, k.Open):
			if it, ok := lp.list.selected(); ok {
				b.links = nil
				return "", follow(it.value, "")
			}
		case key.Matches(msg, k.Mark):
			if it, ok := lp.list.selected(); ok {
				return b.c.toggleMark(it.value), nil
			}
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			lp.list.scroll(-3)
		} else {
			lp.list.scroll(3)
		}
	case tea.MouseClickMsg:
		x := msg.Mouse().X
		if !b.single {
			x -= b.listW
		}
		if x >= 0 && lp.list.clickAt(msg.Mouse().Y-1) {
			if it, ok := lp.list.selected(); ok {
				b.links = nil
				return "", follow(it.value, "")
			}
		}
	}
	return "", nil
}

func (lp *linkPicker) view() string {
	return boxed(lp.c.styles.FocusPane, indent(lp.list.view(true)), lp.width, lp.height, "Links from "+lp.role.Title, lp.c.styles)
}
