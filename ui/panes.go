package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// twoPane is a screen of two pick lists: things on the left (pillars,
// tasks), their roles on the right. Selecting on the left refills the right.
type twoPane struct {
	c      *common
	left   pickList
	right  pickList
	focus  int // 0 left, 1 right
	width  int
	height int
	leftW  int
	single bool
	// fill returns the right-hand items for a left-hand value.
	fill      func(value string, width int) []pickItem
	leftTitle string
	rightName func(value string) string
	shown     string // left value whose items are on the right
}

func newTwoPane(c *common, leftTitle string) twoPane {
	return twoPane{c: c, left: newPickList(&c.styles), right: newPickList(&c.styles), leftTitle: leftTitle}
}

func (t *twoPane) setSize(w, h int) {
	t.width, t.height = w, h
	t.single = w < 70
	t.leftW = min(max(w/3, 24), 40)
	if t.single {
		t.leftW = w
	}
	// One column of padding inside each pane's border, on either side.
	t.left.setSize(max(t.leftW-4, 1), max(h-2, 1))
	rw := w - t.leftW
	if t.single {
		rw = w
	}
	t.right.setSize(max(rw-4, 1), max(h-2, 1))
	t.refill(true)
}

// refill rebuilds the right pane for the selected left item.
func (t *twoPane) refill(force bool) {
	it, ok := t.left.selected()
	if !ok || (!force && it.value == t.shown) {
		return
	}
	cur, _ := t.right.selected()
	t.right.setItems(t.fill(it.value, t.right.width))
	if force && it.value == t.shown {
		t.right.selectValue(cur.value)
	}
	t.shown = it.value
}

// selectLeft puts the left cursor on value and refills the right pane.
func (t *twoPane) selectLeft(value string) {
	if t.left.selectValue(value) {
		t.refill(false)
		t.focus = 0
	}
}

func (t *twoPane) update(msg tea.Msg) (string, tea.Cmd) {
	k := t.c.keys.Pick
	list := &t.left
	if t.focus == 1 {
		list = &t.right
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Focus):
			t.focus = 1 - t.focus
		case key.Matches(msg, k.Right) && t.focus == 0:
			t.focus = 1
		case key.Matches(msg, k.Left) && t.focus == 1:
			t.focus = 0
		case key.Matches(msg, k.Up):
			list.move(-1)
		case key.Matches(msg, k.Down):
			list.move(1)
		case key.Matches(msg, k.PageUp):
			list.page(-1)
		case key.Matches(msg, k.PageDown):
			list.page(1)
		case msg.String() == "g" || msg.String() == "home":
			list.top()
		case msg.String() == "G" || msg.String() == "end":
			list.bottom()
		case key.Matches(msg, k.Open):
			if t.focus == 0 {
				t.focus = 1
				return "", nil
			}
			if it, ok := t.right.selected(); ok && it.value != "" {
				return "", follow(it.value, "")
			}
		case key.Matches(msg, k.Mark):
			if it, ok := t.right.selected(); ok && t.focus == 1 && it.value != "" {
				return t.c.toggleMark(it.value), nil
			}
		}
	case tea.MouseWheelMsg:
		l := t.paneAt(msg.Mouse().X)
		if msg.Mouse().Button == tea.MouseWheelUp {
			l.scroll(-3)
		} else {
			l.scroll(3)
		}
	case tea.MouseClickMsg:
		m := msg.Mouse()
		l := t.paneAt(m.X)
		if l == &t.left {
			t.focus = 0
		} else {
			t.focus = 1
		}
		before := l.cursor
		// A click selects; a click on the selected role opens it.
		if l.clickAt(m.Y-1) && l == &t.right && l.cursor == before {
			if it, ok := t.right.selected(); ok && it.value != "" {
				return "", follow(it.value, "")
			}
		}
	}
	t.refill(false)
	return "", nil
}

// indent puts one column of padding before every line.
func indent(s string) string {
	lines := splitLines(s)
	for i := range lines {
		lines[i] = " " + lines[i]
	}
	return joinLines(lines)
}

func (t *twoPane) paneAt(x int) *pickList {
	if t.single {
		if t.focus == 0 {
			return &t.left
		}
		return &t.right
	}
	if x < t.leftW {
		return &t.left
	}
	return &t.right
}

func (t *twoPane) view() string {
	st := t.c.styles
	lb, rb := st.Pane, st.Pane
	if t.focus == 0 {
		lb = st.FocusPane
	} else {
		rb = st.FocusPane
	}
	right := ""
	if t.rightName != nil {
		right = t.rightName(t.shown)
	}
	lv := boxed(lb, indent(t.left.view(t.focus == 0)), t.leftW, t.height, t.leftTitle, st)
	if t.single {
		if t.focus == 0 {
			return lv
		}
		return boxed(rb, indent(t.right.view(true)), t.width, t.height, right, st)
	}
	rv := boxed(rb, indent(t.right.view(t.focus == 1)), t.width-t.leftW, t.height, right, st)
	return joinColumns(lv, rv)
}
