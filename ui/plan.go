package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/plan"
)

// planView says what the plan screen shows for the chosen target.
type planView int

const (
	viewGap planView = iota
	viewPath
)

func (v planView) String() string { return [...]string{"gap", "path"}[v] }

// planMsg carries what a command did with the plan: the plan as saved
// or reloaded (nil when the command only read it, as the export does),
// and what to tell the user.
type planMsg struct {
	state    *plan.State
	warnings []plan.Warning
	err      error
	status   string
	// saved is set on the answer to a change, so the screen can count
	// the saves still under way.
	saved bool
	// notes is, for a save of the notes, the text that was saved.
	notes *string
}

// notesIdleMsg comes when typing in the notes has paused; seq says after
// which keystroke.
type notesIdleMsg struct{ seq int }

// notesAutosave is how long typing must pause before the notes are saved.
const notesAutosave = 700 * time.Millisecond

// planEditMsg asks the plan screen to change the plan from elsewhere
// (the role page's C, T and S keys).
type planEditMsg struct {
	current, target, shortlist string
}

// planScreen is the career plan: the current role, the targets, the gap
// checklist or the routes to the chosen target, and notes.
type planScreen struct {
	c       *common
	store   *plan.Store
	state   plan.State
	target  int
	mode    planView
	list    pickList
	notes   textarea.Model
	editing bool
	width   int
	height  int
	listH   int
	// progress is, per target, the gap items ticked and the items in all
	// (kept by rebuild, so View does not compute gaps).
	progress map[string][2]int
	// pending counts the saves under way; quitting waits for them.
	pending int
	// notesSeq numbers the keystrokes in the notes editor.
	notesSeq int
	// autosave is how long typing pauses before the notes are saved
	// (notesAutosave; 0 turns the timer off, for tests).
	autosave time.Duration
	// exportDir is where E writes the markdown export.
	exportDir string
	now       func() time.Time
}

func newPlanScreen(c *common, store *plan.Store) *planScreen {
	p := &planScreen{c: c, store: store, list: newPickList(&c.styles), now: time.Now, state: plan.New(), autosave: notesAutosave}
	if store != nil {
		p.state = store.State()
	}
	p.notes = textarea.New()
	p.notes.Placeholder = "Notes for this plan: what to practise, who to talk to, by when…"
	p.notes.ShowLineNumbers = false
	p.notes.SetStyles(c.styles.areaStyles(p.notes.Styles()))
	p.exportDir, _ = os.Getwd()
	return p
}

func (p *planScreen) capturesText() bool { return p.editing }
func (p *planScreen) consumesBack() bool { return p.editing }

func (p *planScreen) setSize(w, h int) {
	p.width, p.height = w, h
	p.notes.SetStyles(p.c.styles.areaStyles(p.notes.Styles())) // the theme may have changed
	p.notes.SetWidth(max(w-2, 10))
	p.notes.SetHeight(max(h-6, 3))
	p.listH = max(h-len(p.header())-1, 1) // the notes line goes below
	p.list.setSize(w, p.listH)
	p.rebuild()
}

// enter re-reads the plan file, which another roledex may have changed.
func (p *planScreen) enter() tea.Cmd {
	if p.store == nil {
		return nil
	}
	store := p.store
	return func() tea.Msg {
		w, err := store.Reload()
		st := store.State()
		return planMsg{state: &st, warnings: w, err: err}
	}
}

// handle takes a saved or reloaded plan.
func (p *planScreen) handle(m planMsg) (string, tea.Cmd) {
	if m.saved {
		p.pending = max(p.pending-1, 0)
	}
	if m.err != nil {
		return "Plan not saved: " + m.err.Error(), nil
	}
	// A reload that ran before a save still under way would show the
	// plan without the change; the save's answer brings the newer plan.
	if m.state != nil && (m.saved || p.pending == 0) {
		p.state = m.state.Clone()
		p.target = min(p.target, max(len(p.state.Targets)-1, 0))
		if m.notes != nil && p.editing && p.state.Notes != *m.notes {
			// Merged with another roledex's notes: edit the merged text.
			p.notes.SetValue(p.state.Notes)
		}
		p.rebuild()
	}
	return m.status, nil // the root shows the warnings
}

// saving reports whether changes are still being written.
func (p *planScreen) saving() bool { return p.pending > 0 }

// change applies f to the plan on screen at once and saves it to the file
// in a command; the saved (merged) plan comes back as a planMsg.
func (p *planScreen) change(status string, f func(*plan.State)) tea.Cmd {
	f(&p.state)
	p.rebuild()
	p.pending++
	if p.store == nil {
		st := p.state.Clone()
		return func() tea.Msg {
			return planMsg{state: &st, status: status + " (not saved: no plan file)", saved: true}
		}
	}
	store := p.store
	return func() tea.Msg {
		err := store.Update(f)
		st := store.State()
		return planMsg{state: &st, warnings: store.Warnings(), err: err, status: status, saved: true}
	}
}

// saveNotes saves the text in the notes editor if it changed.
func (p *planScreen) saveNotes(status string) tea.Cmd {
	text := p.notes.Value()
	if text == p.state.Notes {
		return nil
	}
	cmd := p.change(status, func(s *plan.State) { s.Notes = text })
	return func() tea.Msg {
		m := cmd().(planMsg)
		m.notes = &text
		return m
	}
}

// edit applies a change asked for from another screen.
func (p *planScreen) edit(m planEditMsg) tea.Cmd {
	switch {
	case m.current != "":
		id := m.current
		return p.change("Current role: "+p.c.title(id)+" (see it in 5 Plan)", func(s *plan.State) { s.Current = id })
	case m.target != "":
		id := m.target
		if p.state.Current == id {
			return func() tea.Msg { return planMsg{status: "That is the current role; pick another target"} }
		}
		return p.change("Target added: "+p.c.title(id)+" (see the gap in 5 Plan)", func(s *plan.State) { s.AddTarget(id) })
	case m.shortlist != "":
		id := m.shortlist
		for _, x := range p.state.Shortlist {
			if x == id {
				return p.change("Taken off the shortlist: "+p.c.title(id), func(s *plan.State) {
					s.Shortlist = slices.DeleteFunc(s.Shortlist, func(x string) bool { return x == id })
				})
			}
		}
		return p.change("Shortlisted: "+p.c.title(id)+" (see it in 5 Plan)", func(s *plan.State) {
			if !slices.Contains(s.Shortlist, id) {
				s.Shortlist = append(s.Shortlist, id)
			}
		})
	}
	return nil
}

func (p *planScreen) currentTarget() string {
	if p.target < len(p.state.Targets) {
		return p.state.Targets[p.target]
	}
	return ""
}

// rebuild refills the list for the chosen target and view.
func (p *planScreen) rebuild() {
	cur, to := p.c.cat.Role(p.state.Current), p.c.cat.Role(p.currentTarget())
	cursor, _ := p.list.selected()
	p.progress = map[string][2]int{}
	if cur != nil {
		for _, id := range p.state.Targets {
			if r := p.c.cat.Role(id); r != nil && r != cur {
				items := p.c.cat.Gap(cur, r).Checklist()
				done := 0
				for _, it := range items {
					if p.state.IsTicked(id, it.ID) {
						done++
					}
				}
				p.progress[id] = [2]int{done, len(items)}
			}
		}
	}
	var items []pickItem
	switch {
	case cur == nil || to == nil:
		items = nil
	case cur == to:
		items = []pickItem{{heading: true, text: cur.Title + " is the current role now, so there is no gap to it. " +
			"D takes it off the targets; ] shows the next target."}}
	case p.mode == viewGap:
		items = p.gapItems(cur, to)
	default:
		items = p.pathItems(cur, to)
	}
	offset := p.list.offset
	p.list.setItems(items)
	if cursor.value != "" && p.list.selectValue(cursor.value) {
		p.list.offset = offset
		p.list.ensureVisible()
	}
}

func (p *planScreen) gapItems(cur, to *catalog.Role) []pickItem {
	st := p.c.styles
	gap := p.c.cat.Gap(cur, to)
	target := to.ID
	var items []pickItem
	sections := []struct {
		kind, title string
	}{
		{catalog.GapResponsibility, "Responsibilities to take on"},
		{catalog.GapTool, "Tools to learn"},
		{catalog.GapPillar, "Pillar contributions to pick up"},
		{catalog.GapDimension, "How the job changes"},
	}
	for _, sec := range sections {
		var its []catalog.GapItem
		for _, it := range gap.Checklist() {
			if it.Kind == sec.kind {
				its = append(its, it)
			}
		}
		if len(its) == 0 {
			continue
		}
		done := 0
		for _, it := range its {
			if p.state.IsTicked(target, it.ID) {
				done++
			}
		}
		items = append(items, pickItem{text: fmt.Sprintf("%s  %d/%d", sec.title, done, len(its)), heading: true})
		for _, it := range its {
			it := it
			items = append(items, pickItem{value: it.ID, render: func(w int, _ bool) []string {
				box := "[ ] "
				if p.state.IsTicked(target, it.ID) {
					box = st.Accent.Render("[x] ")
				}
				text := it.Text
				switch {
				case it.Kind == catalog.GapDimension:
					text = it.Label // now and then follow, as in roledex gap
				case it.Label != "":
					text = it.Label + ": " + text
				}
				var out []string
				for i, l := range wrap(text, max(w-6, 8)) {
					if i == 0 {
						out = append(out, "  "+box+l)
					} else {
						out = append(out, "      "+l)
					}
				}
				if it.Kind == catalog.GapDimension {
					from := ""
					for _, ch := range gap.Changes {
						if ch.Dimension.Name == it.Label {
							from = ch.From
						}
					}
					out = append(out, hanging("      ", "now:  ", dash(from), w, st.Faint)...)
					out = append(out, hanging("      ", "then: ", dash(it.Text), w, st.App)...)
				}
				return out
			}})
		}
	}
	// What the mentee already does of the target's job: encouragement,
	// and the things not to re-learn.
	if shared := catalog.Compare(cur, to).Shared; len(shared) > 0 {
		items = append(items, pickItem{text: fmt.Sprintf("Already part of your work  %d", len(shared)), heading: true})
		for _, sd := range shared {
			text := sd.Texts[1]
			items = append(items, pickItem{heading: true, render: func(w int, _ bool) []string {
				var out []string
				for i, l := range wrap(text, max(w-6, 8)) {
					prefix := "    "
					if i == 0 {
						prefix = "  ✓ "
					}
					out = append(out, st.Subtle.Render(prefix+l))
				}
				return out
			}})
		}
	}
	if len(gap.Drops) > 0 {
		items = append(items, pickItem{text: fmt.Sprintf("Left behind  %d", len(gap.Drops)), heading: true})
		for _, d := range gap.Drops {
			d := d
			items = append(items, pickItem{heading: true, render: func(w int, _ bool) []string {
				text := d.Text
				if d.Label != "" {
					text = d.Label + ": " + text
				}
				var out []string
				for i, l := range wrap(text, max(w-6, 8)) {
					prefix := "    "
					if i == 0 {
						prefix = "  − "
					}
					out = append(out, st.Faint.Render(prefix+l))
				}
				return out
			}})
		}
	}
	return items
}

// hanging wraps text after a label, the lines after the first indented
// under the text, all after indent, in style.
func hanging(indent, label, text string, w int, style lipgloss.Style) []string {
	pad := strings.Repeat(" ", lipgloss.Width(label))
	var out []string
	for i, l := range wrap(text, max(w-lipgloss.Width(indent+label), 8)) {
		if i == 0 {
			l = label + l
		} else {
			l = pad + l
		}
		out = append(out, indent+style.Render(l))
	}
	return out
}

// dash stands in for a text a role does not give.
func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func (p *planScreen) pathItems(cur, to *catalog.Role) []pickItem {
	var items []pickItem
	paths := p.c.cat.Paths(cur.ID, to.ID, 3)
	if len(paths) == 0 {
		items = append(items, pickItem{heading: true, text: "No route from " + cur.Title + " to " + to.Title + " through the catalog's next steps and reporting lines."})
	}
	for i, path := range paths {
		items = append(items, pickItem{heading: true, text: fmt.Sprintf("Route %d · %d step%s", i+1, len(path), plural(len(path)))})
		items = append(items, p.node("", p.c.title(path[0].From), "you are here", path[0].From))
		for _, s := range path {
			items = append(items, p.node("↳ ", p.c.title(s.To), string(s.Via), s.To))
		}
	}
	if len(p.state.Shortlist) > 0 {
		items = append(items, pickItem{heading: true, text: "Your shortlist"})
		for _, id := range p.state.Shortlist {
			if r := p.c.cat.Role(id); r != nil {
				items = append(items, p.node("", r.Title, string(r.Track)+" · "+r.Family, id))
			}
		}
	}
	near := p.c.cat.Neighbours(cur.ID, 2)
	for d, ids := range near {
		if len(ids) == 0 {
			continue
		}
		items = append(items, pickItem{heading: true, text: fmt.Sprintf("Also within %d step%s of %s", d+1, plural(d+1), cur.Title)})
		for _, id := range ids {
			if r := p.c.cat.Role(id); r != nil {
				items = append(items, p.node("", r.Title, string(r.Track)+" · "+r.Family, id))
			}
		}
	}
	return items
}

// node is one role of a route or of the neighbourhood, on one line.
func (p *planScreen) node(arrow, title, note, id string) pickItem {
	st := p.c.styles
	return pickItem{value: id, render: func(w int, _ bool) []string {
		return []string{clipTo("  "+arrow+title+"  "+st.Faint.Render(note), w)}
	}}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (p *planScreen) update(msg tea.Msg) (string, tea.Cmd) {
	if p.editing {
		return p.updateNotes(msg)
	}
	k := p.c.keys.Plan
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Up):
			p.list.move(-1)
		case key.Matches(msg, k.Down):
			p.list.move(1)
		case key.Matches(msg, k.PageUp):
			p.list.page(-1)
		case key.Matches(msg, k.PageDown):
			p.list.page(1)
		case key.Matches(msg, k.NextTarget, k.PrevTarget):
			if n := len(p.state.Targets); n > 1 {
				d := 1
				if key.Matches(msg, k.PrevTarget) {
					d = n - 1
				}
				p.target = (p.target + d) % n
				p.rebuild()
				return "Target: " + p.c.title(p.currentTarget()), nil
			}
		case key.Matches(msg, k.ToggleView):
			p.mode = 1 - p.mode
			p.rebuild()
			return "Showing the " + p.mode.String(), nil
		case key.Matches(msg, k.Tick):
			return p.tick()
		case key.Matches(msg, k.Open):
			if it, ok := p.list.selected(); ok && p.mode == viewPath && it.value != "" {
				return "", follow(it.value, "")
			}
			if p.mode == viewGap {
				return p.tick()
			}
		case key.Matches(msg, k.Notes):
			p.editing = true
			p.notes.SetValue(p.state.Notes)
			return "Editing notes · saved as you type · esc when done", p.notes.Focus()
		case key.Matches(msg, k.Drop):
			if id := p.currentTarget(); id != "" {
				return "", p.change("Removed target "+p.c.title(id), func(s *plan.State) { s.RemoveTarget(id) })
			}
		case key.Matches(msg, k.Export):
			return "Exporting…", p.export()
		case key.Matches(msg, k.SetCurrent, k.AddTarget, k.Shortlist):
			return p.editSelected(msg)
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			p.list.scroll(-3)
		} else {
			p.list.scroll(3)
		}
	case tea.MouseClickMsg:
		before := p.list.cursor
		// A click selects; a click on the selected item ticks it, or
		// opens the role in the path view.
		if p.list.clickAt(msg.Mouse().Y-len(p.header())) && p.list.cursor == before {
			if it, ok := p.list.selected(); ok && p.mode == viewPath && it.value != "" {
				return "", follow(it.value, "")
			}
			return p.tick()
		}
	}
	return "", nil
}

// editSelected applies C, T or S to the role under the cursor of the
// path view.
func (p *planScreen) editSelected(msg tea.KeyPressMsg) (string, tea.Cmd) {
	it, ok := p.list.selected()
	if p.mode != viewPath || !ok || p.c.cat.Role(it.value) == nil {
		return "C, T and S work on the roles of the path view (v), or on a role page", nil
	}
	k := p.c.keys.Plan
	switch {
	case key.Matches(msg, k.SetCurrent):
		return "", p.edit(planEditMsg{current: it.value})
	case key.Matches(msg, k.AddTarget):
		return "", p.edit(planEditMsg{target: it.value})
	}
	return "", p.edit(planEditMsg{shortlist: it.value})
}

// tick ticks or unticks the checklist item under the cursor.
func (p *planScreen) tick() (string, tea.Cmd) {
	it, ok := p.list.selected()
	target := p.currentTarget()
	if !ok || p.mode != viewGap || it.value == "" || target == "" {
		return "", nil
	}
	on := !p.state.IsTicked(target, it.value)
	word := "Ticked"
	if !on {
		word = "Unticked"
	}
	id := it.value
	return "", p.change(word, func(s *plan.State) { s.SetTicked(target, id, on) })
}

// updateNotes passes a message to the notes editor. The notes are saved
// when typing pauses, and on ctrl+s or esc, which also close the editor.
func (p *planScreen) updateNotes(msg tea.Msg) (string, tea.Cmd) {
	switch msg := msg.(type) {
	case notesIdleMsg:
		if msg.seq == p.notesSeq {
			return "", p.saveNotes("Notes saved")
		}
		return "", nil
	case tea.KeyPressMsg:
		if key.Matches(msg, p.c.keys.Plan.SaveNotes) {
			return p.back()
		}
	}
	before := p.notes.Value()
	var cmd tea.Cmd
	p.notes, cmd = p.notes.Update(msg)
	if p.notes.Value() == before {
		return "", cmd
	}
	p.notesSeq++
	if p.autosave <= 0 {
		return "", cmd
	}
	seq := p.notesSeq
	return "", tea.Batch(cmd, tea.Tick(p.autosave, func(time.Time) tea.Msg { return notesIdleMsg{seq} }))
}

// back leaves the notes editor, saving what was typed.
func (p *planScreen) back() (string, tea.Cmd) {
	p.editing = false
	p.notes.Blur()
	if p.notes.Value() == p.state.Notes {
		return "Notes saved", nil
	}
	return "", p.saveNotes("Notes saved")
}

// export writes the plan as markdown into the folder roledex was started
// in, in a command.
func (p *planScreen) export() tea.Cmd {
	// A copy: the plan on screen changes while the export is written.
	st, cat, dir, now := p.state.Clone(), p.c.cat, p.exportDir, p.now()
	return func() tea.Msg {
		name := "roledex-plan"
		if st.Current != "" {
			name += "-" + st.Current
		}
		file := filepath.Join(dir, name+"-"+now.Format("2006-01-02")+".md")
		// A document to take away and share, so the usual mode (as
		// roledex plan export writes it), not the plan file's 0600.
		err := os.WriteFile(file, []byte(plan.Export(cat, st, now)), 0o644)
		if err != nil {
			return planMsg{status: "Export failed: " + err.Error()}
		}
		return planMsg{status: "Exported to " + file}
	}
}

// header is the block above the list: the current role, the targets
// with how far the mentee is toward each, the shortlist, what is shown
// and where it is saved, and a rule. Every line fits the width.
func (p *planScreen) header() []string {
	st := p.c.styles
	label := func(s string) string { return st.Subtle.Render(padRight(s, 11)) }
	cur := p.c.cat.Role(p.state.Current)
	curText := st.Faint.Render("not set — open a role and press C")
	if cur != nil {
		curText = st.Title.Render(cur.Title)
	}
	var targets []string
	for i, id := range p.state.Targets {
		t := p.c.title(id)
		if i == p.target {
			t = st.Marked.Render("▸ " + t)
		}
		if pr, ok := p.progress[id]; ok {
			t += st.Faint.Render(fmt.Sprintf(" %d/%d", pr[0], pr[1]))
		}
		targets = append(targets, t)
	}
	tText := st.Faint.Render("none — open a role and press T")
	if len(targets) > 0 {
		tText = strings.Join(targets, st.Faint.Render("  ·  "))
	}
	var short []string
	for _, id := range p.state.Shortlist {
		short = append(short, p.c.title(id))
	}
	sText := st.Faint.Render("none — S on a role page adds one")
	if len(short) > 0 {
		sText = strings.Join(short, st.Faint.Render(" · "))
	}
	info := "gap checklist · v: path"
	if p.mode == viewPath {
		info = "path: routes and nearby roles · v: gap checklist"
	}
	if p.store != nil {
		info += " · saved in " + p.store.Path()
	} else {
		info += " · not saved: no plan file"
	}
	lines := []string{
		label("Current") + curText,
		label("Targets") + tText,
		label("Shortlist") + sText,
		st.Faint.Render(info),
	}
	for i, l := range lines {
		lines[i] = clipTo(l, max(p.width, 1))
	}
	return append(lines, st.Faint.Render(strings.Repeat("─", max(p.width, 1))))
}

func (p *planScreen) view() string {
	st := p.c.styles
	var b strings.Builder
	head := p.header()
	if p.editing {
		b.WriteString(joinLines(head[:len(head)-1]) + "\n")
		b.WriteString(st.Header.Render("Notes") + st.Faint.Render("  (saved as you type · esc when done)") + "\n")
		b.WriteString(p.notes.View())
		return b.String()
	}
	b.WriteString(joinLines(head) + "\n")
	switch {
	case p.c.cat.Role(p.state.Current) == nil || p.currentTarget() == "":
		b.WriteString(fit(p.intro(), max(p.width, 1), p.listH))
	default:
		// Padded to its height, so the notes line stays at the bottom.
		b.WriteString(fit(p.list.view(true), max(p.width, 1), p.listH))
	}
	b.WriteString("\n" + p.notesLine())
	return b.String()
}

func (p *planScreen) notesLine() string {
	st := p.c.styles
	n := strings.TrimSpace(p.state.Notes)
	if n == "" {
		return st.Faint.Render("Notes: none yet · e to write")
	}
	first, _, _ := strings.Cut(n, "\n")
	return st.Faint.Render("Notes: ") + first + st.Faint.Render(fmt.Sprintf("  (%d lines · e to edit)", strings.Count(n, "\n")+1))
}

func (p *planScreen) intro() string {
	lines := []string{
		"",
		"Plan a move: where you are, where you want to be, what stands between.",
		"",
		"  1. Open your current role (1 Roles, or / to search) and press C.",
		"  2. Open a role you aim for and press T; add more targets the same way.",
		"  3. Come back here (5): tick the gap as you work through it (space),",
		"     see the routes (v), write notes (e), export the plan (E).",
		"",
		"Everything is saved as you go; roledex --state FILE keeps one plan per mentee.",
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = "  " + l
	}
	return strings.Join(out, "\n")
}

func (p *planScreen) helpMap(g GlobalKeys) helpMap {
	k := p.c.keys.Plan
	if p.editing {
		return helpMap{short: []key.Binding{k.SaveNotes, k2("ctrl+c", "quit")}}
	}
	short := []key.Binding{k.Tick, k.ToggleView, k.NextTarget, k.Notes, k.Export, k.Drop, g.Back, g.Help}
	if p.mode == viewPath {
		short = []key.Binding{k.Open, k.AddTarget, k.Shortlist, k.SetCurrent, k.ToggleView, k.NextTarget, k.Notes, k.Export, g.Back, g.Help}
	}
	return helpMap{
		short: short,
		full: [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Open}, {k.Tick, k.ToggleView, k.NextTarget, k.PrevTarget, k.Notes, k.Export, k.Drop},
			{k.SetCurrent, k.AddTarget, k.Shortlist}, g.column()},
	}
}
