// Package cli is roledex's command line: one file per command, each a thin
// layer that asks the catalog and prints what it answers.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"syscall"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
	"github.com/roledex/roledex/ui"
	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // unknown role, lint findings, unreadable catalog
	ExitUsage = 2 // bad flags or arguments

	ExitInterrupted = 130 // SIGINT, as shells report it
	ExitTerminated  = 143 // SIGTERM
)

// exitError carries an error that is not a usage mistake.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// fail marks err as a runtime failure (exit 1), not a usage error.
func fail(err error) error { return &exitError{ExitError, err} }

// silent is returned when the command already printed what went wrong.
var errSilent = errors.New("")

// Env is what a command may touch of the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	Getenv         func(string) string
	// IsTerminal reports whether w is a terminal; Size its columns.
	IsTerminal func(w io.Writer) bool
	Size       func(w io.Writer) (int, int)
	// DarkBackground asks the terminal whether its background is dark;
	// nil means dark. Only called for styled output with theme auto.
	DarkBackground func() bool
	// InputIsTerminal reports whether r is a terminal the explorer can
	// read keys from; nil means it is not.
	InputIsTerminal func(r io.Reader) bool
	// TuneGC is called before a command runs, and again with explorer
	// set when the explorer starts; nil does nothing. OSEnv's sets the garbage collector for
	// the kind of run (see tuneGC).
	TuneGC func(explorer bool)
}

// OSEnv returns the environment of the running process.
func OSEnv() Env {
	return Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin, Getenv: os.Getenv,
		IsTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(f.Fd())
		},
		TuneGC: tuneGC,
		InputIsTerminal: func(r io.Reader) bool {
			f, ok := r.(*os.File)
			return ok && term.IsTerminal(f.Fd())
		},
		Size: func(w io.Writer) (int, int) {
			if f, ok := w.(*os.File); ok {
				if c, r, err := term.GetSize(f.Fd()); err == nil {
					return c, r
				}
			}
			return 0, 0
		},
		DarkBackground: func() bool { return lipgloss.HasDarkBackground(os.Stdin, os.Stdout) },
	}
}

// app holds the state shared by the commands of one run.
type app struct {
	env      Env
	dirs     []string
	color    string
	theme    string
	cat      *catalog.Catalog
	problems catalog.Problems
	index    *catalog.Index
	state    string // --state: the plan file
	config   Config
}

// Execute runs the command line with args and returns the exit status.
func Execute(args []string, env Env) int {
	// Every byte printed passes a last filter: styled output keeps only SGR
	// styling, plain output keeps no escape sequence at all. Messages on
	// stderr are plain, including those that echo an argument as typed
	// (cobra's "unknown flag: --…" does not quote it).
	env.Stderr = &safeWriter{w: env.Stderr, plain: func() bool { return true }}
	a := &app{env: env}
	root := a.rootCmd()
	root.SetArgs(args)
	err := root.Execute()
	// A reader that stopped early (roledex list | head -1) is not an
	// error: it has what it wanted, so the run ends quietly and well.
	if err == nil || errors.Is(err, syscall.EPIPE) {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != errSilent {
			fmt.Fprintf(env.Stderr, "roledex: %s\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(env.Stderr, "roledex: %s\n", err)
	fmt.Fprintln(env.Stderr, "Run 'roledex --help' for usage.")
	return ExitUsage
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "roledex",
		Short: "Explore engineering roles: what they do, how they differ, who owns a duty",
		Long: `roledex explains engineering roles from a built-in catalog: what each role
does, how two or three roles differ, who owns a duty, and where a role leads.

Run it without arguments in a terminal to open the explorer, or use the
commands below from scripts (add --json for machine-readable output).

Exit status: 0 ok, 1 error (unknown role, lint findings, unreadable
catalog), 2 usage (bad flag or arguments, or the explorer without a
terminal).`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runUI(nil, uiOptions{screen: "roles"})
		},
	}
	root.PersistentFlags().StringArrayVar(&a.dirs, "catalog", nil, "add roles, pillars and tasks from `DIR` (repeatable; same ids replace built-in ones)")
	root.PersistentFlags().StringVar(&a.color, "color", "auto", "colour output: auto, always or never (NO_COLOR also turns it off)")
	root.PersistentFlags().StringVar(&a.theme, "theme", "auto", "styles for a dark or light terminal: auto, dark or light")
	root.PersistentFlags().StringVar(&a.state, "state", "", "keep the career plan in `FILE` (one per mentee; default: the user's state folder)")
	_ = root.MarkPersistentFlagDirname("catalog")
	_ = root.RegisterFlagCompletionFunc("color", choices("auto", "always", "never"))
	_ = root.RegisterFlagCompletionFunc("theme", choices("auto", "dark", "light"))
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if err := a.checkGlobalFlags(); err != nil {
			return err
		}
		if a.env.TuneGC != nil {
			a.env.TuneGC(false) // runUI sets the explorer's own
		}
		return a.applyConfig(cmd)
	}
	root.SetVersionTemplate("roledex {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return err })
	root.AddCommand(a.listCmd(), a.showCmd(), a.compareCmd(), a.searchCmd(), a.lintCmd(),
		a.pillarsCmd(), a.tasksCmd(), a.uiCmd(), a.configCmd(), a.pathCmd(), a.gapCmd(), a.planCmd(), a.manCmd())
	// Every byte printed passes a last filter: styled output keeps only SGR
	// styling, plain output keeps no escape sequence at all. Set before
	// strictNames: the completion command takes its writer when made.
	root.SetOut(&safeWriter{w: a.env.Stdout, plain: func() bool { return !a.styled(a.env.Stdout) }})
	root.SetErr(&safeWriter{w: a.env.Stderr, plain: func() bool { return true }})
	strictNames(root)
	return root
}

// strictNames makes a mistyped command name a usage error (exit 2). Left
// alone, cobra prints help and exits 0 for "roledex config bogus",
// "roledex completion tcsh" and "roledex help bogus", and a script never
// learns that it asked for something that does not exist.
func strictNames(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.HasSubCommands() && !c.Runnable() {
			c.Args = cobra.NoArgs
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		}
		if c.Name() == "help" && c.Run != nil {
			run := c.Run
			c.Run = nil
			c.RunE = func(cmd *cobra.Command, args []string) error {
				if _, err := findCommand(root, args); err != nil {
					return err
				}
				run(cmd, args)
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// findCommand returns the command that args name ("plan show"), or a
// usage error when they name none.
func findCommand(root *cobra.Command, args []string) (*cobra.Command, error) {
	target, rest, err := root.Find(args)
	if err != nil || len(rest) > 0 || (len(args) > 0 && target == root) {
		return nil, fmt.Errorf("unknown command %q (roledex --help lists them)", strings.Join(args, " "))
	}
	return target, nil
}

func (a *app) checkGlobalFlags() error {
	for _, d := range a.dirs {
		if strings.TrimSpace(d) == "" {
			return fmt.Errorf("--catalog needs a folder name")
		}
	}
	switch a.color {
	case "auto", "always", "never":
	default:
		return fmt.Errorf("--color must be auto, always or never, not %q", a.color)
	}
	switch a.theme {
	case "auto", "dark", "light":
	default:
		return fmt.Errorf("--theme must be auto, dark or light, not %q", a.theme)
	}
	return nil
}

// applyConfig reads the configuration file and settles each setting:
// a flag beats the environment, which beats the file. The config
// commands themselves (and help and completion) run even when the file
// is broken, so it can be mended.
func (a *app) applyConfig(cmd *cobra.Command) error {
	for c := cmd; c != nil; c = c.Parent() {
		switch c.Name() {
		case "config", "help", "completion", "man", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			return nil
		}
	}
	var cfg Config // no config folder on this system: defaults apply
	if path, err := ConfigPath(a.env.Getenv); err == nil {
		var errs []error
		if cfg, errs = LoadConfig(path); len(errs) > 0 {
			for _, e := range errs {
				fmt.Fprintln(a.env.Stderr, e)
			}
			return fail(fmt.Errorf("fix the configuration file (roledex config check), or move it aside"))
		}
	}
	a.config = cfg
	flags := cmd.Flags()
	if !flags.Changed("theme") {
		if env := a.env.Getenv("ROLEDEX_THEME"); env != "" {
			if !oneOf(env, "auto", "dark", "light") {
				return fmt.Errorf("ROLEDEX_THEME must be auto, dark or light, not %q", env)
			}
			a.theme = env
		} else if cfg.Theme != "" {
			a.theme = cfg.Theme
		}
	}
	if !flags.Changed("color") {
		if a.env.Getenv("NO_COLOR") != "" {
			a.color = "never"
		} else if cfg.Color != "" {
			a.color = cfg.Color
		}
	}
	// Configured folders load first, so --catalog folders override them.
	a.dirs = append(cfg.catalogDirs(), a.dirs...)
	return nil
}

// load reads the built-in catalog and the --catalog folders once. Problems
// in the user's folders are printed to stderr; the rest still loads.
func (a *app) load() error {
	if a.cat != nil {
		return nil
	}
	srcs, err := a.sources(a.dirs)
	if err != nil {
		return err
	}
	a.cat, a.problems = catalog.Load(srcs...)
	for _, p := range a.problems {
		fmt.Fprintln(a.env.Stderr, p.Error())
	}
	return nil
}

// sources turns folder names into catalog sources, built-in first.
func (a *app) sources(dirs []string) ([]catalog.Source, error) {
	// The built-in catalog comes from its parsed snapshot: start-up does
	// not parse a hundred markdown files. lint parses the markdown itself.
	srcs := []catalog.Source{{FS: content.FS, Name: "content", Snapshot: content.Snapshot}}
	for _, d := range dirs {
		st, err := os.Stat(d)
		if err != nil {
			return nil, fail(fmt.Errorf("cannot read catalog folder %s: %v", catalog.Sanitize(d), errText(err)))
		}
		if !st.IsDir() {
			return nil, fail(fmt.Errorf("catalog %s is not a folder", catalog.Sanitize(d)))
		}
		srcs = append(srcs, catalog.Source{FS: os.DirFS(d), Name: strings.TrimSuffix(d, "/"), Root: d, Cache: a.cacheFile(d)})
	}
	return srcs, nil
}

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// find resolves a role name or fails with exit status 1.
func (a *app) find(name string) (*catalog.Role, error) {
	r, err := a.cat.Find(name)
	if err != nil {
		return nil, fail(err)
	}
	return r, nil
}

// styled reports whether output may carry colour and styling. Commands
// pass the writer they print to, but that is the filter in front of
// stdout; the answer depends on stdout itself.
func (a *app) styled(io.Writer) bool {
	w := a.env.Stdout
	switch a.color {
	case "always":
		return true
	case "never":
		return false
	}
	if a.env.Getenv("NO_COLOR") != "" {
		return false
	}
	return a.env.IsTerminal(w)
}

// width returns the columns to lay text out in.
func (a *app) width() int {
	if a.env.IsTerminal(a.env.Stdout) {
		if c, _ := a.env.Size(a.env.Stdout); c > 0 {
			return c
		}
	}
	return 100
}

// completeRoles offers role ids for shell completion, leaving out the
// roles the arguments already name.
func (a *app) completeRoles(max int) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if max > 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		if err := a.loadForCompletion(); err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		named := map[string]bool{}
		for _, arg := range args {
			if r, err := a.cat.Find(arg); err == nil {
				named[r.ID] = true
			}
		}
		var out []string
		for _, r := range a.cat.Roles {
			if strings.HasPrefix(r.ID, toComplete) && !named[r.ID] {
				out = append(out, r.ID+"\t"+r.Title)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// loadForCompletion loads the catalog for a shell completion request,
// with the configuration's catalog folders. applyConfig skips completion
// requests: they parse their flags (--catalog) only later, and must never
// print a problem into the user's command line.
func (a *app) loadForCompletion() error {
	if a.cat != nil {
		return nil
	}
	if path, err := ConfigPath(a.env.Getenv); err == nil {
		if cfg, errs := LoadConfig(path); len(errs) == 0 {
			a.config = cfg
			a.dirs = append(cfg.catalogDirs(), a.dirs...)
		}
	}
	return a.loadQuiet()
}

// completeFamilies offers the catalog's families for --family.
func (a *app) completeFamilies(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if err := a.loadForCompletion(); err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, f := range a.cat.Families() {
		if strings.HasPrefix(strings.ToLower(f), strings.ToLower(toComplete)) {
			out = append(out, f)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// choices offers a flag's fixed values.
func choices(values ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
}

// tuneGC sets the garbage collector for the run, unless GOGC or
// GOMEMLIMIT in the environment say otherwise. A command that runs once
// and exits collects only when its heap nears 128 MiB: collecting while a
// catalog loads and is indexed costs time (a fifth of roledex --catalog
// DIR search on the O*NET folder) to free memory the process is about to
// give back anyway. The explorer collects when its heap has grown four
// times over (not twice: glamour allocates 130,000 objects a role page,
// and collecting that often took a fifth of a page's rendering), and
// more often as its heap nears 64 MiB, so that with a large catalog the
// whole process (binary and runtime included) stays within ~100 MB.
func tuneGC(explorer bool) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if explorer {
		debug.SetMemoryLimit(ui.GCMemoryLimit)
		debug.SetGCPercent(ui.GCPercent)
		return
	}
	debug.SetMemoryLimit(128 << 20)
	debug.SetGCPercent(-1)
}
