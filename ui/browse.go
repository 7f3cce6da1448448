package ui

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/roledex/roledex/catalog"
)

// browseFocus says which pane of the browse screen takes keys.
type browseFocus int

const (
	focusList browseFocus = iota
	focusPage
)

func (f browseFocus) String() string { return [...]string{"list", "page"}[f] }

// narrowMode says how the role list is narrowed.
type narrowMode int

const (
	narrowNone narrowMode = iota
	narrowFamily
	narrowTrack
	narrowPillar
)

func (n narrowMode) String() string {
	return [...]string{"all roles", "family", "track", "pillar"}[n]
}

// roleItem is a role in the list.
type roleItem struct{ r *catalog.Role }

func (i roleItem) FilterValue() string {
	return i.r.Title + "\x00" + strings.Join(i.r.Aliases, " · ") + " · " + i.r.ID
}

// roleDelegate draws a role as one line: a mark, the title, the track.
type roleDelegate struct{ c *common }

func (d roleDelegate) Height() int                         { return 1 }
func (d roleDelegate) Spacing() int                        { return 0 }
func (d roleDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

var trackTag = map[catalog.Track]string{
	catalog.TrackIC: "IC", catalog.TrackLead: "Lead", catalog.TrackManager: "Mgr", catalog.TrackExecutive: "Exec",
}

func (d roleDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(roleItem)
	if !ok {
		return
	}
	// A line is drawn once per look: moving the cursor redraws two of
	// them, not the page of them bubbles' list asks for.
	k := rowKey{id: it.r.ID, width: m.Width(), selected: index == m.Index(), marked: d.c.marked(it.r.ID),
		dark: d.c.styles.IsDark, noColor: d.c.styles.NoColor}
	line, ok := d.c.rows[k]
	if !ok {
		if len(d.c.rows) > 4096 {
			clear(d.c.rows) // widths and themes of long ago
		}
		line = d.render(it, k)
		d.c.rows[k] = line
	}
	fmt.Fprint(w, line)
}

// rowKey is what a role's line in the list looks like.
type rowKey struct {
	id                              string
	width                           int
	selected, marked, dark, noColor bool
}

func (d roleDelegate) render(it roleItem, k rowKey) string {
	st := d.c.styles
	width := k.width
	mark := "  "
	if k.marked {
		mark = st.Marked.Render("● ")
	}
	tag := trackTag[it.r.Track]
	titleW := max(width-2-len(tag)-1, 1)
	title := ansi.Truncate(it.r.Title, titleW, "…")
	if k.selected {
		return mark + st.Selected.Render(padRight(title, titleW)+" "+tag)
	}
	return mark + padRight(title, titleW) + " " + st.Faint.Render(tag)
}

// filterRoles ranks list items for the typed filter: whole words and
// word starts first, then compact fuzzy matches. The first line of a
// target is the title, which is what the list shows highlighted.
func filterRoles(term string, targets []string) []list.Rank {
	type scored struct {
		rank  list.Rank
		score int
	}
	var out []scored
	for i, t := range targets {
		title, rest, _ := strings.Cut(t, "\x00")
		if sc, m, ok := catalog.MatchText(title, term); ok {
			out = append(out, scored{list.Rank{Index: i, MatchedIndexes: m}, sc + 100})
		} else if sc, _, ok := catalog.MatchText(rest, term); ok && sc >= 1000 {
			out = append(out, scored{list.Rank{Index: i}, sc})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].score > out[b].score })
	ranks := make([]list.Rank, len(out))
	for i, s := range out {
		ranks[i] = s.rank
	}
	return ranks
}

// browse is the role list beside the role page.
type browse struct {
	c       *common
	list    list.Model
	page    pager
	focus   browseFocus
	current string // id of the role on the page
	// pageWaiting is true while the page's rendering is under way.
	pageWaiting bool
	// pendingScroll is text to scroll to once the page is rendered.
	pendingScroll string
	narrow        narrowMode
	narrowIdx     int
	// groupTitle is groupLabel for narrow and narrowIdx, made when they
	// change (applyNarrow), not on every frame.
	groupTitle string
	links      *linkPicker
	width      int
	height     int
	listW      int
	// itemsVersion counts the list's SetItems; listDrawn and listText are
	// the last drawing of the list and what it was drawn for.
	itemsVersion int
	listDrawn    *listViewKey
	listText     string
	single       bool // too narrow for two panes: show the focused one
}

func newBrowse(c *common) *browse {
	b := &browse{c: c}
	l := list.New(nil, roleDelegate{c}, 30, 10)
	l.SetShowTitle(false)
	l.SetShowStatusBar(false)
	l.SetShowHelp(false)
	l.SetFilteringEnabled(true)
	l.SetShowFilter(false)
	l.DisableQuitKeybindings()
	km := l.KeyMap
	bk := c.keys.Browse
	km.CursorUp, km.CursorDown = bk.Up, bk.Down
	km.PrevPage, km.NextPage = bk.PageUp, bk.PageDown
	km.GoToStart, km.GoToEnd = bk.Top, bk.Bottom
	km.Filter = bk.Filter
	km.ShowFullHelp.SetEnabled(false)
	km.CloseFullHelp.SetEnabled(false)
	l.KeyMap = km
	l.FilterInput.Prompt = "filter: "
	l.Filter = filterRoles
	steadyCursor(&l.FilterInput)
	b.list = l
	b.applyNarrow()
	return b
}

// capturesText reports whether letters typed now belong to a text field.
func (b *browse) capturesText() bool {
	return b.list.FilterState() == list.Filtering
}

// applyStyles gives the list the explorer's styles (they change with
// the theme) and a compact page counter instead of dots.
func (b *browse) applyStyles() {
	st := b.c.styles
	ls := list.DefaultStyles(st.IsDark)
	ls.PaginationStyle = st.Faint.PaddingLeft(2)
	ls.NoItems = st.Faint.PaddingLeft(2)
	ls.TitleBar = lipgloss.NewStyle().Padding(0, 0, 1, 2)
	ls.DefaultFilterCharacterMatch = st.Highlight
	b.list.Styles = ls
	b.list.Paginator.Type = paginator.Arabic
	b.list.Paginator.ArabicFormat = "page %d of %d"
	b.list.FilterInput.SetStyles(st.inputStyles(b.list.FilterInput.Styles()))
}

func (b *browse) setSize(w, h int) tea.Cmd {
	b.width, b.height = w, h
	b.applyStyles()
	b.single = w < 60
	b.listW = min(max(w/3, 24), 38)
	if b.single {
		b.listW = w
	}
	b.list.SetSize(max(b.listW-2, 1), max(h-2, 1))
	b.page.setHeight(h - 2)
	if b.links != nil {
		b.links.setSize(b.pageWidth(), h) // the picker takes the page's place
	}
	return b.showRole(b.current, false)
}

func (b *browse) pageWidth() int {
	if b.single {
		return b.width
	}
	return b.width - b.listW
}

// wrapWidth is the width glamour wraps the page to: the pane's inside.
// Glamour keeps its two-column margins within that width, so the text
// sits two columns from the border on either side.
func (b *browse) wrapWidth() int { return max(b.pageWidth()-2, 10) }

// groups returns the values of the current narrowing mode.
func (b *browse) groups() []string {
	switch b.narrow {
	case narrowFamily:
		return b.c.cat.Families()
	case narrowTrack:
		out := make([]string, len(catalog.Tracks))
		for i, t := range catalog.Tracks {
			out[i] = string(t)
		}
		return out
	case narrowPillar:
		var out []string
		for _, p := range b.c.cat.Pillars {
			out = append(out, p.Title)
		}
		return out
	}
	return nil
}

func (b *browse) groupLabel() string {
	g := b.groups()
	if len(g) == 0 {
		return "All roles"
	}
	return fmt.Sprintf("%s: %s (%d/%d)", strings.ToUpper(b.narrow.String()[:1])+b.narrow.String()[1:], g[b.narrowIdx], b.narrowIdx+1, len(g))
}

// applyNarrow refills the list for the current narrowing.
func (b *browse) applyNarrow() tea.Cmd {
	var items []list.Item
	groups := b.groups()
	if b.narrowIdx >= len(groups) {
		b.narrowIdx = 0
	}
	b.groupTitle = b.groupLabel()
	inPillar := map[string]bool{}
	if b.narrow == narrowPillar && len(groups) > 0 {
		for _, g := range b.c.cat.Pillars[b.narrowIdx].Groups {
			for _, m := range g.Members {
				inPillar[m.Role] = true
			}
		}
	}
	for _, r := range b.c.cat.Roles {
		switch b.narrow {
		case narrowFamily:
			if r.Family != groups[b.narrowIdx] {
				continue
			}
		case narrowTrack:
			if string(r.Track) != groups[b.narrowIdx] {
				continue
			}
		case narrowPillar:
			if !inPillar[r.ID] {
				continue
			}
		}
		items = append(items, roleItem{r})
	}
	cmd := b.setItems(items)
	b.selectInList(b.current)
	return tea.Batch(cmd, b.syncSelection())
}

// setItems gives the list new items (or the same ones, to redraw marks).
func (b *browse) setItems(items []list.Item) tea.Cmd {
	b.itemsVersion++
	return b.list.SetItems(items)
}

// listViewKey holds everything the role list's drawing depends on.
type listViewKey struct {
	items, index, page, visible, cursor, width, height int
	filterState                                        list.FilterState
	filter, marks                                      string
	showFilter, dark, noColor                          bool
}

// listView draws the role list, or returns the drawing of the last
// frame when nothing it shows has changed: bubbles' list measures and
// styles every line again on each View (two thirds of a frame that only
// moves the page).
func (b *browse) listView() string {
	k := listViewKey{items: b.itemsVersion, index: b.list.Index(), page: b.list.Paginator.Page,
		visible: len(b.list.VisibleItems()), cursor: b.list.FilterInput.Position(),
		width: b.list.Width(), height: b.list.Height(), filterState: b.list.FilterState(),
		filter: b.list.FilterValue(), marks: strings.Join(b.c.marks, " "), showFilter: b.list.ShowFilter(),
		dark: b.c.styles.IsDark, noColor: b.c.styles.NoColor}
	if b.listDrawn == nil || *b.listDrawn != k {
		b.listDrawn, b.listText = &k, b.list.View()
	}
	return b.listText
}

func (b *browse) selectInList(id string) bool {
	for i, it := range b.list.VisibleItems() {
		if it.(roleItem).r.ID == id {
			b.list.Select(i)
			return true
		}
	}
	return false
}

func (b *browse) selectedID() string {
	if it, ok := b.list.SelectedItem().(roleItem); ok {
		return it.r.ID
	}
	return ""
}

// syncSelection shows the role under the list cursor on the page.
func (b *browse) syncSelection() tea.Cmd {
	if id := b.selectedID(); id != "" && id != b.current {
		return b.showRole(id, true)
	}
	return nil
}

// open shows a role, selecting it in the list (clearing a filter or
// narrowing that hides it) and scrolling the page to the line that holds
// text, if given.
func (b *browse) open(id, text string) tea.Cmd {
	var cmds []tea.Cmd
	if !b.selectInList(id) {
		b.list.ResetFilter()
		if !b.selectInList(id) {
			b.narrow, b.narrowIdx = narrowNone, 0
			cmds = append(cmds, b.applyNarrow())
			b.selectInList(id)
		}
	}
	cmds = append(cmds, b.showRole(id, true))
	if text != "" {
		b.scrollTo(text)
	}
	return tea.Batch(cmds...)
}

// showRole puts a role on the page from the cache, or asks for its
// rendering; reset scrolls back to the top.
func (b *browse) showRole(id string, reset bool) tea.Cmd {
	if id == "" {
		return nil
	}
	r := b.c.cat.Role(id)
	if r == nil {
		return nil
	}
	b.current = id
	key := pageKey{id: "role:" + id, width: b.wrapWidth(), style: b.c.styles.GlamourStyle}
	lines, ok, cmd := b.c.pages.get(key, func() string { return b.c.cat.RoleMarkdown(r) })
	b.pageWaiting = !ok
	if ok {
		b.page.setLines(lines)
		if reset {
			b.page.top()
		}
		// Its neighbours may not be: moving onto a rendered page, or
		// coming back to a width, restarts the chain of renders ahead
		// (prefetch starts nothing while one is under way).
		return b.prefetch()
	}
	b.page.setText(b.c.styles.Faint.Render("  rendering " + r.Title + "…"))
	return cmd
}

// pageRendered takes a finished rendering if it is the one on show, and
// then renders the roles above and below it in the list, so that moving
// the cursor finds them ready.
func (b *browse) pageRendered(m pageRenderedMsg) tea.Cmd {
	if m.key.id != "role:"+b.current || m.key.width != b.wrapWidth() || m.key.style != b.c.styles.GlamourStyle {
		if b.pageWaiting || !strings.HasPrefix(m.key.id, "role:") {
			return nil // the page on show comes first
		}
		return b.prefetch() // a neighbour: on to the next one
	}
	b.pageWaiting = false
	b.page.setLines(m.lines)
	if b.pendingScroll != "" {
		b.scrollTo(b.pendingScroll)
	}
	return b.prefetch()
}

// prefetch renders the list neighbours of the current role, one at a
// time and each on one core: it starts the first that is neither
// rendered nor under way, and pageRendered starts the next when it
// arrives. Nothing starts while a neighbour is under way.
func (b *browse) prefetch() tea.Cmd {
	items := b.list.VisibleItems()
	i := b.list.Index()
	for _, j := range []int{i + 1, i - 1, i + 2} {
		if j < 0 || j >= len(items) {
			continue
		}
		r := items[j].(roleItem).r
		key := pageKey{id: "role:" + r.ID, width: b.wrapWidth(), style: b.c.styles.GlamourStyle}
		if b.c.pages.pending[key] {
			return nil
		}
		if _, ok, cmd := b.c.pages.ahead(key, func() string { return b.c.cat.RoleMarkdown(r) }); !ok {
			return cmd
		}
	}
	return nil
}

// scrollTo scrolls the page so the line holding the start of text is at
// the top (or remembers it until the page is rendered).
func (b *browse) scrollTo(text string) {
	if b.pageWaiting {
		b.pendingScroll = text
		return
	}
	b.pendingScroll = ""
	if i := findLine(b.page.lines, text); i >= 0 {
		b.page.setOffset(max(i-1, 0))
		b.focus = focusPage
	}
}

// findLine returns the index of the line where text starts in lines (a
// rendered page: styled, wrapped, with bullets), or -1. The page is
// searched as one run of words, so text wrapped over several lines is
// found; the longest start of text that occurs is taken, which tells
// apart duties that begin alike.
func findLine(lines []string, text string) int {
	var flat strings.Builder
	starts := make([]int, len(lines)) // offset in flat of each line
	for i, l := range lines {
		starts[i] = flat.Len()
		for _, w := range strings.Fields(strings.ToLower(ansi.Strip(l))) {
			flat.WriteString(w + " ")
		}
	}
	hay := flat.String()
	words := strings.Fields(strings.ToLower(text))
	at := -1
	for n := 1; n <= min(len(words), 12); n++ {
		i := strings.Index(hay, strings.Join(words[:n], " "))
		if i < 0 {
			break
		}
		at = i
	}
	if at < 0 {
		return -1
	}
	line := 0
	for i, s := range starts {
		if s <= at {
			line = i
		}
	}
	return line
}

func (b *browse) update(msg tea.Msg) (string, tea.Cmd) {
	if b.links != nil {
		return b.updateLinks(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return b.key(msg)
	case tea.MouseWheelMsg:
		return "", b.wheel(msg)
	case tea.MouseClickMsg:
		return "", b.click(msg)
	}
	return "", b.updateList(msg)
}

// updateList passes msg to the list and shows the filter line only while
// a filter is being typed; once applied, the list's title shows it.
func (b *browse) updateList(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	b.list, cmd = b.list.Update(msg)
	b.list.SetShowFilter(b.list.FilterState() == list.Filtering)
	return tea.Batch(cmd, b.syncSelection())
}

// filterTitle names the list while filtered: the filter once applied,
// and how many roles it leaves.
func (b *browse) filterTitle() string {
	n := fmt.Sprintf("%d of %d", len(b.list.VisibleItems()), len(b.list.Items()))
	if b.list.FilterState() == list.FilterApplied {
		return "“" + b.list.FilterValue() + "” · " + n
	}
	return n
}

func (b *browse) key(msg tea.KeyPressMsg) (string, tea.Cmd) {
	k := b.c.keys.Browse
	if b.list.FilterState() == list.Filtering {
		return "", b.updateList(msg)
	}
	switch {
	case key.Matches(msg, k.Focus):
		b.focus = 1 - b.focus
		return "", nil
	case key.Matches(msg, k.Mark):
		if id := b.current; id != "" {
			return b.c.toggleMark(id), nil
		}
		return "", nil
	case key.Matches(msg, k.Links) && !(b.focus == focusList && msg.String() == "enter"):
		return b.openLinks()
	case msg.String() == "enter" && b.focus == focusList:
		b.focus = focusPage
		return "", nil
	case key.Matches(msg, k.SetCurrent, k.AddTarget, k.Shortlist):
		id := b.current
		var edit planEditMsg
		switch {
		case key.Matches(msg, k.SetCurrent):
			edit.current = id
		case key.Matches(msg, k.AddTarget):
			edit.target = id
		default:
			edit.shortlist = id
		}
		return "", func() tea.Msg { return edit }
	case key.Matches(msg, k.Group):
		b.narrow = (b.narrow + 1) % 4
		b.narrowIdx = 0
		cmd := b.applyNarrow()
		return "Showing " + b.groupTitle, cmd
	case key.Matches(msg, k.NextGroup, k.PrevGroup):
		if n := len(b.groups()); n > 0 {
			d := 1
			if key.Matches(msg, k.PrevGroup) {
				d = n - 1
			}
			b.narrowIdx = (b.narrowIdx + d) % n
			cmd := b.applyNarrow()
			return "Showing " + b.groupTitle, cmd
		}
		return "Press n to narrow the list by family, track or pillar", nil
	}
	if b.focus == focusPage {
		b.page.key(msg, pagerKeys{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom})
		return "", nil
	}
	return "", b.updateList(msg)
}

// consumesBack reports whether esc should act inside the screen (clear a
// filter, close the link picker) rather than go back.
func (b *browse) consumesBack() bool {
	return b.links != nil || b.list.FilterState() != list.Unfiltered
}

func (b *browse) back() tea.Cmd {
	if b.links != nil {
		b.links = nil
		return nil
	}
	b.list.ResetFilter()
	b.list.SetShowFilter(false)
	b.selectInList(b.current)
	return nil
}

func (b *browse) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	m := msg.Mouse()
	delta := 3
	if m.Button == tea.MouseWheelUp {
		delta = -3
	}
	if !b.single && m.X < b.listW {
		if delta < 0 {
			b.list.CursorUp()
		} else {
			b.list.CursorDown()
		}
		return b.syncSelection()
	}
	b.page.scroll(delta)
	return nil
}

// click selects the role under the pointer, or focuses the page. y is
// relative to the screen's body.
func (b *browse) click(msg tea.MouseClickMsg) tea.Cmd {
	m := msg.Mouse()
	if !b.single && m.X >= b.listW || b.single && b.focus == focusPage {
		b.focus = focusPage
		return nil
	}
	b.focus = focusList
	lines := splitLines(b.listView())
	row := m.Y - 1 // the pane's top border
	if row < 0 || row >= len(lines) {
		return nil
	}
	text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ansi.Strip(lines[row])), "●"))
	for i, it := range b.list.VisibleItems() {
		if b.lineMatches(text, it.(roleItem).r) {
			b.list.Select(i)
			return b.syncSelection()
		}
	}
	return nil
}

// lineMatches reports whether a list line's text shows role r.
func (b *browse) lineMatches(text string, r *catalog.Role) bool {
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), trackTag[r.Track]))
	text = strings.TrimSuffix(text, "…")
	return text != "" && strings.HasPrefix(r.Title, text)
}

func (b *browse) view() string {
	st := b.c.styles
	pageBox := st.Pane
	listBox := st.Pane
	if b.focus == focusPage {
		pageBox = st.FocusPane
	} else {
		listBox = st.FocusPane
	}
	h := b.height
	listTitle := b.groupTitle
	if b.list.FilterState() != list.Unfiltered {
		listTitle = b.filterTitle()
	}
	pageTitle := ""
	if r := b.c.cat.Role(b.current); r != nil {
		pageTitle = fmt.Sprintf("%s · %d%%", r.Title, int(b.page.percent()*100))
	}
	listView := boxed(listBox, b.listView(), b.listW, h, listTitle, st)
	pageView := boxedLines(pageBox, b.page.visible(), b.pageWidth(), h, pageTitle, st)
	if b.links != nil {
		pageView = b.links.view()
	}
	if b.single {
		if b.focus == focusPage || b.links != nil {
			return pageView
		}
		return listView
	}
	return joinColumns(listView, pageView)
}

// boxed draws content in a bordered pane of exactly w×h cells with a title
// set into the top border.
func boxed(style lipgloss.Style, content string, w, h int, title string, st Styles) string {
	return boxedLines(style, splitLines(content), w, h, title, st)
}

// boxedLines is boxed for content already split into lines. It draws the
// border itself: lipgloss would word-wrap every line again on each frame.
func boxedLines(style lipgloss.Style, lines []string, w, h int, title string, st Styles) string {
	if w < 2 || h < 2 {
		return fit(joinLines(lines), w, h)
	}
	bd := style.GetBorderStyle()
	paint := lipgloss.NewStyle().Foreground(style.GetBorderTopForeground()).Render
	inner, rows := w-2, h-2
	left, right := paint(bd.Left), paint(bd.Right)
	var b strings.Builder
	size := h * (w + 2*len(left) + 8)
	for _, l := range lines[:min(rows, len(lines))] {
		size += len(l)
	}
	b.Grow(size)
	if t := ansi.Truncate(" "+title+" ", w-4, "…"); title != "" && w >= 8 {
		rest := max(w-3-lipgloss.Width(t), 0)
		b.WriteString(paint(bd.TopLeft+bd.Top) + st.Title.Render(t) + paint(strings.Repeat(bd.Top, rest)+bd.TopRight))
	} else {
		b.WriteString(paint(bd.TopLeft + strings.Repeat(bd.Top, inner) + bd.TopRight))
	}
	for i := range rows {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		b.WriteString("\n" + left + fitLine(line, inner) + right)
	}
	b.WriteString("\n" + paint(bd.BottomLeft+strings.Repeat(bd.Bottom, inner)+bd.BottomRight))
	return b.String()
}

// joinColumns puts two blocks of equal height side by side, line by line.
func joinColumns(a, b string) string {
	la, lb := splitLines(a), splitLines(b)
	n := max(len(la), len(lb))
	wa := 0
	for _, l := range la {
		wa = max(wa, cellWidth(l))
	}
	out := make([]string, n)
	for i := 0; i < n; i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		out[i] = padRight(x, wa) + y
	}
	return joinLines(out)
}
