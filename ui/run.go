package ui

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// The garbage collector settings the explorer runs with (roledex sets
// them unless GOGC or GOMEMLIMIT is set): collect when the heap has grown
// four times over, and more often as it nears 64 MiB. glamour allocates
// some 130,000 objects a role page; collecting at the default doubling
// took a fifth of a page's rendering with the small built-in catalog,
// and the limit keeps a large catalog's process within ~100 MB.
const (
	GCPercent     = 400
	GCMemoryLimit = 64 << 20
)

// Errors Run returns when the explorer did not end by the user quitting.
var (
	// ErrInterrupted: SIGINT (an interrupt from outside; ctrl+c in the
	// explorer is a key and quits normally).
	ErrInterrupted = errors.New("interrupted")
	// ErrTerminated: SIGTERM.
	ErrTerminated = errors.New("terminated")
	// ErrPanic: the explorer hit a bug; the terminal was restored and the
	// panic printed to stderr.
	ErrPanic = errors.New("the explorer stopped on an internal error (details above)")
)

// Run starts the explorer on the terminal and returns when it ends. The
// terminal is restored in every case: quit, signal or panic.
func Run(o Options, in io.Reader, out io.Writer) error {
	// 120 frames a second, bubbletea's maximum: a keystroke reaches the
	// screen within ~8 ms instead of ~16 ms; frames are only written when
	// something changed, so an idle explorer costs nothing more.
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithoutSignalHandler(), tea.WithFPS(120)}
	switch {
	case o.NoColor:
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	case out == io.Writer(os.Stdout):
		// lipgloss has already detected stdout's colours, in its package
		// initialisation; detecting again costs as much once more, and
		// under tmux that is a "tmux info" process (~15 ms).
		opts = append(opts, tea.WithColorProfile(lipgloss.Writer.Profile))
	}
	p := tea.NewProgram(New(o), opts...)

	// bubbletea would turn SIGTERM into a plain quit; we handle signals so
	// the exit status can say what happened (130 for SIGINT, 143 for SIGTERM).
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	var got atomic.Value
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			got.Store(s)
			p.Quit()
		case <-done:
		}
	}()
	_, err := p.Run()
	close(done)
	if s, ok := got.Load().(os.Signal); ok {
		if s == os.Interrupt {
			return ErrInterrupted
		}
		return ErrTerminated
	}
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		return ErrPanic
	case errors.Is(err, tea.ErrInterrupted):
		return ErrInterrupted
	}
	return err
}
