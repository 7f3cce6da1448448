package ui

import (
	"strings"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// Glamour style names roledex uses.
const (
	StyleDark  = "dark"
	StyleLight = "light"
	StylePlain = "plain" // no colour and no markup, for pipes and NO_COLOR
)

// plainStyle is glamour's no-TTY style without the emphasis markers it
// keeps (** and _), so piped output reads as plain text.
var plainStyle = func() gansi.StyleConfig {
	s := styles.NoTTYStyleConfig
	s.Strong.BlockPrefix, s.Strong.BlockSuffix = "", ""
	s.Emph.BlockPrefix, s.Emph.BlockSuffix = "", ""
	s.Document.Margin = nil
	s.Document.BlockPrefix, s.Document.BlockSuffix = "", ""
	return s
}()

// RenderMarkdown renders md with glamour at the given wrap width and
// style, then passes the result through SafeOutput. Callers cache it: it
// is far too slow to call from View.
func RenderMarkdown(md string, width int, style string) (string, error) {
	if width < 10 {
		width = 10
	}
	opt := glamour.WithStandardStyle(style)
	if style == StylePlain {
		opt = glamour.WithStyles(plainStyle)
	}
	r, err := glamour.NewTermRenderer(opt, glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	if err != nil {
		return "", err
	}
	out = SafeOutput(out)
	if style == StylePlain {
		out = ansi.Strip(out) // no styling and no hyperlinks in plain text
		lines := strings.Split(out, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		out = strings.Join(lines, "\n")
	}
	return strings.Trim(out, "\n"), nil
}
