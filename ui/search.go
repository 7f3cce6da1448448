package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/roledex/roledex/catalog"
)

// searchLimit bounds the results kept for display.
const searchLimit = 200

// searchResultsMsg carries the hits for query number seq.
type searchResultsMsg struct {
	seq   int
	query string
	hits  []catalog.Hit
}

// runSearch searches off the UI loop.
func runSearch(ix *catalog.Index, seq int, query string) tea.Cmd {
	return func() tea.Msg {
		return searchResultsMsg{seq: seq, query: query, hits: ix.Search(query, searchLimit)}
	}
}

// search is the search-everything screen: a query line and its hits.
type search struct {
	c       *common
	input   textinput.Model
	seq     int // number of the latest query sent
	shown   int // number of the query whose hits are shown
	query   string
	hits    []catalog.Hit
	list    pickList
	width   int
	height  int
	pending bool
}

func newSearch(c *common) *search {
	s := &search{c: c, list: newPickList(&c.styles)}
	s.input = textinput.New()
	s.input.Prompt = "search: "
	s.input.Placeholder = "duties, tools, tasks, titles, or a question…"
	s.input.CharLimit = 200
	steadyCursor(&s.input)
	return s
}

func (s *search) capturesText() bool { return true }

func (s *search) focus() tea.Cmd {
	return s.input.Focus()
}

func (s *search) setSize(w, h int) {
	s.width, s.height = w, h
	s.input.SetStyles(s.c.styles.inputStyles(s.input.Styles())) // the theme may have changed
	s.input.SetWidth(max(w-len(s.input.Prompt)-2, 1))
	s.list.setSize(w, max(h-2, 1))
	s.list.setItems(s.items())
}

// setQuery replaces the query and starts a search for it.
func (s *search) setQuery(q string) tea.Cmd {
	s.input.SetValue(q)
	s.input.CursorEnd()
	return s.changed()
}

func (s *search) changed() tea.Cmd {
	q := s.input.Value()
	if q == s.query {
		return nil
	}
	s.query = q
	s.seq++
	if strings.TrimSpace(q) == "" {
		s.hits, s.shown, s.pending = nil, s.seq, false
		s.list.setItems(nil)
		return nil
	}
	s.pending = true
	return runSearch(s.c.index, s.seq, q)
}

// results takes hits unless a newer query was sent since.
func (s *search) results(m searchResultsMsg) {
	if m.seq != s.seq {
		return // stale: the user has typed on
	}
	s.shown, s.pending = m.seq, false
	s.hits = m.hits
	s.list.setItems(s.items())
}

func (s *search) items() []pickItem {
	items := make([]pickItem, 0, len(s.hits))
	for i, h := range s.hits {
		h := h
		items = append(items, pickItem{value: fmt.Sprint(i), styled: true, height: 2, render: func(w int, sel bool) []string {
			return s.renderHit(h, w, sel)
		}})
	}
	return items
}

// renderHit draws a hit as two lines, a heading (role · what matched) and
// the matched text with its letters highlighted, cut to one line. Selected,
// every part is drawn on the selection's background, so the highlight
// shows on the hit under the cursor too.
func (s *search) renderHit(h catalog.Hit, width int, sel bool) []string {
	st := s.c.styles
	if sel {
		for _, x := range []*lipgloss.Style{&st.App, &st.Title, &st.Faint, &st.Marked, &st.Highlight} {
			*x = x.Inherit(st.Selected)
		}
	}
	who := s.c.title(h.Role)
	what := string(h.Kind)
	if h.Detail != "" {
		what += " · " + h.Detail
	}
	if t := s.c.cat.Task(h.Task); t != nil {
		var owners []string
		for _, id := range t.Owners {
			owners = append(owners, s.c.title(id))
		}
		what = "task · owned by " + strings.Join(owners, ", ")
		who = h.Detail
	}
	// The first column is left for the cursor's bar; the mark comes next.
	mark := st.App.Render("   ")
	if s.c.marked(h.Role) && h.Task == "" {
		mark = st.App.Render(" ") + st.Marked.Render("●") + st.App.Render(" ")
	}
	head := mark + st.Title.Render(who) + st.App.Render("  ") + st.Faint.Render(what)
	text := cutAround(h.Text, h.Matched, width-4)
	body := st.App.Render("    ") + highlightRunes(text.s, text.matched, st.App, st.Highlight)
	out := []string{ansi.Truncate(head, width, "…"), ansi.Truncate(body, width, "…")}
	if sel {
		for i, l := range out {
			out[i] = l + st.App.Render(strings.Repeat(" ", max(width-lipgloss.Width(l), 0)))
		}
	}
	return out
}

type cut struct {
	s       string
	matched []int
}

// cutAround shortens s to about width runes around its first match, with
// the match positions shifted to fit.
func cutAround(s string, matched []int, width int) cut {
	runes := []rune(s)
	if width <= 1 || len(runes) <= width {
		return cut{s, matched}
	}
	start := 0
	if len(matched) > 0 && matched[0] > width/3 {
		start = matched[0] - width/3
	}
	if start > 0 {
		start = min(start, len(runes)-width+1)
		out := cut{s: "…" + string(runes[start+1:])}
		for _, m := range matched {
			if m > start {
				out.matched = append(out.matched, m-start)
			}
		}
		return out
	}
	return cut{s, matched}
}

func (s *search) selectedHit() (catalog.Hit, bool) {
	it, ok := s.list.selected()
	if !ok {
		return catalog.Hit{}, false
	}
	var i int
	fmt.Sscan(it.value, &i)
	if i < 0 || i >= len(s.hits) {
		return catalog.Hit{}, false
	}
	return s.hits[i], true
}

// openHitMsg asks the root to open what a hit points at.
type openHitMsg struct{ hit catalog.Hit }

func (s *search) update(msg tea.Msg) (string, tea.Cmd) {
	k := s.c.keys.Search
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			s.list.move(-1)
			return "", nil
		case key.Matches(msg, k.Down):
			s.list.move(1)
			return "", nil
		case msg.String() == "pgup":
			s.list.page(-1)
			return "", nil
		case msg.String() == "pgdown":
			s.list.page(1)
			return "", nil
		case key.Matches(msg, k.Open):
			if h, ok := s.selectedHit(); ok {
				return "", func() tea.Msg { return openHitMsg{h} }
			}
			return "", nil
		case key.Matches(msg, k.Mark):
			if h, ok := s.selectedHit(); ok && h.Role != "" {
				status := s.c.toggleMark(h.Role)
				s.list.layout()
				return status, nil
			}
			return "", nil
		case key.Matches(msg, k.Clear):
			return "", s.setQuery("")
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			s.list.scroll(-3)
		} else {
			s.list.scroll(3)
		}
		return "", nil
	case tea.MouseClickMsg:
		if s.list.clickAt(msg.Mouse().Y - 2) {
			if h, ok := s.selectedHit(); ok {
				return "", func() tea.Msg { return openHitMsg{h} }
			}
		}
		return "", nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return "", tea.Batch(cmd, s.changed())
}

func (s *search) view() string {
	st := s.c.styles
	status := ""
	switch {
	case strings.TrimSpace(s.query) == "":
		var b strings.Builder
		b.WriteString(st.Faint.Render(fmt.Sprintf("Type to search %d lines: duties, dimensions, tasks, tools, titles and aliases.", s.c.index.Len())))
		b.WriteString("\n\n")
		for _, l := range wrap("Try  ssl · on-call · terraform · who handles backups?", max(s.width-4, 10)) {
			b.WriteString("  " + st.Subtle.Render(l) + "\n")
		}
		for _, hint := range []string{"↑/↓ choose a result · enter opens it at the matching line", "tab marks its role for compare · esc goes back"} {
			for _, l := range wrap(hint, max(s.width-4, 10)) {
				b.WriteString("  " + st.Faint.Render(l) + "\n")
			}
		}
		return s.input.View() + "\n" + b.String()
	case s.pending && s.shown != s.seq && len(s.hits) == 0:
		status = st.Faint.Render("searching…")
	case len(s.hits) == 0:
		status = st.Faint.Render("No match for “" + s.query + "”. Fewer letters, or another word?")
	default:
		n := fmt.Sprintf("%d %s", len(s.hits), map[bool]string{true: "match", false: "matches"}[len(s.hits) == 1])
		if len(s.hits) == searchLimit {
			n = fmt.Sprintf("top %d matches", searchLimit)
		}
		status = st.Faint.Render(n + " · enter opens · tab marks the role for compare")
	}
	if len(s.hits) == 0 {
		return s.input.View() + "\n" + status
	}
	return s.input.View() + "\n" + status + "\n" + s.list.view(true)
}

// steadyCursor stops a text field's cursor from blinking: a blinking
// cursor redraws the whole screen twice a second while the user reads.
func steadyCursor(in *textinput.Model) {
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
}
