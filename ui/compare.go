package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/roledex/roledex/catalog"
)

// minColumn is the narrowest a comparison column may be before the
// screen shows fewer columns at a time.
const minColumn = 26

// compare shows two or three roles side by side.
type compare struct {
	c        *common
	vp       viewport.Model
	cmp      catalog.Comparison
	ids      []string // roles compared, in column order
	diffOnly bool
	only     []int // dimension indexes to show; all when empty
	focusCol int   // the column keys act on
	firstCol int   // first column shown when not all fit
	// head is the block above the rows (role titles, the shift hint, a
	// rule): it stays in place while the rows scroll under it.
	head   []string
	titleH int // lines of head taken by the role titles
	width  int
	height int
}

func newCompare(c *common) *compare {
	cp := &compare{c: c, vp: viewport.New()}
	cp.vp.SoftWrap = false
	return cp
}

func (cp *compare) setSize(w, h int) {
	cp.width, cp.height = w, h
	cp.vp.SetWidth(w)
	cp.rebuild()
}

// colWidth is the width of one role's column.
func (cp *compare) colWidth() int {
	vis := cp.visibleCols()
	return max((cp.width-cp.labelWidth()-2*vis)/vis, 8)
}

// sync takes the marked roles as the comparison's columns.
func (cp *compare) sync() {
	if !equalIDs(cp.ids, cp.c.marks) {
		cp.ids = append([]string(nil), cp.c.marks...)
		cp.focusCol = min(cp.focusCol, max(len(cp.ids)-1, 0))
		cp.firstCol = 0
		cp.vp.GotoTop()
	}
	cp.rebuild()
}

func equalIDs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// visibleCols says how many columns fit side by side.
func (cp *compare) visibleCols() int {
	label := cp.labelWidth()
	n := max((cp.width-label)/(minColumn+2), 1)
	return min(n, max(len(cp.ids), 1))
}

func (cp *compare) labelWidth() int {
	if cp.width < 70 {
		return 0 // labels go above the values
	}
	return 18
}

// rebuild lays the comparison out as lines once; View only shows them.
func (cp *compare) rebuild() {
	if len(cp.ids) < 2 {
		cp.head, cp.titleH = nil, 0
		cp.vp.SetContent("")
		return
	}
	roles := make([]*catalog.Role, 0, len(cp.ids))
	for _, id := range cp.ids {
		if r := cp.c.cat.Role(id); r != nil {
			roles = append(roles, r)
		}
	}
	cp.cmp = catalog.Compare(roles...).Only(cp.only)
	vis := cp.visibleCols()
	if cp.focusCol < cp.firstCol {
		cp.firstCol = cp.focusCol
	}
	if cp.focusCol >= cp.firstCol+vis {
		cp.firstCol = cp.focusCol - vis + 1
	}
	cp.firstCol = min(max(cp.firstCol, 0), max(len(roles)-vis, 0))
	cols := make([]int, 0, vis)
	for i := cp.firstCol; i < cp.firstCol+vis && i < len(roles); i++ {
		cols = append(cols, i)
	}
	st := cp.c.styles
	label := cp.labelWidth()
	colW := cp.colWidth()
	// Header: the role titles, the focused one marked.
	titles := make([]string, len(cols))
	for k, i := range cols {
		t := roles[i].Title
		s := st.Title
		if i == cp.focusCol {
			t = "▸ " + t
			s = st.Marked
		}
		titles[k] = s.Render(strings.Join(wrap(t, colW), "\n"))
	}
	cp.head = row(strings.Repeat(" ", label), titles, label, colW)
	cp.titleH = len(cp.head)
	if len(cols) < len(roles) {
		hint := fmt.Sprintf("showing %d of %d roles", len(cols), len(roles))
		// Name the roles out of sight, so the user knows where to shift.
		for i, r := range roles {
			switch {
			case i < cols[0]:
				hint += " · ← " + r.Title
			case i > cols[len(cols)-1]:
				hint += " · → " + r.Title
			}
		}
		cp.head = append(cp.head, st.Faint.Render(ansi.Truncate(hint, cp.width, "…")))
	}
	cp.head = append(cp.head, st.Faint.Render(strings.Repeat("─", cp.width)))
	// The rows scroll under the header, above the status line.
	cp.vp.SetHeight(max(cp.height-len(cp.head)-1, 1))
	var out []string
	shown := 0
	for _, r := range cp.cmp.Rows {
		if cp.diffOnly && r.Alike {
			continue
		}
		shown++
		cells := make([]string, len(cols))
		for k, i := range cols {
			v := r.Values[i]
			if v == "" {
				v = "—"
			}
			cells[k] = strings.Join(wrap(v, colW), "\n")
		}
		if label == 0 {
			out = append(out, st.Label.Render(r.Dimension.Name))
			out = append(out, row("", cells, 0, colW)...)
		} else {
			out = append(out, row(st.Label.Render(strings.Join(wrap(r.Dimension.Name, label-2), "\n")), cells, label, colW)...)
		}
		out = append(out, "")
	}
	if cp.diffOnly && shown == 0 {
		out = append(out, st.Faint.Render("These roles read alike on every dimension."), "")
	}
	out = append(out, cp.duties(roles, cols)...)
	cp.vp.SetContent(strings.Join(out, "\n"))
}

// row lays out cells (each a block of lines) after a label column.
func row(label string, cells []string, labelW, colW int) []string {
	blocks := make([][]string, len(cells))
	n := len(splitLines(label))
	for i, c := range cells {
		blocks[i] = splitLines(c)
		n = max(n, len(blocks[i]))
	}
	labels := splitLines(label)
	out := make([]string, n)
	for l := 0; l < n; l++ {
		var b strings.Builder
		if labelW > 0 {
			x := ""
			if l < len(labels) {
				x = labels[l]
			}
			b.WriteString(padRight(x, labelW))
		}
		for i := range blocks {
			x := ""
			if l < len(blocks[i]) {
				x = blocks[i][l]
			}
			if i < len(blocks)-1 {
				x = padRight(x, colW)
			}
			b.WriteString(x)
			if i < len(blocks)-1 {
				b.WriteString("  ")
			}
		}
		out[l] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// duties lists the shared responsibilities and those each shown role owns alone.
func (cp *compare) duties(roles []*catalog.Role, cols []int) []string {
	st := cp.c.styles
	w := max(cp.width-4, 10)
	var out []string
	out = append(out, st.Header.Render(fmt.Sprintf("Shared responsibilities (%d)", len(cp.cmp.Shared))))
	if len(cp.cmp.Shared) == 0 {
		out = append(out, st.Faint.Render("  none in common"))
	}
	for _, s := range cp.cmp.Shared {
		first := true
		for i, t := range s.Texts {
			if t == "" {
				continue
			}
			mark := "• "
			if !first {
				mark = "≈ "
			}
			first = false
			lines := wrap(t+" "+st.Faint.Render("("+roles[i].Title+")"), w-2)
			for j, l := range lines {
				if j == 0 {
					out = append(out, "  "+mark+l)
				} else {
					out = append(out, "    "+l)
				}
			}
		}
	}
	for _, i := range cols {
		out = append(out, "", st.Header.Render(fmt.Sprintf("Only %s (%d)", roles[i].Title, len(cp.cmp.Unique[i]))))
		if len(cp.cmp.Unique[i]) == 0 {
			out = append(out, st.Faint.Render("  nothing of its own"))
		}
		for _, d := range cp.cmp.Unique[i] {
			for j, l := range wrap(d, w-2) {
				if j == 0 {
					out = append(out, "  • "+l)
				} else {
					out = append(out, "    "+l)
				}
			}
		}
	}
	return out
}

func (cp *compare) update(msg tea.Msg) (string, tea.Cmd) {
	k := cp.c.keys.Compare
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if len(cp.ids) < 2 {
			return "", nil
		}
		switch {
		case key.Matches(msg, k.Diff):
			cp.diffOnly = !cp.diffOnly
			cp.rebuild()
			if cp.diffOnly {
				return "Showing only the dimensions where the roles differ", nil
			}
			return "Showing every dimension", nil
		case key.Matches(msg, k.Left):
			cp.focusCol = max(cp.focusCol-1, 0)
			cp.rebuild()
		case key.Matches(msg, k.Right):
			cp.focusCol = min(cp.focusCol+1, len(cp.ids)-1)
			cp.rebuild()
		case key.Matches(msg, k.Swap):
			i := cp.focusCol
			j := (i + 1) % len(cp.ids)
			cp.c.marks[i], cp.c.marks[j] = cp.c.marks[j], cp.c.marks[i]
			cp.ids = append([]string(nil), cp.c.marks...)
			cp.focusCol = j
			cp.rebuild()
		case key.Matches(msg, k.Drop):
			id := cp.ids[cp.focusCol]
			status := cp.c.toggleMark(id)
			cp.sync()
			return status, nil
		case key.Matches(msg, k.Open):
			return "", follow(cp.ids[cp.focusCol], "")
		case key.Matches(msg, k.Up):
			cp.vp.ScrollUp(1)
		case key.Matches(msg, k.Down):
			cp.vp.ScrollDown(1)
		case key.Matches(msg, k.PageUp):
			cp.vp.PageUp()
		case key.Matches(msg, k.PageDown):
			cp.vp.PageDown()
		case msg.String() == "g" || msg.String() == "home":
			cp.vp.GotoTop()
		case msg.String() == "G" || msg.String() == "end":
			cp.vp.GotoBottom()
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			cp.vp.ScrollUp(3)
		} else {
			cp.vp.ScrollDown(3)
		}
	case tea.MouseClickMsg:
		// A click on a role's title focuses that column.
		if len(cp.ids) >= 2 && msg.Mouse().Y < cp.titleH {
			if x := msg.Mouse().X - cp.labelWidth(); x >= 0 {
				cp.focusCol = min(cp.firstCol+x/(cp.colWidth()+2), len(cp.ids)-1)
				cp.rebuild()
			}
		}
	}
	return "", nil
}

func (cp *compare) view() string {
	st := cp.c.styles
	if len(cp.ids) < 2 {
		var b strings.Builder
		b.WriteString(st.Header.Render("Compare two or three roles") + "\n\n")
		b.WriteString("Mark roles with m (or space) in the role list, or with tab in search,\nthen come back here (c).\n\n")
		if len(cp.ids) == 1 {
			b.WriteString("Marked so far: " + st.Marked.Render(cp.c.title(cp.ids[0])) + "\n\n")
		}
		b.WriteString(st.Faint.Render("From the shell: roledex ui devops sre platform-engineer"))
		return lipgloss.NewStyle().Padding(1, 2).Render(b.String())
	}
	pct := int(cp.vp.ScrollPercent() * 100)
	mode := "all dimensions"
	if cp.diffOnly {
		mode = "differences only"
	}
	status := st.Faint.Render(fmt.Sprintf("%s · %d%% scrolled", mode, pct))
	return joinLines(cp.head) + "\n" + cp.vp.View() + "\n" + status
}
