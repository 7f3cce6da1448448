package ui

import (
	tea "charm.land/bubbletea/v2"
)

// PlanStore is the career plan as the explorer uses it.
type PlanStore interface{}

// planMsg carries the result of plan work done off the UI loop.
type planMsg struct{}

// planScreen is the career plan screen.
type planScreen struct {
	c             *common
	width, height int
}

func newPlanScreen(c *common, _ PlanStore) *planScreen { return &planScreen{c: c} }

func (p *planScreen) setSize(w, h int)                 { p.width, p.height = w, h }
func (p *planScreen) capturesText() bool               { return false }
func (p *planScreen) consumesBack() bool               { return false }
func (p *planScreen) back() (string, tea.Cmd)          { return "", nil }
func (p *planScreen) enter() tea.Cmd                   { return nil }
func (p *planScreen) handle(planMsg) (string, tea.Cmd) { return "", nil }
func (p *planScreen) update(tea.Msg) (string, tea.Cmd) { return "", nil }
func (p *planScreen) view() string                     { return "Career planning is not built yet." }
func (p *planScreen) helpMap(g GlobalKeys) helpMap     { return helpMap{short: g.column()} }
