package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func splitLines(s string) []string { return strings.Split(s, "\n") }

func joinLines(l []string) string { return strings.Join(l, "\n") }

// wrap wraps plain or styled text to width cells, breaking long words.
func wrap(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	return splitLines(ansi.Wrap(s, width, ""))
}

// padRight pads s with spaces to width cells (s must not be wider).
func padRight(s string, width int) string {
	if w := cellWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// fitLine cuts one line to width cells (with "…") or pads it to width.
func fitLine(s string, width int) string {
	w := cellWidth(s)
	switch {
	case w > width:
		s = ansi.Truncate(s, width, "…")
		w = cellWidth(s)
	case w == width:
		return s
	}
	return s + strings.Repeat(" ", max(width-w, 0))
}

// cellWidth is lipgloss.Width of one line, with a fast path for the text
// the UI draws most: escape sequences, ASCII, Latin letters, and the box
// drawing and punctuation runes of its borders and bullets, each one
// cell. Anything else (wide, combining or joined runes) is measured by
// lipgloss, whose grapheme segmentation is most of what a frame costs.
func cellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			i = skipEscape(s, i)
		case c < 0x80:
			if c >= 0x20 && c != 0x7f {
				n++
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !oneCell(r) {
				return lipgloss.Width(s)
			}
			n++
			i += size
		}
	}
	return n
}

// oneCell reports whether r is a rune cellWidth may count as one cell
// on its own (TestCellWidth checks every one against lipgloss).
func oneCell(r rune) bool {
	switch {
	case r >= 0xa0 && r < 0x300:
		return r != 0xad // soft hyphen
	case r >= 0x2010 && r <= 0x2027, r >= 0x2500 && r <= 0x25fc:
		return true
	}
	return false
}

// skipEscape returns the index after the escape sequence at s[i]: a CSI
// to its final byte, an OSC to BEL or ST, else ESC and one byte.
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
			j++
		}
		return min(j+1, len(s))
	case ']':
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return i + 2
}

// highlightRunes styles the runes of s at the sorted positions in matched.
func highlightRunes(s string, matched []int, base, hl lipgloss.Style) string {
	if len(matched) == 0 {
		return base.Render(s)
	}
	var b strings.Builder
	runes := []rune(s)
	m := 0
	for i := 0; i < len(runes); {
		j := i
		on := m < len(matched) && matched[m] == i
		for j < len(runes) && (m < len(matched) && matched[m] == j) == on {
			if on {
				m++
			}
			j++
		}
		if on {
			b.WriteString(hl.Render(string(runes[i:j])))
		} else {
			b.WriteString(base.Render(string(runes[i:j])))
		}
		i = j
	}
	return b.String()
}
