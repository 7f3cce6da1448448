package ui

import (
	"strings"

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
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
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
