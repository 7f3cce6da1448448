package ui

import (
	tea "charm.land/bubbletea/v2"
)

// pageKey names one rendering of a page: the same page at another width
// or in another theme is another rendering.
type pageKey struct {
	id    string // "role:<id>" or "task:<id>"
	width int
	style string
}

// pageCache holds rendered pages so that switching back to a page costs
// nothing, and remembers renders under way so none is started twice.
type pageCache struct {
	done    map[pageKey][]string
	pending map[pageKey]bool
}

func newPageCache() *pageCache {
	return &pageCache{done: map[pageKey][]string{}, pending: map[pageKey]bool{}}
}

// pageRenderedMsg carries a finished rendering back to Update, split
// into lines (the pager shows a slice of them).
type pageRenderedMsg struct {
	key   pageKey
	lines []string
}

// get returns the rendering for key, or a command that produces it (nil
// when one is already under way). The page is rendered in halves on two
// cores when it is big enough: someone is waiting for it.
func (p *pageCache) get(key pageKey, markdown func() string) ([]string, bool, tea.Cmd) {
	return p.request(key, markdown, RenderMarkdown)
}

// ahead is get for a page nobody is waiting for yet (a list neighbour):
// it is rendered whole, on one core, so that the other is left to the
// event loop and the frames (at start-up, two renders in halves would
// hold both cores while the first frame waits).
func (p *pageCache) ahead(key pageKey, markdown func() string) ([]string, bool, tea.Cmd) {
	return p.request(key, markdown, func(md string, width int, style string) (string, error) {
		return renderMarkdown(md, width, style, -1)
	})
}

func (p *pageCache) request(key pageKey, markdown func() string, render func(md string, width int, style string) (string, error)) ([]string, bool, tea.Cmd) {
	if s, ok := p.done[key]; ok {
		return s, true, nil
	}
	if p.pending[key] {
		return nil, false, nil
	}
	p.pending[key] = true
	md := markdown()
	return nil, false, func() tea.Msg {
		out, err := render(md, key.width, key.style)
		if err != nil {
			out = "Could not render this page: " + err.Error()
		}
		return pageRenderedMsg{key: key, lines: splitLines(out)}
	}
}

// store records a finished rendering.
func (p *pageCache) store(m pageRenderedMsg) {
	delete(p.pending, m.key)
	p.done[m.key] = m.lines
}
