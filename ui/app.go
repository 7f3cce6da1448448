package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/plan"
)

// Screen is one of the explorer's views.
type Screen int

// The screens, in tab order.
const (
	ScreenBrowse Screen = iota
	ScreenCompare
	ScreenSearch
	ScreenPillars
	ScreenTasks
	ScreenPlan
	ScreenProblems
)

var screenNames = [...]string{"Roles", "Compare", "Search", "Pillars", "Tasks", "Plan", "Problems"}

// String names the screen as its tab does.
func (s Screen) String() string { return screenNames[s] }

// ParseScreen returns the screen named s (case-insensitive).
func ParseScreen(s string) (Screen, bool) {
	for i, n := range screenNames {
		if strings.EqualFold(n, s) || s == "browse" && i == 0 {
			return Screen(i), true
		}
	}
	return 0, false
}

// MinWidth and MinHeight are the smallest window the explorer draws in;
// below it shows a notice instead.
const (
	MinWidth  = 40
	MinHeight = 10
)

// Theme chooses styles: Auto asks the terminal for its background.
type Theme int

// The themes.
const (
	ThemeAuto Theme = iota
	ThemeDark
	ThemeLight
)

// Options configure the explorer.
type Options struct {
	Catalog  *catalog.Catalog
	Index    *catalog.Index // built from Catalog when nil
	Problems catalog.Problems
	Theme    Theme
	NoColor  bool
	KeyMap   *KeyMap // DefaultKeyMap when nil
	// Start chooses the first screen: the roles to show (one: its page;
	// two or three: their comparison), or a search query.
	Start Start
	// Plan is the career plan file; nil keeps the plan in memory only.
	Plan *plan.Store
	// PlanWarnings are shown when the explorer opens (a plan file moved
	// aside, say).
	PlanWarnings []string
	// CompareDimensions are the dimension indexes the comparison shows;
	// empty shows all ten.
	CompareDimensions []int
	// PanicForTest makes the explorer panic on its first window size, so
	// tests can check the terminal is restored and the exit status is 1.
	PanicForTest bool
}

// Start says where the explorer opens.
type Start struct {
	Roles  []string // role ids
	Screen Screen
	Query  string
}

// location is a place in the history that esc returns to.
type location struct {
	screen Screen
	role   string
}

// Model is the explorer's root: it routes messages to the screen in
// front and is the only one that returns a tea.View.
type Model struct {
	c        *common
	screen   Screen
	browse   *browse
	compare  *compare
	search   *search
	pillars  twoPane
	tasks    twoPane
	plan     *planScreen
	problems viewport.Model
	help     help.Model
	showHelp bool
	history  []location
	status   string
	width    int
	height   int
	theme    Theme
	noColor  bool
	ready    bool // a window size has arrived
	panicNow bool
	// quitting is set when the user quit while the plan was being saved:
	// the explorer ends as soon as the saves are done.
	quitting bool
	// notice holds warnings about the plan file, shown whole in place of
	// the screen until a key is pressed: they name files the user may
	// need, too long for the status line.
	notice []string
	// unsized holds the screens out of sight that have not been laid out
	// for the window's size yet: laying out the pillars, tasks and plan
	// (every contribution and gap item wrapped) is most of a resize, and
	// most of start-up's own work, for screens that may never be opened.
	unsized map[Screen]bool
}

// New builds the explorer.
func New(o Options) Model {
	keys := DefaultKeyMap()
	if o.KeyMap != nil {
		keys = *o.KeyMap
	}
	ix := o.Index
	if ix == nil {
		ix = catalog.NewIndex(o.Catalog)
	}
	isDark := o.Theme != ThemeLight
	c := &common{cat: o.Catalog, index: ix, problems: o.Problems, keys: keys,
		styles: NewStyles(isDark, o.NoColor), pages: newPageCache(), rows: map[rowKey]string{}}
	m := Model{c: c, theme: o.Theme, noColor: o.NoColor, help: help.New(), panicNow: o.PanicForTest}
	m.help.Styles = c.styles.Help
	m.browse = newBrowse(c)
	m.compare = newCompare(c)
	m.compare.only = o.CompareDimensions
	m.search = newSearch(c)
	m.pillars = newPillars(c)
	m.tasks = newTasks(c)
	m.plan = newPlanScreen(c, o.Plan)
	m.problems = viewport.New()
	m.start(o.Start)
	m.notice = append(m.notice, o.PlanWarnings...)
	return m
}

// start applies the opening screen.
func (m *Model) start(s Start) {
	var roles []string
	for _, id := range s.Roles {
		if m.c.cat.Role(id) != nil {
			roles = append(roles, id)
		}
	}
	switch {
	case len(roles) >= 2:
		m.c.marks = roles[:min(len(roles), MaxCompare)]
		m.browse.current = roles[0]
		m.browse.selectInList(roles[0])
		m.screen = ScreenCompare
	case len(roles) == 1:
		m.browse.current = roles[0]
		m.browse.selectInList(roles[0])
		m.screen = ScreenBrowse
		m.browse.focus = focusPage
	default:
		m.screen = s.Screen
		if id := m.browse.selectedID(); id != "" {
			m.browse.current = id
		}
	}
	if s.Query != "" {
		m.screen = ScreenSearch
		m.search.input.SetValue(s.Query)
	}
	if m.screen == ScreenProblems && len(m.c.problems) == 0 {
		m.screen = ScreenBrowse
	}
}

// Init asks the terminal for its background colour (unless a theme was
// chosen) and starts the first screen.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.enter(m.screen)}
	if m.theme == ThemeAuto && !m.noColor {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// Update routes a message: window and theme changes go to every screen,
// keys and mouse to the screen in front, finished work to its owner.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if m.panicNow {
			panic("roledex: panic requested by ROLEDEX_TEST_PANIC")
		}
		return m, m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		return m, m.setDark(msg.IsDark())
	case pageRenderedMsg:
		m.c.pages.store(msg)
		return m, m.browse.pageRendered(msg)
	case searchResultsMsg:
		m.search.results(msg)
		return m, nil
	case followMsg:
		return m, m.follow(msg.id, msg.text)
	case openHitMsg:
		return m, m.openHit(msg.hit)
	case planMsg:
		st, cmd := m.plan.handle(msg)
		m.setStatus(st)
		for _, w := range msg.warnings {
			m.notice = append(m.notice, catalog.Sanitize(w.Message))
		}
		if m.quitting && !m.plan.saving() {
			return m, tea.Quit
		}
		return m, cmd
	case notesIdleMsg:
		st, cmd := m.plan.update(msg)
		m.setStatus(st)
		return m, cmd
	case planEditMsg:
		return m, m.plan.edit(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseClickMsg:
		return m, m.click(msg)
	case tea.MouseWheelMsg:
		if m.tooSmall() || m.showHelp {
			return m, nil
		}
		w := msg
		w.Y--
		return m, m.toScreen(w)
	}
	return m, m.toScreen(msg)
}

// toScreen hands a message to the screen in front.
func (m *Model) toScreen(msg tea.Msg) tea.Cmd {
	var status string
	var cmd tea.Cmd
	switch m.screen {
	case ScreenBrowse:
		status, cmd = m.browse.update(msg)
	case ScreenCompare:
		status, cmd = m.compare.update(msg)
	case ScreenSearch:
		status, cmd = m.search.update(msg)
	case ScreenPillars:
		status, cmd = m.pillars.update(msg)
	case ScreenTasks:
		status, cmd = m.tasks.update(msg)
	case ScreenPlan:
		status, cmd = m.plan.update(msg)
	case ScreenProblems:
		m.problems, cmd = m.problems.Update(msg)
	}
	m.setStatus(status)
	return cmd
}

func (m *Model) setStatus(s string) {
	if s != "" {
		m.status = s
	}
}

func (m *Model) resize(w, h int) tea.Cmd {
	m.width, m.height, m.ready = w, h, true
	m.help.SetWidth(max(w-2, 1))
	bw, bh := max(w, 1), max(h-2, 1)
	cmd := m.browse.setSize(bw, bh)
	m.compare.setSize(bw, bh)
	m.search.setSize(bw, bh)
	m.unsized = map[Screen]bool{ScreenPillars: true, ScreenTasks: true, ScreenPlan: true}
	m.layOut(m.screen)
	m.problems.SetWidth(bw)
	m.problems.SetHeight(bh)
	m.problems.SetContent(m.problemsText())
	return cmd
}

func (m *Model) setDark(dark bool) tea.Cmd {
	if m.theme != ThemeAuto || dark == m.c.styles.IsDark {
		return nil
	}
	m.c.styles = NewStyles(dark, m.noColor)
	m.help.Styles = m.c.styles.Help
	if !m.ready {
		return nil
	}
	return m.resize(m.width, m.height)
}

// capturesText reports whether letters go to a text field on the screen
// in front, so single-letter shortcuts must wait.
func (m *Model) capturesText() bool {
	switch m.screen {
	case ScreenBrowse:
		return m.browse.capturesText()
	case ScreenSearch:
		return true
	case ScreenPlan:
		return m.plan.capturesText()
	}
	return false
}

func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	g := m.c.keys.Global
	m.status = ""
	if key.Matches(msg, g.ForceQuit) {
		return m, m.quit()
	}
	if len(m.notice) > 0 {
		m.notice = nil
		return m, nil
	}
	if m.tooSmall() {
		if key.Matches(msg, g.Quit, g.Back) {
			return m, m.quit()
		}
		return m, nil
	}
	if m.showHelp {
		if key.Matches(msg, g.Help, g.Back, g.Quit) {
			m.showHelp = false
		}
		return m, nil
	}
	text := m.capturesText()
	switch {
	case key.Matches(msg, g.Back) && !(text && msg.String() == "backspace"):
		return m, m.back()
	case key.Matches(msg, g.Help) && m.screen == ScreenSearch && m.search.input.Value() == "":
		// Nobody searches for a lone "?": on an empty query it is help.
		m.showHelp = true
		return m, nil
	case text && !isCtrlOrF(msg):
		return m, m.toScreen(msg)
	case key.Matches(msg, g.Quit):
		return m, m.quit()
	case key.Matches(msg, g.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, g.Search):
		return m, m.goTo(ScreenSearch)
	case key.Matches(msg, g.Browse):
		return m, m.goTo(ScreenBrowse)
	case key.Matches(msg, g.Compare):
		return m, m.goTo(ScreenCompare)
	case key.Matches(msg, g.Pillars):
		return m, m.goTo(ScreenPillars)
	case key.Matches(msg, g.Tasks):
		return m, m.goTo(ScreenTasks)
	case key.Matches(msg, g.Plan):
		return m, m.goTo(ScreenPlan)
	case key.Matches(msg, g.Problems) && len(m.c.problems) > 0:
		return m, m.goTo(ScreenProblems)
	}
	return m, m.toScreen(msg)
}

// quit ends the explorer once nothing is lost: notes being written are
// saved, and the saves under way are waited for. A second ctrl+c while
// waiting quits at once.
func (m *Model) quit() tea.Cmd {
	if m.quitting {
		return tea.Quit
	}
	var cmd tea.Cmd
	if m.plan.editing {
		cmd = m.plan.saveNotes("Notes saved")
	}
	if !m.plan.saving() {
		return tea.Quit
	}
	m.quitting = true
	m.status = "Saving the plan…"
	return cmd
}

// isCtrlOrF reports keys that never type text (ctrl combinations and
// function keys), which stay global while a text field has focus.
func isCtrlOrF(msg tea.KeyPressMsg) bool {
	s := msg.String()
	return strings.HasPrefix(s, "ctrl+") || len(s) >= 2 && s[0] == 'f' && s[1] >= '1' && s[1] <= '9'
}

// goTo brings a screen to the front, remembering where we were.
func (m *Model) goTo(s Screen) tea.Cmd {
	if s == m.screen {
		return nil
	}
	m.history = append(m.history, location{m.screen, m.browse.current})
	if len(m.history) > 100 {
		m.history = m.history[1:]
	}
	m.screen = s
	return m.enter(s)
}

// layOut sizes screen s for the window if it has not been since the
// last resize.
func (m *Model) layOut(s Screen) {
	if !m.unsized[s] {
		return
	}
	delete(m.unsized, s)
	bw, bh := max(m.width, 1), max(m.height-2, 1)
	switch s {
	case ScreenPillars:
		m.pillars.setSize(bw, bh)
	case ScreenTasks:
		m.tasks.setSize(bw, bh)
	case ScreenPlan:
		m.plan.setSize(bw, bh)
	}
}

// enter prepares a screen as it comes to the front.
func (m *Model) enter(s Screen) tea.Cmd {
	m.layOut(s)
	switch s {
	case ScreenCompare:
		m.compare.sync()
	case ScreenSearch:
		return tea.Batch(m.search.focus(), m.search.changed())
	case ScreenPlan:
		return m.plan.enter()
	case ScreenBrowse:
		m.browse.setItems(m.browse.list.Items()) // redraw marks
	}
	if s != ScreenSearch {
		m.search.input.Blur()
	}
	return nil
}

// back closes what is open inside the screen, else returns to the
// previous place.
func (m *Model) back() tea.Cmd {
	if m.screen == ScreenBrowse && m.browse.consumesBack() {
		return m.browse.back()
	}
	if m.screen == ScreenPlan && m.plan.consumesBack() {
		st, cmd := m.plan.back()
		m.setStatus(st)
		return cmd
	}
	if len(m.history) == 0 {
		if m.screen != ScreenBrowse {
			m.screen = ScreenBrowse
			return m.enter(ScreenBrowse)
		}
		m.status = "Nothing to go back to · q quits"
		return nil
	}
	loc := m.history[len(m.history)-1]
	m.history = m.history[:len(m.history)-1]
	m.screen = loc.screen
	cmd := m.enter(loc.screen)
	if loc.role != "" && loc.role != m.browse.current {
		cmd = tea.Batch(cmd, m.browse.open(loc.role, ""))
	}
	return cmd
}

// follow opens a role page, remembering where we came from.
func (m *Model) follow(id, text string) tea.Cmd {
	m.history = append(m.history, location{m.screen, m.browse.current})
	m.screen = ScreenBrowse
	return tea.Batch(m.enter(ScreenBrowse), m.browse.open(id, text))
}

// openHit opens what a search hit points at: the task, or the role page
// at the matched line.
func (m *Model) openHit(h catalog.Hit) tea.Cmd {
	m.search.input.Blur()
	if h.Task != "" {
		m.history = append(m.history, location{m.screen, m.browse.current})
		m.screen = ScreenTasks
		m.layOut(ScreenTasks)
		m.tasks.selectLeft(h.Task)
		m.tasks.focus = 1
		return nil
	}
	text := ""
	if h.Kind != catalog.KindTitle && h.Kind != catalog.KindAlias {
		text = h.Text
	}
	return m.follow(h.Role, text)
}

// click handles the header tabs and passes other clicks to the screen
// with coordinates relative to its body.
func (m *Model) click(msg tea.MouseClickMsg) tea.Cmd {
	if len(m.notice) > 0 {
		m.notice = nil
		return nil
	}
	if m.tooSmall() || m.showHelp {
		return nil
	}
	if msg.Y == 0 {
		x := 0
		for _, t := range m.tabs() {
			w := lipgloss.Width(t.label)
			if msg.X >= x && msg.X < x+w {
				return m.goTo(t.screen)
			}
			x += w
		}
		return nil
	}
	c := msg
	c.Y--
	return m.toScreen(c)
}

type tab struct {
	screen Screen
	label  string
}

// tabs returns the header's tabs as drawn, so clicks can find them.
//
// When the full bar is wider than the window, the tabs of the screens
// not in front shrink to their keys, and then the "roledex" label goes.
func (m *Model) tabs() []tab {
	for _, compact := range []int{0, 1, 2} {
		out := m.tabsAs(compact)
		w := 0
		for _, t := range out {
			w += lipgloss.Width(t.label)
		}
		if w <= m.width || compact == 2 {
			return out
		}
	}
	return nil
}

// tabsAs builds the tab bar: compact 0 in full, 1 with the other
// screens' tabs as keys only, 2 also without the "roledex" label.
func (m *Model) tabsAs(compact int) []tab {
	st := m.c.styles
	var out []tab
	if compact < 2 {
		out = append(out, tab{-1, st.Header.Render(" roledex ")})
	}
	g := m.c.keys.Global
	bindings := []key.Binding{g.Browse, g.Compare, g.Search, g.Pillars, g.Tasks, g.Plan}
	for s := ScreenBrowse; s <= ScreenPlan; s++ {
		name := s.String()
		if ks := bindings[s].Keys(); len(ks) > 0 {
			name = ks[0] + " " + name
			if compact > 0 && s != m.screen {
				name = ks[0]
			}
		}
		if s == ScreenCompare && len(m.c.marks) > 0 {
			name += fmt.Sprintf(" (%d)", len(m.c.marks))
		}
		style := st.Tab
		if s == m.screen {
			style = st.ActiveTab
		}
		out = append(out, tab{s, style.Render(name)})
	}
	if len(m.c.problems) > 0 {
		style := st.Error
		if m.screen == ScreenProblems {
			style = style.Underline(true)
		}
		out = append(out, tab{ScreenProblems, style.Render(" ! " + problemCount(len(m.c.problems)))})
	}
	return out
}

func (m Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// View draws the header, the screen in front and the footer. Screens
// return strings; this is the only tea.View.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "roledex"
	return v
}

func (m Model) render() string {
	if !m.ready {
		return ""
	}
	if m.tooSmall() {
		return m.tooSmallView()
	}
	var header strings.Builder
	for _, t := range m.tabs() {
		header.WriteString(t.label)
	}
	var body string
	if m.showHelp {
		body = m.fullHelp()
	} else {
		body = m.body()
	}
	// Each part is cut to its rows and to the width, so the frame is
	// exactly the window's size whatever a screen returns.
	out := fit(header.String(), m.width, 1) + "\n" + fit(body, m.width, m.height-2) + "\n" + fit(m.footer(), m.width, 1)
	// The last check: only our own styling and safe links reach the terminal.
	return SafeOutput(out)
}

func (m Model) body() string {
	if len(m.notice) > 0 {
		return m.noticeView()
	}
	switch m.screen {
	case ScreenBrowse:
		return m.browse.view()
	case ScreenCompare:
		return m.compare.view()
	case ScreenSearch:
		return m.search.view()
	case ScreenPillars:
		return m.pillars.view()
	case ScreenTasks:
		return m.tasks.view()
	case ScreenPlan:
		return m.plan.view()
	case ScreenProblems:
		return m.problems.View()
	}
	return ""
}

// noticeView shows the plan file warnings, wrapped, in a framed box.
func (m Model) noticeView() string {
	st := m.c.styles
	w := min(m.width, 90)
	var lines []string
	for i, n := range m.notice {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, splitLines(ansi.Wrap(n, max(w-6, 10), " /"))...)
	}
	lines = append(lines, "", st.Faint.Render("Press any key to go on."))
	box := st.FocusPane.Padding(0, 1).Width(w).Render(joinLines(lines))
	return st.Header.Render("Your plan file") + "\n\n" + box
}

func (m Model) footer() string {
	if len(m.notice) > 0 {
		return m.c.styles.Notice.Render("Read the warning above · any key goes on")
	}
	if m.status != "" {
		return m.c.styles.Notice.Render(ansi.Truncate(m.status, m.width, "…"))
	}
	bindings := m.helpKeys().ShortHelp()
	// The help line changes with the screen and its state, not with each
	// frame: drawn again only when its bindings or the width change.
	var k strings.Builder
	fmt.Fprintf(&k, "%d %t %t", m.help.Width(), m.c.styles.IsDark, m.c.styles.NoColor)
	for _, b := range bindings {
		fmt.Fprintf(&k, "\x00%s\x01%s\x01%t", b.Help().Key, b.Help().Desc, b.Enabled())
	}
	if f := &m.c.footer; f.key != k.String() {
		f.key, f.text = k.String(), m.shortHelp(bindings)
	}
	return m.c.footer.text
}

// shortHelp draws the help line. The key that opens the full help is
// what leads to every other key, so when the line is too long it is the
// others that make room: "? help" always ends the line.
func (m Model) shortHelp(bindings []key.Binding) string {
	g := m.c.keys.Global
	var rest []key.Binding
	var helpKey *key.Binding
	for i, b := range bindings {
		if helpKey == nil && sameHelp(b, g.Help) {
			helpKey = &bindings[i]
			continue
		}
		rest = append(rest, b)
	}
	if helpKey == nil {
		return m.help.ShortHelpView(bindings)
	}
	st := m.help.Styles
	tail := st.ShortKey.Render(helpKey.Help().Key) + " " + st.ShortDesc.Render(helpKey.Help().Desc)
	sep := st.ShortSeparator.Render(m.help.ShortSeparator)
	h := m.help
	h.SetWidth(max(m.help.Width()-lipgloss.Width(sep+tail), 1))
	head := h.ShortHelpView(rest)
	if head == "" {
		return tail
	}
	if strings.HasSuffix(ansi.Strip(head), "…") {
		return head + " " + tail
	}
	return head + sep + tail
}

func sameHelp(a, b key.Binding) bool {
	return a.Help() == b.Help() && strings.Join(a.Keys(), " ") == strings.Join(b.Keys(), " ")
}

func (m Model) fullHelp() string {
	title := m.c.styles.Header.Render(m.screen.String()+" · keys") + m.c.styles.Faint.Render("   (? or esc closes)")
	return title + "\n\n" + m.fullHelpColumns(m.helpKeys().FullHelp())
}

// fullHelpColumns lays the help columns side by side while they fit the
// window and starts a new row of columns when they do not, so that no
// column (the global keys come last) is cut off on a narrow terminal.
func (m Model) fullHelpColumns(groups [][]key.Binding) string {
	h := m.help
	h.SetWidth(0) // each row is measured here
	sepW := lipgloss.Width(h.FullSeparator)
	var rows []string
	var row [][]key.Binding
	width := 0
	for _, g := range groups {
		w := lipgloss.Width(h.FullHelpView([][]key.Binding{g}))
		if len(row) > 0 && width+sepW+w > m.width-2 {
			rows = append(rows, h.FullHelpView(row))
			row, width = nil, 0
		}
		if len(row) > 0 {
			width += sepW
		}
		row = append(row, g)
		width += w
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	return strings.Join(rows, "\n\n")
}

// helpKeys returns the bindings of the screen in front for bubbles/help.
func (m Model) helpKeys() helpMap {
	k := m.c.keys
	g := k.Global
	switch m.screen {
	case ScreenBrowse:
		b := k.Browse
		if m.browse.capturesText() {
			return helpMap{short: []key.Binding{k2("enter", "apply filter"), k2("esc", "cancel")}}
		}
		if m.browse.links != nil {
			p := k.Pick
			return helpMap{
				short: []key.Binding{p.Up, p.Down, k2("enter", "follow"), p.Mark, k2("esc", "close"), g.Help},
				full:  [][]key.Binding{{p.Up, p.Down, p.PageUp, p.PageDown}, {k2("enter", "follow the link"), p.Mark, k2("esc", "close the links")}, g.column()},
			}
		}
		short := []key.Binding{b.Focus, b.Mark, g.Compare, g.Search, b.Links, b.Group, g.Back, g.Quit, g.Help}
		if m.browse.list.FilterState() == list.FilterApplied {
			short = append([]key.Binding{k2("esc", "clear filter")}, short...)
		}
		return helpMap{
			short: short,
			full: [][]key.Binding{{b.Up, b.Down, b.PageUp, b.PageDown, b.Top, b.Bottom, b.Focus},
				{b.Filter, b.Group, b.PrevGroup, b.NextGroup, b.Mark, b.Links},
				{b.SetCurrent, b.AddTarget, b.Shortlist}, g.column()},
		}
	case ScreenCompare:
		c := k.Compare
		if len(m.compare.ids) < 2 { // nothing to compare yet: where to mark roles
			return helpMap{
				short: []key.Binding{g.Browse, g.Search, g.Back, g.Quit, g.Help},
				full:  [][]key.Binding{g.column()},
			}
		}
		return helpMap{
			short: []key.Binding{c.Diff, c.Left, c.Right, c.Swap, c.Drop, c.Open, g.Back, g.Help},
			full:  [][]key.Binding{{c.Up, c.Down, c.PageUp, c.PageDown}, {c.Left, c.Right, c.Diff, c.Swap, c.Drop, c.Open}, g.column()},
		}
	case ScreenSearch:
		s := k.Search
		short := []key.Binding{s.Up, s.Down, s.Open, s.Mark, s.Clear, k2("esc", "back"), k2("ctrl+c", "quit")}
		if m.search.input.Value() == "" {
			short = append(short, g.Help)
		}
		return helpMap{
			short: short,
			full:  [][]key.Binding{{s.Up, s.Down, s.Open, s.Mark, s.Clear}, {k2("esc", "back"), k2("ctrl+c", "quit"), k2("f1…f5", "screens")}},
		}
	case ScreenPillars, ScreenTasks:
		p := k.Pick
		return helpMap{
			short: []key.Binding{p.Up, p.Down, p.Focus, p.Open, p.Mark, g.Search, g.Back, g.Help},
			full:  [][]key.Binding{{p.Up, p.Down, p.PageUp, p.PageDown, p.Left, p.Right}, {p.Focus, p.Open, p.Mark}, g.column()},
		}
	case ScreenPlan:
		return m.plan.helpMap(g)
	}
	scroll := k2("↑/↓", "scroll")
	return helpMap{short: []key.Binding{scroll, g.Back, g.Quit, g.Help}, full: [][]key.Binding{{scroll, k2("pgup/pgdn", "page")}, g.column()}}
}

func k2(keys, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
}

func (m Model) tooSmallView() string {
	msg := []string{"roledex", "window too small", fmt.Sprintf("%d×%d, needs %d×%d", m.width, m.height, MinWidth, MinHeight), "q quits"}
	var lines []string
	top := max((m.height-len(msg))/2, 0)
	for i := 0; i < top; i++ {
		lines = append(lines, "")
	}
	for _, l := range msg {
		pad := max((m.width-lipgloss.Width(l))/2, 0)
		lines = append(lines, strings.Repeat(" ", pad)+l)
	}
	return fit(joinLines(lines), m.width, m.height)
}

func (m Model) problemsText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s in the catalog folders; the files without problems loaded.\nRun roledex lint DIR to see them from the shell.\n\n", problemCount(len(m.c.problems)))
	for _, p := range m.c.problems {
		for _, l := range wrap(p.Error(), max(m.width-2, 10)) {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// problemCount says "1 problem" or "n problems".
func problemCount(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}
