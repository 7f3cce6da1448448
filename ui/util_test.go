package ui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestCellWidth checks cellWidth's fast path against lipgloss.Width:
// every rune it counts on its own, and lines that mix styling, links
// and runes it leaves to lipgloss.
func TestCellWidth(t *testing.T) {
	for r := rune(0); r <= 0x2fff; r++ {
		if !oneCell(r) {
			continue
		}
		if got, want := cellWidth(string(r)), lipgloss.Width(string(r)); got != want {
			t.Errorf("U+%04X: cellWidth %d, lipgloss %d", r, got, want)
		}
	}
	lines := []string{
		"",
		"plain ascii",
		"\x1b[1;38;5;205mbold pink\x1b[0m and plain",
		"╭─ Développeur · 50% ─╮",
		"• bullet … “quoted” — dash",
		"\x1b]8;;https://example.com\x07link\x1b]8;;\x07 after",
		"\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\ after",
		"wide 日本語 text",
		"emoji 👩‍💻 joined",
		"e\u0301 combining",
		"soft\u00adhyphen",
		"tab\there",
		"\x1b[",
		"trailing esc \x1b",
		strings.Repeat("x", 5000),
	}
	for _, l := range lines {
		if got, want := cellWidth(l), lipgloss.Width(l); got != want {
			t.Errorf("%q: cellWidth %d, lipgloss %d", l, got, want)
		}
	}
}

func TestFitLine(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"abc", 5, "abc  "},
		{"abc", 3, "abc"},
		{"abcdef", 4, "abc…"},
		{"日本語", 5, "日本…"},
		{"", 2, "  "},
	} {
		if got := fitLine(c.in, c.width); got != c.want {
			t.Errorf("fitLine(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

func TestPager(t *testing.T) {
	var p pager
	p.setHeight(3)
	p.setText("a\nb\nc\nd\ne")
	if got := strings.Join(p.visible(), ","); got != "a,b,c" {
		t.Fatalf("visible %q", got)
	}
	p.pageDown()
	if p.offset != 2 || p.percent() != 1 {
		t.Errorf("after page down: offset %d, percent %v", p.offset, p.percent())
	}
	p.scroll(10)
	if p.offset != 2 {
		t.Errorf("scrolled past the end: offset %d", p.offset)
	}
	p.scroll(-1)
	if got := strings.Join(p.visible(), ","); got != "b,c,d" {
		t.Errorf("after scroll up: %q", got)
	}
	p.setText("only")
	if p.offset != 0 || len(p.visible()) != 1 || p.percent() != 1 {
		t.Errorf("short page: offset %d, %d lines, percent %v", p.offset, len(p.visible()), p.percent())
	}
	p.setHeight(0)
	if len(p.visible()) != 0 {
		t.Errorf("zero height shows %d lines", len(p.visible()))
	}
}
