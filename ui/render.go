package ui

import (
	"runtime"
	"strings"
	"unicode/utf8"

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

// noMarkers removes the "## " and "### " prefixes the standard styles put
// before headings: the colour and weight already say it is a heading.
func noMarkers(s gansi.StyleConfig) gansi.StyleConfig {
	s.H2.Prefix, s.H3.Prefix, s.H4.Prefix, s.H5.Prefix, s.H6.Prefix = "", "", "", "", ""
	return s
}

var (
	darkStyle  = noMarkers(styles.DarkStyleConfig)
	lightStyle = noMarkers(styles.LightStyleConfig)
)

// RenderMarkdown renders md with glamour at the given wrap width and
// style, then passes the result through SafeOutput. Callers cache it: it
// is far too slow to call from View.
func RenderMarkdown(md string, width int, style string) (string, error) {
	cut := -1
	if len(md) >= parallelFrom && runtime.GOMAXPROCS(0) > 1 {
		cut = splitPoint(md)
	}
	return renderMarkdown(md, width, style, cut)
}

// renderMarkdown is RenderMarkdown, rendered in two halves cut at byte
// cut when it is not -1 (see splitPoint).
func renderMarkdown(md string, width int, style string, cut int) (string, error) {
	if width < 10 {
		width = 10
	}
	opt := glamour.WithStandardStyle(style)
	switch style {
	case StylePlain:
		opt = glamour.WithStyles(plainStyle)
	case StyleDark:
		opt = glamour.WithStyles(darkStyle)
	case StyleLight:
		opt = glamour.WithStyles(lightStyle)
	}
	out, err := renderHalves(md, opt, width, cut)
	if err != nil {
		return "", err
	}
	out = SafeOutput(out)
	if style != StylePlain {
		out = trimPadding(out)
	}
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

// trimPadding cuts the spaces glamour pads every line with to the wrap
// width. It writes each padding space as a styled span of its own
// (ESC[38;5;252m ESC[m, 15 bytes a cell), so a page of short lines was
// mostly padding: bytes every frame then measured, copied and sent. The
// styles roledex uses set no background, so the cut shows no difference.
func trimPadding(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = trimLine(l)
	}
	return strings.Join(lines, "\n")
}

// trimLine cuts trailing spaces (and the styling around them) from a
// styled line, keeping the escape sequences right after its last visible
// character (a reset, the end of a link) and ending with a reset.
func trimLine(l string) string {
	end, styled, visible := 0, false, false
	for i := 0; i < len(l); {
		if l[i] == 0x1b {
			j := skipEscape(l, i)
			if i == end {
				end = j // an escape right after the last character stays
			}
			styled = true
			i = j
			continue
		}
		_, n := utf8.DecodeRuneInString(l[i:])
		if l[i] != ' ' {
			end, visible = i+n, true
		}
		i += n
	}
	if !visible {
		return "" // a blank line: its styling styles nothing
	}
	if end == len(l) {
		return l
	}
	if styled {
		return l[:end] + "\x1b[m"
	}
	return l[:end]
}

// parallelFrom is the size from which a page is rendered in two halves at
// once: glamour takes ~12 ms for a role page (3 KB of markdown) at 160
// columns on one core, and a second renderer costs ~30 µs.
const parallelFrom = 1 << 10

// renderHalves renders md with glamour, whole, or when cut is not -1 in
// two halves on two cores, md[:cut] and md[cut:]. glamour renders blocks
// on their own, so halves cut at a heading (splitPoint) and joined by a
// blank line read as the page does rendered whole
// (TestRenderHalvesSameAsWhole).
func renderHalves(md string, opt glamour.TermRendererOption, width int, cut int) (string, error) {
	render := func(md string) (string, error) {
		r, err := glamour.NewTermRenderer(opt, glamour.WithWordWrap(width))
		if err != nil {
			return "", err
		}
		return r.Render(md)
	}
	if cut < 0 {
		return render(md)
	}
	var first string
	var firstErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		first, firstErr = render(md[:cut])
	}()
	second, err := render(md[cut:])
	<-done
	if firstErr != nil {
		return "", firstErr
	}
	if err != nil {
		return "", err
	}
	return strings.TrimRight(first, "\n") + "\n\n" + strings.TrimLeft(second, "\n"), nil
}

// splitPoint returns where md can be cut in two for rendering apart: the
// start of the level-2 heading nearest its middle, outside fenced code,
// or -1. A page with link reference definitions ([x]: url) is never cut,
// since a link and its definition could land in different halves.
func splitPoint(md string) int {
	best, fence, off := -1, "", 0
	for off < len(md) {
		end := strings.IndexByte(md[off:], '\n')
		if end < 0 {
			end = len(md) - off
		}
		line := md[off : off+end]
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case fence != "":
			if indent < 4 && strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "" {
				fence = ""
			}
		case indent < 4 && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
		case indent < 4 && strings.HasPrefix(trimmed, "[") && strings.Contains(trimmed, "]:"):
			return -1
		case strings.HasPrefix(line, "## ") && off > 0:
			if best < 0 || abs(off-len(md)/2) < abs(best-len(md)/2) {
				best = off
			}
		}
		off += end + 1
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
