package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles holds every style the UI draws with. Build it with NewStyles;
// nothing else in the package names a colour.
type Styles struct {
	IsDark  bool
	NoColor bool

	App       lipgloss.Style
	Header    lipgloss.Style
	Tab       lipgloss.Style
	ActiveTab lipgloss.Style
	Title     lipgloss.Style
	Subtle    lipgloss.Style
	Faint     lipgloss.Style
	Accent    lipgloss.Style
	Marked    lipgloss.Style
	Highlight lipgloss.Style // matched letters in search results
	Selected  lipgloss.Style // the cursor row of a pick list
	Group     lipgloss.Style // group headings in pick lists
	Label     lipgloss.Style // dimension names in the comparison
	Pane      lipgloss.Style
	FocusPane lipgloss.Style
	Status    lipgloss.Style
	Error     lipgloss.Style
	Notice    lipgloss.Style
	Help      help.Styles
	// GlamourStyle is the markdown style name matching the theme.
	GlamourStyle string
}

// NewStyles builds the styles for a dark or light background, or without
// any colour when noColor is set.
func NewStyles(isDark, noColor bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	accent := c("#5A3FC0", "#B7A6FF")
	pink := c("#C2185B", "#FF7AB6")
	subtle := c("#5C5C5C", "#A8A8A8")
	faint := c("#9A9A9A", "#6C6C6C")
	border := c("#C8C8C8", "#444444")
	focus := c("#5A3FC0", "#8B76F0")
	selBg := c("#E8E2FF", "#2E2850")
	s := Styles{IsDark: isDark, NoColor: noColor}
	s.App = lipgloss.NewStyle()
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Tab = lipgloss.NewStyle().Foreground(subtle).Padding(0, 1)
	s.ActiveTab = lipgloss.NewStyle().Bold(true).Foreground(accent).Underline(true).Padding(0, 1)
	s.Title = lipgloss.NewStyle().Bold(true)
	s.Subtle = lipgloss.NewStyle().Foreground(subtle)
	s.Faint = lipgloss.NewStyle().Foreground(faint)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Marked = lipgloss.NewStyle().Foreground(pink).Bold(true)
	s.Highlight = lipgloss.NewStyle().Foreground(pink).Bold(true).Underline(true)
	s.Selected = lipgloss.NewStyle().Background(selBg).Bold(true)
	s.Group = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Label = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Pane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border)
	s.FocusPane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(focus)
	s.Status = lipgloss.NewStyle().Foreground(subtle)
	s.Error = lipgloss.NewStyle().Foreground(c("#B00020", "#FF6B6B")).Bold(true)
	s.Notice = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Help = help.DefaultStyles(isDark)
	s.GlamourStyle = StyleLight
	if isDark {
		s.GlamourStyle = StyleDark
	}
	if noColor {
		s = stripColors(s)
	}
	return s
}

// stripColors keeps the emphasis (bold, underline, reverse for the cursor)
// but drops every colour, for NO_COLOR.
func stripColors(s Styles) Styles {
	plain := func(st lipgloss.Style) lipgloss.Style {
		return st.UnsetForeground().UnsetBackground().UnsetBorderForeground()
	}
	s.Header, s.Tab, s.ActiveTab = plain(s.Header), plain(s.Tab), plain(s.ActiveTab)
	s.Subtle, s.Faint, s.Accent = plain(s.Subtle), plain(s.Faint), plain(s.Accent)
	s.Marked, s.Highlight = plain(s.Marked), plain(s.Highlight)
	s.Selected = plain(s.Selected).Reverse(true)
	s.Group, s.Label, s.Pane, s.FocusPane = plain(s.Group), plain(s.Label), plain(s.Pane), plain(s.FocusPane)
	s.FocusPane = s.FocusPane.BorderStyle(lipgloss.ThickBorder())
	s.Status, s.Error, s.Notice = plain(s.Status), plain(s.Error), plain(s.Notice)
	s.Help = help.Styles{
		ShortKey: lipgloss.NewStyle().Bold(true), ShortDesc: lipgloss.NewStyle(), ShortSeparator: lipgloss.NewStyle(),
		Ellipsis: lipgloss.NewStyle(), FullKey: lipgloss.NewStyle().Bold(true), FullDesc: lipgloss.NewStyle(),
		FullSeparator: lipgloss.NewStyle(),
	}
	s.GlamourStyle = StylePlain
	return s
}

// inputStyles gives a text field the explorer's look instead of bubbles'
// defaults, which are dark-terminal colours whatever the theme and
// coloured under NO_COLOR: the prompt in the accent, the placeholder
// faint, a cursor that takes the text's colour, no blinking (a blinking
// cursor redraws the screen twice a second).
func (s Styles) inputStyles(in textinput.Styles) textinput.Styles {
	in.Focused.Prompt, in.Blurred.Prompt = s.Accent, s.Faint
	in.Focused.Text, in.Blurred.Text = s.App, s.App
	in.Focused.Placeholder, in.Blurred.Placeholder = s.Faint, s.Faint
	in.Focused.Suggestion, in.Blurred.Suggestion = s.Faint, s.Faint
	in.Cursor.Color = nil
	in.Cursor.Blink = false
	return in
}

// areaStyles does for the notes editor what inputStyles does for a text
// field; the line with the cursor is not shaded (bubbles shades it black).
func (s Styles) areaStyles(in textarea.Styles) textarea.Styles {
	for _, st := range []*textarea.StyleState{&in.Focused, &in.Blurred} {
		st.Base, st.Text, st.CursorLine = s.App, s.App, s.App
		st.Placeholder, st.EndOfBuffer, st.LineNumber, st.CursorLineNumber = s.Faint, s.Faint, s.Faint, s.Faint
		st.Selection = s.Selected
	}
	in.Focused.Prompt, in.Blurred.Prompt = s.Accent, s.Faint
	in.Cursor.Color = nil
	in.Cursor.Blink = false
	return in
}
