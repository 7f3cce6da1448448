package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/plan"
	"github.com/roledex/roledex/ui"
	"github.com/spf13/cobra"
)

type uiOptions struct {
	screen string
	query  string
}

func (a *app) uiCmd() *cobra.Command {
	var o uiOptions
	cmd := &cobra.Command{
		Use:   "ui [ROLE...]",
		Short: "Open the explorer, optionally on a role or a comparison",
		Long: `Open the terminal explorer. With one role it opens on that role's page;
with two or three it opens their comparison, so you can hand someone the
exact command for what you looked at together.`,
		Example: `  roledex ui
  roledex ui sre
  roledex ui devops sre platform-engineer
  roledex ui --search "ssl cert"
  roledex ui --screen pillars`,
		Args:              cobra.MaximumNArgs(ui.MaxCompare),
		ValidArgsFunction: a.completeRoles(ui.MaxCompare),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runUI(args, o)
		},
	}
	cmd.Flags().StringVar(&o.screen, "screen", "roles", "first `SCREEN`: roles, compare, search, pillars, tasks or plan")
	_ = cmd.RegisterFlagCompletionFunc("screen", choices("roles", "compare", "search", "pillars", "tasks", "plan"))
	cmd.Flags().StringVar(&o.query, "search", "", "open the search screen with `QUERY`")
	return cmd
}

func (a *app) runUI(args []string, o uiOptions) error {
	if !a.env.IsTerminal(a.env.Stdout) {
		return &exitError{ExitUsage, fmt.Errorf("the explorer needs a terminal; in scripts use roledex list, show, compare or search (see roledex --help)")}
	}
	// Keys come from stdin: "roledex < file" on a terminal would otherwise
	// fail deep inside the terminal library.
	if a.env.InputIsTerminal == nil || !a.env.InputIsTerminal(a.env.Stdin) {
		return &exitError{ExitUsage, fmt.Errorf("the explorer needs a terminal to read keys from, and standard input is not one; in scripts use roledex list, show, compare or search (see roledex --help)")}
	}
	if a.env.TuneGC != nil {
		a.env.TuneGC(true)
	}
	screen, ok := ui.ParseScreen(o.screen)
	if !ok {
		return fmt.Errorf("unknown screen %q: use roles, compare, search, pillars, tasks or plan", o.screen)
	}
	if err := a.loadQuiet(); err != nil {
		return err
	}
	var ids []string
	for _, name := range args {
		r, err := a.find(name)
		if err != nil {
			return err
		}
		ids = append(ids, r.ID)
	}
	theme := ui.ThemeAuto
	switch a.theme {
	case "dark":
		theme = ui.ThemeDark
	case "light":
		theme = ui.ThemeLight
	}
	opts := ui.Options{
		Catalog: a.cat, Problems: a.problems, Theme: theme,
		NoColor: !a.colorAllowed(),
		Start:   ui.Start{Roles: ids, Screen: screen, Query: strings.TrimSpace(o.query)},
	}
	opts.PanicForTest = a.env.Getenv("ROLEDEX_TEST_PANIC") != ""
	km := a.config.KeyMap()
	opts.KeyMap = &km
	opts.CompareDimensions = dimensionFilter(a.config.CompareDimensions)
	// The plan file: a warning (a corrupt file moved aside) is shown in the
	// explorer, where the user is looking, as well as on stderr.
	if path, err := a.planPath(); err == nil {
		store, warns, err := plan.Open(path)
		a.warnPlan(warns)
		if err != nil {
			return fail(err)
		}
		opts.Plan = store
		for _, w := range warns {
			opts.PlanWarnings = append(opts.PlanWarnings, catalog.Sanitize(w.Message))
		}
	}
	switch err := ui.Run(opts, a.env.Stdin, a.env.Stdout); {
	case err == nil:
		return nil
	case errors.Is(err, ui.ErrInterrupted):
		return &exitError{ExitInterrupted, errSilent}
	case errors.Is(err, ui.ErrTerminated):
		return &exitError{ExitTerminated, errSilent}
	default:
		return fail(err)
	}
}

// colorAllowed applies --color and NO_COLOR for the explorer, which runs
// only on a terminal.
func (a *app) colorAllowed() bool {
	switch a.color {
	case "always":
		return true
	case "never":
		return false
	}
	return a.env.Getenv("NO_COLOR") == ""
}

// loadQuiet loads the catalog without printing problems: the explorer
// shows them on its own screen.
func (a *app) loadQuiet() error {
	if a.cat != nil {
		return nil
	}
	srcs, err := a.sources(a.dirs)
	if err != nil {
		return err
	}
	a.cat, a.problems = catalog.Load(srcs...)
	return nil
}
