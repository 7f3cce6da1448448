package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// pager shows a window of lines that were rendered once (a role page)
// and scrolls through it. bubbles' viewport measures every line again
// on each SetContent and re-wraps the window through lipgloss on each
// View (1 ms and 4 ms for a role page at 160 columns); a cached page
// only needs slicing.
type pager struct {
	lines  []string
	offset int
	height int
}

// setLines shows lines, keeping the offset where it still fits.
func (p *pager) setLines(lines []string) {
	p.lines = lines
	p.clamp()
}

// setText shows s, split into lines.
func (p *pager) setText(s string) { p.setLines(splitLines(s)) }

func (p *pager) setHeight(h int) {
	p.height = max(h, 0)
	p.clamp()
}

func (p *pager) maxOffset() int { return max(len(p.lines)-p.height, 0) }

func (p *pager) clamp() { p.offset = min(max(p.offset, 0), p.maxOffset()) }

// scroll moves the window n lines down (up when n < 0).
func (p *pager) scroll(n int) {
	p.offset += n
	p.clamp()
}

func (p *pager) setOffset(n int) {
	p.offset = n
	p.clamp()
}

func (p *pager) top()    { p.offset = 0 }
func (p *pager) bottom() { p.offset = p.maxOffset() }

// pageDown and pageUp move by a window less one line, so the last line
// read stays in sight.
func (p *pager) pageDown() { p.scroll(max(p.height-1, 1)) }
func (p *pager) pageUp()   { p.scroll(-max(p.height-1, 1)) }

// percent is how far down the page the window is, from 0 to 1.
func (p *pager) percent() float64 {
	if p.maxOffset() == 0 {
		return 1
	}
	return float64(p.offset) / float64(p.maxOffset())
}

// visible returns the lines in the window.
func (p *pager) visible() []string {
	from := min(p.offset, len(p.lines))
	return p.lines[from:min(from+p.height, len(p.lines))]
}

// content is every line, joined.
func (p *pager) content() string { return strings.Join(p.lines, "\n") }

// pagerKeys are the bindings a pager answers to.
type pagerKeys struct {
	up, down, pageUp, pageDown, top, bottom key.Binding
}

// key scrolls for msg and reports whether msg was one of keys.
func (p *pager) key(msg tea.KeyPressMsg, k pagerKeys) bool {
	switch {
	case key.Matches(msg, k.up):
		p.scroll(-1)
	case key.Matches(msg, k.down):
		p.scroll(1)
	case key.Matches(msg, k.pageUp):
		p.pageUp()
	case key.Matches(msg, k.pageDown):
		p.pageDown()
	case key.Matches(msg, k.top):
		p.top()
	case key.Matches(msg, k.bottom):
		p.bottom()
	default:
		return false
	}
	return true
}
