package ui

import (
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Run starts the explorer on the terminal and returns when the user quits.
func Run(o Options, in io.Reader, out io.Writer) error {
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out)}
	if o.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, err := tea.NewProgram(New(o), opts...).Run()
	return err
}
