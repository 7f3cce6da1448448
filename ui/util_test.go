package ui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/roledex/roledex/catalog"
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

// TestTrimPadding: a rendered page reads the same with glamour's padding
// cut, and is much smaller.
func TestTrimPadding(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: renders pages with glamour (checked by the full run)")
	}
	var before, after int
	for i, r := range testCatalog.Roles {
		if i%5 != 0 {
			continue // a sample: every page takes a minute under -race
		}
		md := testCatalog.RoleMarkdown(r)
		for _, w := range []int{60, 120} {
			got, err := RenderMarkdown(md, w, StyleDark)
			if err != nil {
				t.Fatal(err)
			}
			opt := glamour.WithStyles(darkStyle)
			gr, _ := glamour.NewTermRenderer(opt, glamour.WithWordWrap(w))
			raw, _ := gr.Render(md)
			raw = strings.Trim(SafeOutput(raw), "\n")
			before, after = before+len(raw), after+len(got)
			gl, rl := strings.Split(got, "\n"), strings.Split(raw, "\n")
			if len(gl) != len(rl) {
				t.Fatalf("%s at %d: %d lines, untrimmed %d", r.ID, w, len(gl), len(rl))
			}
			for i := range gl {
				if a, b := ansi.Strip(gl[i]), strings.TrimRight(ansi.Strip(rl[i]), " "); a != b {
					t.Fatalf("%s at %d, line %d: %q, untrimmed reads %q", r.ID, w, i, a, b)
				}
				if strings.Contains(gl[i], "\x1b") && !strings.HasSuffix(gl[i], "\x1b[m") && !strings.HasSuffix(gl[i], "\x1b[0m") {
					t.Fatalf("%s at %d, line %d does not end with a reset: %q", r.ID, w, i, gl[i])
				}
			}
		}
	}
	if after*2 > before {
		t.Errorf("trimmed pages are %d bytes, untrimmed %d: expected at least halved", after, before)
	}
	t.Logf("rendered pages: %d bytes untrimmed, %d trimmed", before, after)
}

func TestTrimLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain   ", "plain"},
		{"", ""},
		{"   ", ""},
		{"\x1b[1mbold\x1b[m\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m", "\x1b[1mbold\x1b[m\x1b[38;5;252m\x1b[m"},
		{"\x1b]8;;https://x.org\x07link\x1b]8;;\x07  ", "\x1b]8;;https://x.org\x07link\x1b]8;;\x07\x1b[m"},
		{"a b", "a b"},
		{"\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m", ""},
	} {
		if got := trimLine(c.in); got != c.want {
			t.Errorf("trimLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSanitizedWidthsAgree: once content is sanitized, lipgloss (grapheme
// clusters) and a per-rune count (what terminals without grapheme
// support, tmux among them, draw) give the same width, so no line can
// spill over a border on either kind of terminal.
func TestSanitizedWidthsAgree(t *testing.T) {
	for _, s := range []string{"👩‍💻 dev", "👩‍👩‍👧 family", "❤️ love", "👍🏽 ok", "✔︎ done", "日本語", "e\u0301", "🇫🇷"} {
		clean := catalog.Sanitize(s)
		if a, b := lipgloss.Width(clean), ansi.StringWidthWc(clean); a != b {
			t.Errorf("%q sanitized to %q: lipgloss %d cells, per rune %d", s, clean, a, b)
		}
	}
}

// TestRenderHalvesSameAsWhole: a page rendered in two halves reads, line
// for line, as the page rendered whole: role pages and comparisons, in
// every style, narrow and wide.
func TestRenderHalvesSameAsWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: renders pages with glamour (checked by the full run)")
	}
	var pages []string
	for i, r := range testCatalog.Roles {
		if i%10 == 0 || r.ID == "devops-engineer" { // every role would take a minute under -race
			pages = append(pages, testCatalog.RoleMarkdown(r))
		}
	}
	for _, r := range testCatalog.Roles[:5] {
		for _, o := range testCatalog.Roles[20:22] {
			pages = append(pages, catalog.ComparisonMarkdown(catalog.Compare(r, o), false))
		}
	}
	pages = append(pages, "# T\n\npara\n\n## A\n\n```\n## not a heading\n```\n\n"+strings.Repeat("- item\n", 400)+"\n## B\n\ntext\n")
	cut := 0
	for _, md := range pages {
		for _, style := range []string{StyleDark, StylePlain} { // light is dark's shape
			for _, w := range []int{50, 154} {
				at := splitPoint(md)
				if at < 0 {
					continue // nothing to compare: RenderMarkdown renders it whole
				}
				cut++
				whole, err1 := renderMarkdown(md, w, style, -1)
				halves, err2 := renderMarkdown(md, w, style, at)
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				a, b := strings.Split(ansi.Strip(whole), "\n"), strings.Split(ansi.Strip(halves), "\n")
				if strings.Join(a, "\n") != strings.Join(b, "\n") {
					for i := range min(len(a), len(b)) {
						if a[i] != b[i] {
							t.Fatalf("%s at %d, line %d:\nwhole  %q\nhalves %q", style, w, i, a[i], b[i])
						}
					}
					t.Fatalf("%s at %d: %d lines whole, %d in halves", style, w, len(a), len(b))
				}
			}
		}
	}
	if cut < len(pages)*4/2 { // pages × 2 styles × 2 widths, most of them cut
		t.Fatalf("only %d renderings were cut in halves: the test tests too little", cut)
	}
}

func TestSplitPoint(t *testing.T) {
	for _, c := range []struct {
		md   string
		want int
	}{
		{"# T\n\n## A\n\nx\n\n## B\n\ny\n", 14}, // the heading nearer the middle
		{"# T\n\n" + strings.Repeat("x", 100) + "\n\n## A\n\n" + strings.Repeat("y", 100) + "\n\n## B\n\nz\n", 107},
		{"# T\n\n```\n## in code\n```\n", -1},
		{"# T\n\n## A\n\n[ref]: https://x.org\n", -1},
		{"no headings at all", -1},
	} {
		if got := splitPoint(c.md); got != c.want {
			t.Errorf("splitPoint(%q) = %d, want %d", c.md, got, c.want)
		}
	}
}

// TestPickListDrawsFixedItemsInSight: items of a fixed height are drawn
// when they come into sight, not all when the list is filled.
func TestPickListDrawsFixedItemsInSight(t *testing.T) {
	st := NewStyles(true, true)
	p := newPickList(&st)
	p.setSize(40, 10)
	drawn := map[int]int{}
	var items []pickItem
	for i := range 200 {
		items = append(items, pickItem{value: fmt.Sprint(i), height: 2, render: func(w int, sel bool) []string {
			drawn[i]++
			return []string{fmt.Sprintf(" hit %d", i), "   text"}
		}})
	}
	p.setItems(items)
	if len(drawn) != 0 {
		t.Fatalf("filling the list drew %d items", len(drawn))
	}
	first := p.view(true)
	if len(drawn) > 6 || !strings.Contains(first, "hit 0") || !strings.Contains(first, "hit 4") {
		t.Fatalf("the first view drew %d items:\n%s", len(drawn), first)
	}
	p.move(150)
	if v := p.view(true); !strings.Contains(ansi.Strip(v), "hit 150") || strings.Contains(v, "hit 0 ") {
		t.Fatalf("after moving to hit 150:\n%s", v)
	}
	if len(drawn) > 12 {
		t.Fatalf("%d items drawn for two screens of five", len(drawn))
	}
	if !p.clickAt(3) { // the second line of the second item in sight
		t.Fatal("a click on an item in sight selected nothing")
	}
}

// TestPickListBeforeItsSize: a list filled before it has a size (the
// screens are built before the first window size arrives) neither wraps
// at one column nor breaks, and lays out once sized.
func TestPickListBeforeItsSize(t *testing.T) {
	st := NewStyles(true, true)
	p := newPickList(&st)
	calls := 0
	p.setItems([]pickItem{{text: "a heading", heading: true}, {text: "Backups", value: "b", render: nil}, {value: "x", render: func(int, bool) []string { calls++; return []string{"x"} }}})
	if calls != 0 || p.view(true) != "" || p.clickAt(0) {
		t.Fatalf("unsized list: %d renders, view %q", calls, p.view(true))
	}
	p.move(1)
	p.setSize(30, 5)
	if v := ansi.Strip(p.view(true)); !strings.Contains(v, "Backups") || !strings.Contains(v, "x") {
		t.Fatalf("sized list:\n%s", v)
	}
}
