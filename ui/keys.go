package ui

import "charm.land/bubbles/v2/key"

// GlobalKeys work on every screen (except where a text field takes the
// letters: then only the ctrl and function keys do).
type GlobalKeys struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Back      key.Binding
	Search    key.Binding
	Browse    key.Binding
	Compare   key.Binding
	Pillars   key.Binding
	Tasks     key.Binding
	Plan      key.Binding
	Problems  key.Binding
}

// BrowseKeys drive the role list and the role page.
type BrowseKeys struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	Focus            key.Binding
	Filter           key.Binding
	Mark             key.Binding
	Links            key.Binding
	Group            key.Binding
	PrevGroup        key.Binding
	NextGroup        key.Binding
	SetCurrent       key.Binding
	AddTarget        key.Binding
	Shortlist        key.Binding
}

// CompareKeys drive the comparison.
type CompareKeys struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Left, Right      key.Binding
	Diff             key.Binding
	Swap             key.Binding
	Drop             key.Binding
	Open             key.Binding
}

// SearchKeys drive the search screen; letters go to the query.
type SearchKeys struct {
	Up, Down key.Binding
	Open     key.Binding
	Mark     key.Binding
	Clear    key.Binding
}

// PickKeys drive the pillars, tasks and link pickers.
type PickKeys struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Left, Right      key.Binding
	Focus            key.Binding
	Open             key.Binding
	Mark             key.Binding
}

// KeyMap is every binding of the UI, grouped by screen.
type KeyMap struct {
	Global  GlobalKeys
	Browse  BrowseKeys
	Compare CompareKeys
	Search  SearchKeys
	Pick    PickKeys
	Plan    PlanKeys
}

func k(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// DefaultKeyMap returns roledex's standard bindings: arrows and vim keys,
// q and ctrl+c to quit, esc to go back, ? for help.
func DefaultKeyMap() KeyMap {
	up := k([]string{"up", "k"}, "↑/k", "up")
	down := k([]string{"down", "j"}, "↓/j", "down")
	pgup := k([]string{"pgup", "ctrl+u"}, "pgup", "page up")
	pgdn := k([]string{"pgdown", "ctrl+d", "space"}, "pgdn", "page down")
	return KeyMap{
		Global: GlobalKeys{
			Quit:      k([]string{"q"}, "q", "quit"),
			ForceQuit: k([]string{"ctrl+c"}, "ctrl+c", "quit"),
			Help:      k([]string{"?"}, "?", "help"),
			Back:      k([]string{"esc", "backspace"}, "esc", "back"),
			Search:    k([]string{"/", "ctrl+f"}, "/", "search"),
			Browse:    k([]string{"1", "f1"}, "1", "roles"),
			Compare:   k([]string{"2", "c", "f2"}, "c", "compare"),
			Pillars:   k([]string{"3", "f3"}, "3", "pillars"),
			Tasks:     k([]string{"4", "f4"}, "4", "tasks"),
			Plan:      k([]string{"5", "f5"}, "5", "plan"),
			Problems:  k([]string{"!"}, "!", "catalog problems"),
		},
		Browse: BrowseKeys{
			Up: up, Down: down,
			PageUp: pgup, PageDown: k([]string{"pgdown", "ctrl+d"}, "pgdn", "page down"),
			Top:        k([]string{"home", "g"}, "g", "top"),
			Bottom:     k([]string{"end", "G"}, "G", "bottom"),
			Focus:      k([]string{"tab", "shift+tab"}, "tab", "list ⇄ page"),
			Filter:     k([]string{"f"}, "f", "filter list"),
			Mark:       k([]string{"m", "space"}, "m", "mark for compare"),
			Links:      k([]string{"o", "enter"}, "o", "follow a link"),
			Group:      k([]string{"n"}, "n", "narrow by family/track/pillar"),
			PrevGroup:  k([]string{"["}, "[", "previous group"),
			NextGroup:  k([]string{"]"}, "]", "next group"),
			SetCurrent: k([]string{"C"}, "C", "plan: I am this role"),
			AddTarget:  k([]string{"T"}, "T", "plan: add as target"),
			Shortlist:  k([]string{"S"}, "S", "plan: shortlist / unshortlist"),
		},
		Compare: CompareKeys{
			Up: up, Down: down, PageUp: pgup, PageDown: pgdn,
			Left:  k([]string{"left", "h"}, "←/h", "previous column"),
			Right: k([]string{"right", "l"}, "→/l", "next column"),
			Diff:  k([]string{"d"}, "d", "only differences"),
			Swap:  k([]string{"s"}, "s", "swap with next"),
			Drop:  k([]string{"x"}, "x", "drop role"),
			Open:  k([]string{"enter", "o"}, "enter", "open role"),
		},
		Search: SearchKeys{
			Up:    k([]string{"up", "ctrl+p", "ctrl+k"}, "↑", "up"),
			Down:  k([]string{"down", "ctrl+n", "ctrl+j"}, "↓", "down"),
			Open:  k([]string{"enter"}, "enter", "open"),
			Mark:  k([]string{"tab"}, "tab", "add role to compare"),
			Clear: k([]string{"ctrl+l"}, "ctrl+l", "clear query"),
		},
		Pick: PickKeys{
			Up: up, Down: down, PageUp: pgup, PageDown: k([]string{"pgdown", "ctrl+d"}, "pgdn", "page down"),
			Left:  k([]string{"left", "h"}, "←/h", "previous"),
			Right: k([]string{"right", "l"}, "→/l", "next"),
			Focus: k([]string{"tab", "shift+tab"}, "tab", "switch pane"),
			Open:  k([]string{"enter", "o"}, "enter", "open role"),
			Mark:  k([]string{"m", "space"}, "m", "mark for compare"),
		},
		Plan: DefaultPlanKeys(),
	}
}

// helpMap adapts a screen's bindings to bubbles/help.
type helpMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpMap) ShortHelp() []key.Binding  { return h.short }
func (h helpMap) FullHelp() [][]key.Binding { return h.full }

func (g GlobalKeys) column() []key.Binding {
	return []key.Binding{g.Search, g.Browse, g.Compare, g.Pillars, g.Tasks, g.Plan, g.Back, g.Help, g.Quit}
}

// PlanKeys drive the career plan screen.
type PlanKeys struct {
	Up, Down   key.Binding
	PageUp     key.Binding
	PageDown   key.Binding
	Tick       key.Binding
	NextTarget key.Binding
	PrevTarget key.Binding
	Notes      key.Binding
	SaveNotes  key.Binding
	Export     key.Binding
	Drop       key.Binding
	Open       key.Binding
	ToggleView key.Binding
	// SetCurrent, AddTarget and Shortlist act on the role under the
	// cursor in the path view.
	SetCurrent key.Binding
	AddTarget  key.Binding
	Shortlist  key.Binding
}

// DefaultPlanKeys returns the plan screen's bindings.
func DefaultPlanKeys() PlanKeys {
	return PlanKeys{
		Up:         k([]string{"up", "k"}, "↑/k", "up"),
		Down:       k([]string{"down", "j"}, "↓/j", "down"),
		PageUp:     k([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
		PageDown:   k([]string{"pgdown", "ctrl+d"}, "pgdn", "page down"),
		Tick:       k([]string{"space", "x"}, "space", "tick / untick"),
		NextTarget: k([]string{"]", "right", "l"}, "]", "next target"),
		PrevTarget: k([]string{"[", "left", "h"}, "[", "previous target"),
		Notes:      k([]string{"e"}, "e", "edit notes"),
		SaveNotes:  k([]string{"ctrl+s", "esc"}, "esc", "done editing"),
		Export:     k([]string{"E"}, "E", "export markdown"),
		Drop:       k([]string{"D"}, "D", "remove target"),
		Open:       k([]string{"enter", "o"}, "enter", "open role"),
		ToggleView: k([]string{"v"}, "v", "gap ⇄ path"),
		SetCurrent: k([]string{"C"}, "C", "set as current role"),
		AddTarget:  k([]string{"T"}, "T", "add as target"),
		Shortlist:  k([]string{"S"}, "S", "shortlist / unshortlist"),
	}
}
