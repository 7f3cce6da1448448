package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// pickItem is one entry of a pick list: a heading (not selectable) or a
// selectable entry carrying a value.
type pickItem struct {
	text    string // plain text; wrapped to the list's width
	detail  string // optional second part, shown faint after a line break
	value   string
	heading bool
	// render, when set, draws the item itself at the given width.
	render func(width int, selected bool) []string
	// height, when set with render, is how many lines render always
	// returns: the list then draws the item only when it comes into
	// sight (200 search hits, of which a screen shows 20).
	height int
	// styled says render draws the selected look itself (backgrounds
	// included), keeping its inner styles such as highlighted letters;
	// the list only puts the bar in the first column, which render leaves
	// blank. Otherwise the selected item is redrawn in one style.
	styled bool
}

// pickList is a scrollable list of items of varying height with a cursor
// on the selectable ones. It caches its wrapped lines per width.
type pickList struct {
	items  []pickItem
	cursor int // index into items; -1 when nothing is selectable
	offset int // first visible line
	width  int
	height int
	styles *Styles
	lines  [][]string // wrapped lines per item, for width (nil: not drawn yet)
	starts []int      // first line of each item
	sizes  []int      // lines of each item
	total  int
}

func newPickList(st *Styles) pickList { return pickList{styles: st, cursor: -1} }

func (p *pickList) setItems(items []pickItem) {
	p.items = items
	p.cursor = -1
	p.offset = 0
	for i, it := range items {
		if !it.heading {
			p.cursor = i
			break
		}
	}
	p.layout()
}

func (p *pickList) setSize(w, h int) {
	p.width, p.height = max(w, 1), max(h, 1)
	p.layout()
}

// layout wraps every item at the current width. Before the list has a
// size there is nothing to wrap for: wrapping at one column would cost
// far more than the real layout that follows.
func (p *pickList) layout() {
	if p.width == 0 {
		return
	}
	p.lines = make([][]string, len(p.items))
	p.starts = make([]int, len(p.items))
	p.sizes = make([]int, len(p.items))
	n := 0
	for i, it := range p.items {
		p.starts[i] = n
		if it.render != nil && it.height > 0 {
			p.sizes[i] = it.height
		} else {
			p.lines[i] = p.itemLines(i, false)
			p.sizes[i] = len(p.lines[i])
		}
		n += p.sizes[i]
	}
	p.total = n
	p.ensureVisible()
}

// drawn returns item i's lines, drawing them if they have not been.
func (p *pickList) drawn(i int) []string {
	if p.lines[i] == nil {
		p.lines[i] = p.itemLines(i, false)
	}
	return p.lines[i]
}

func (p *pickList) itemLines(i int, selected bool) []string {
	it := p.items[i]
	w := max(p.width-2, 1)
	if it.render != nil {
		return it.render(p.width, selected)
	}
	if it.heading {
		var out []string
		if i > 0 {
			out = append(out, "") // air between groups
		}
		for _, l := range wrap(it.text, p.width) {
			out = append(out, p.styles.Group.Render(l))
		}
		return out
	}
	var out []string
	for _, l := range wrap(it.text, w) {
		out = append(out, "  "+l)
	}
	if it.detail != "" {
		for _, l := range wrap(it.detail, max(w-2, 1)) {
			out = append(out, "    "+p.styles.Subtle.Render(l))
		}
	}
	return out
}

func (p *pickList) selected() (pickItem, bool) {
	if p.cursor < 0 || p.cursor >= len(p.items) {
		return pickItem{}, false
	}
	return p.items[p.cursor], true
}

// move shifts the cursor by delta selectable items.
func (p *pickList) move(delta int) {
	if p.cursor < 0 {
		return
	}
	step := 1
	if delta < 0 {
		step, delta = -1, -delta
	}
	for ; delta > 0; delta-- {
		next := p.cursor + step
		for next >= 0 && next < len(p.items) && p.items[next].heading {
			next += step
		}
		if next < 0 || next >= len(p.items) {
			break
		}
		p.cursor = next
	}
	p.ensureVisible()
}

func (p *pickList) page(dir int) { p.move(dir * max(p.height/2, 1)) }

func (p *pickList) top()    { p.cursor = -1; p.setCursorFrom(0, 1) }
func (p *pickList) bottom() { p.cursor = -1; p.setCursorFrom(len(p.items)-1, -1) }

func (p *pickList) setCursorFrom(i, step int) {
	for ; i >= 0 && i < len(p.items); i += step {
		if !p.items[i].heading {
			p.cursor = i
			break
		}
	}
	p.ensureVisible()
}

// selectValue puts the cursor on the first item with the given value.
func (p *pickList) selectValue(v string) bool {
	for i, it := range p.items {
		if !it.heading && it.value == v {
			p.cursor = i
			p.ensureVisible()
			return true
		}
	}
	return false
}

// scroll moves the view without moving the cursor (mouse wheel).
func (p *pickList) scroll(n int) {
	p.offset = min(max(p.offset+n, 0), max(p.total-p.height, 0))
}

func (p *pickList) ensureVisible() {
	if p.cursor < 0 || len(p.starts) != len(p.items) || len(p.starts) == 0 {
		p.offset = min(p.offset, max(p.total-p.height, 0))
		return
	}
	start := p.starts[p.cursor]
	end := start + p.sizes[p.cursor]
	// Keep the heading above the first entry of a group in view.
	if p.cursor > 0 && p.items[p.cursor-1].heading && start-p.sizes[p.cursor-1] >= 0 {
		if s := p.starts[p.cursor-1]; s < p.offset {
			p.offset = s
		}
	}
	if start < p.offset {
		p.offset = start
	}
	if end > p.offset+p.height {
		p.offset = end - p.height
	}
	p.offset = min(max(p.offset, 0), max(p.total-p.height, 0))
}

// clickAt selects the item at row y of the view and reports whether an
// item is there.
func (p *pickList) clickAt(y int) bool {
	if len(p.starts) != len(p.items) {
		return false // not laid out yet
	}
	line := p.offset + y
	for i := range p.items {
		if line >= p.starts[i] && line < p.starts[i]+p.sizes[i] {
			if p.items[i].heading {
				return false
			}
			p.cursor = i
			p.ensureVisible()
			return true
		}
	}
	return false
}

// view draws the visible lines; the cursor item is drawn selected.
func (p *pickList) view(focused bool) string {
	if len(p.starts) != len(p.items) {
		return "" // not laid out yet: no size
	}
	out := make([]string, 0, p.height)
	for i := range p.items {
		s, n := p.starts[i], p.sizes[i]
		if s+n <= p.offset || s >= p.offset+p.height {
			continue
		}
		lines := p.drawn(i)
		if i == p.cursor && p.items[i].styled && focused {
			lines = p.itemLines(i, true)
			for j, l := range lines {
				bar := " "
				if j == 0 {
					bar = p.styles.Marked.Render("▌")
				}
				lines[j] = bar + ansi.Cut(l, 1, p.width)
			}
		} else if i == p.cursor {
			lines = p.itemLines(i, true)
			for j, l := range lines {
				// The row is drawn in one style: inner styles would end the
				// selection's background part-way. The bar replaces the
				// first (blank) column, so the text does not move.
				l = strings.TrimPrefix(ansi.Strip(l), " ")
				l = padRight(clipTo(l, p.width-1), p.width-1)
				if focused {
					l = p.styles.Selected.Render(l)
				} else {
					l = p.styles.Accent.Render(l)
				}
				bar := " "
				if j == 0 {
					bar = p.styles.Marked.Render("▌")
				}
				lines[j] = bar + l
			}
		}
		for j, l := range lines {
			if y := s + j; y >= p.offset && y < p.offset+p.height {
				out = append(out, l)
			}
		}
	}
	if len(p.items) == 0 {
		out = append(out, p.styles.Faint.Render("  (nothing here)"))
	}
	return strings.Join(out, "\n")
}

// clipTo cuts a styled line to w cells.
func clipTo(s string, w int) string {
	if cellWidth(s) <= w {
		return s
	}
	return clip(s, w)
}
