package catalog

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Sanitize makes text from an untrusted catalog safe to print: control
// characters (C0 but tab and newline, DEL, C1 such as U+009B) become
// visible caret or code-point forms, bidirectional overrides and isolates
// become visible code points, and invalid UTF-8 becomes U+FFFD. Nothing it
// returns can start a terminal escape sequence. Emoji joiners, variation
// selectors and skin-tone modifiers are dropped (see widthNeutral).
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + '@')
		case r == 0x7f:
			b.WriteString("^?")
		case isC1(r) || isBidiControl(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		case widthNeutral(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c >= 0x80 {
			if c >= 0x80 {
				return isCleanSlow(s[i:])
			}
			return false
		}
	}
	return true
}

func isCleanSlow(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r == utf8.RuneError || isC1(r) || isBidiControl(r) || widthNeutral(r) {
			return false
		}
	}
	return true
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// isBidiControl reports the explicit directional formatting characters that
// can make text display in a different order than it is stored.
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// widthNeutral reports the runes that join or restyle the rune before
// them: the zero-width joiner (👩‍💻), the variation selectors (❤️) and
// the skin-tone modifiers (👍🏽). Terminals disagree on how wide the
// result is (tmux draws ❤️ in one cell, 👍🏽 in four; lipgloss counts
// two for both), and a line measured short spills over the pane's
// border. Without them every terminal and lipgloss agree.
func widthNeutral(r rune) bool {
	return r == 0x200d || r == 0xfe0e || r == 0xfe0f || r >= 0x1f3fb && r <= 0x1f3ff
}
