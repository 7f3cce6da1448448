package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/plan"
	"github.com/spf13/cobra"
)

// planPath is the plan file: --state, or the default in the user's state
// folder.
func (a *app) planPath() (string, error) {
	if a.state != "" {
		return a.state, nil
	}
	getenv := a.env.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	p, err := plan.PathFromEnv(runtime.GOOS, getenv)
	if err != nil {
		return "", fail(err)
	}
	return p, nil
}

// openPlan opens the plan file, printing any warning (a file moved aside).
func (a *app) openPlan() (*plan.Store, error) {
	path, err := a.planPath()
	if err != nil {
		return nil, err
	}
	st, warns, err := plan.Open(path)
	a.warnPlan(warns)
	if err != nil {
		return nil, fail(err)
	}
	return st, nil
}

// existingPlan returns the plan and its path when a plan file exists, and
// an empty plan and "" when not; it never creates one.
func (a *app) existingPlan() (plan.State, string, error) {
	path, err := a.planPath()
	if err != nil {
		if a.state != "" {
			return plan.State{}, "", err
		}
		return plan.New(), "", nil // no state folder: no plan
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return plan.New(), "", nil
	}
	st, err := a.openPlan()
	if err != nil {
		return plan.State{}, "", err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return plan.New(), "", nil // it was not a plan and was moved aside
	}
	return st.State(), path, nil
}

func (a *app) warnPlan(ws []plan.Warning) {
	for _, w := range ws {
		fmt.Fprintf(a.env.Stderr, "roledex: warning: %s\n", catalog.Sanitize(w.Message))
	}
}

// changePlan opens the plan, applies change and saves it.
func (a *app) changePlan(change func(*plan.State)) (plan.State, error) {
	st, err := a.openPlan()
	if err != nil {
		return plan.State{}, err
	}
	err = st.Update(change)
	a.warnPlan(st.Warnings())
	if err != nil {
		return plan.State{}, fail(err)
	}
	return st.State(), nil
}

func (a *app) planCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Keep a career plan: current role, targets, ticked gap items, notes",
		Long: `Keep a mentee's career plan: the current role, one or more target roles,
a shortlist, the gap items worked through (see roledex gap) and notes.
The plan is saved on every change, in the user's state folder or in the
file named by --state (one file per mentee). docs/plan-file.md describes
the file.`,
		Example: `  roledex plan set-current devops
  roledex plan add-target sre-lead vp-infrastructure
  roledex plan tick sre-lead 1 3 tool-pagerduty
  roledex plan note "Shadow the on-call lead in March"
  roledex plan show
  roledex plan export plan.md
  roledex --state anna.json plan show`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runPlanShow(cmd, false) },
	}
	var showJSON bool
	show := &cobra.Command{
		Use:   "show",
		Short: "Show the plan",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return a.runPlanShow(cmd, showJSON) },
	}
	show.Flags().BoolVar(&showJSON, "json", false, "print the plan as JSON")

	export := &cobra.Command{
		Use:   "export [FILE]",
		Short: "Write the plan as a markdown document (to stdout without FILE)",
		Long: `Write the plan as a markdown document to take away: current and target
roles, a comparison, the routes, the gap checklist with what is ticked,
what the move leaves behind, the shortlist, the notes and the date.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.load(); err != nil {
				return err
			}
			st, _, err := a.existingPlan()
			if err != nil {
				return err
			}
			md := plan.Export(a.cat, st, time.Now())
			if len(args) == 0 {
				_, err := fmt.Fprint(cmd.OutOrStdout(), md)
				return err
			}
			if err := os.WriteFile(args[0], []byte(md), 0o644); err != nil {
				return fail(fmt.Errorf("cannot write %s: %v", catalog.Sanitize(args[0]), errText(err)))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Exported the plan to %s\n", catalog.Sanitize(args[0]))
			return nil
		},
	}

	setCurrent := &cobra.Command{
		Use:               "set-current ROLE",
		Short:             "Set the mentee's current role",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: a.completeRoles(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.load(); err != nil {
				return err
			}
			r, err := a.find(args[0])
			if err != nil {
				return err
			}
			st, err := a.changePlan(func(s *plan.State) { s.Current = r.ID })
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Current role: %s\n", r.Title)
			if st.HasTarget(r.ID) {
				fmt.Fprintf(cmd.OutOrStdout(), "%s is also a target; roledex plan remove-target %s takes it off.\n", r.Title, r.ID)
			}
			return nil
		},
	}

	addTarget := &cobra.Command{
		Use:               "add-target ROLE...",
		Short:             "Add one or more target roles",
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: a.completeRoles(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			roles, err := a.careerFindAll(args)
			if err != nil {
				return err
			}
			cur := ""
			if st, _, err := a.existingPlan(); err == nil {
				cur = st.Current
			}
			for _, r := range roles {
				if r.ID == cur {
					return fail(fmt.Errorf("%s is the current role already", r.Title))
				}
			}
			st, err := a.changePlan(func(s *plan.State) {
				for _, r := range roles {
					s.AddTarget(r.ID)
				}
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Targets: %s\n", a.planTitles(st.Targets))
			return nil
		},
	}

	removeTarget := &cobra.Command{
		Use:               "remove-target ROLE...",
		Short:             "Remove target roles (their ticks are kept in case they come back)",
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: a.completeRoles(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.load(); err != nil {
				return err
			}
			cur, _, err := a.existingPlan()
			if err != nil {
				return err
			}
			var ids []string
			for _, name := range args {
				id, ok := a.careerPlanRole(cur.Targets, name)
				if !ok {
					return fail(fmt.Errorf("%q is not a target; targets: %s", catalog.Sanitize(name), a.planTitles(cur.Targets)))
				}
				ids = append(ids, id)
			}
			st, err := a.changePlan(func(s *plan.State) {
				for _, id := range ids {
					s.RemoveTarget(id)
				}
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Targets: %s\n", a.planTitles(st.Targets))
			return nil
		},
	}

	var replace bool
	note := &cobra.Command{
		Use:   "note TEXT...",
		Short: "Add a paragraph to the plan's notes (--replace: replace them)",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			text := strings.TrimSpace(strings.Join(args, " "))
			if text == "" && !replace {
				return errors.New("note needs TEXT (use --replace with no TEXT to clear the notes)")
			}
			_, err := a.changePlan(func(s *plan.State) {
				if replace || strings.TrimSpace(s.Notes) == "" {
					s.Notes = text
				} else {
					s.Notes = strings.TrimRight(s.Notes, "\n") + "\n\n" + text
				}
			})
			if err != nil {
				return err
			}
			if text == "" {
				fmt.Fprintln(cmd.OutOrStdout(), "Notes cleared")
			} else {
				fmt.Fprintln(cmd.OutOrStdout(), "Note saved")
			}
			return nil
		},
	}
	note.Flags().BoolVar(&replace, "replace", false, "replace the notes instead of adding to them")

	tick := a.tickCmd(true)
	untick := a.tickCmd(false)

	var remove bool
	shortlist := &cobra.Command{
		Use:               "shortlist ROLE...",
		Short:             "Put roles on the shortlist (--remove: take them off)",
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: a.completeRoles(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.load(); err != nil {
				return err
			}
			cur, _, err := a.existingPlan()
			if err != nil {
				return err
			}
			var ids []string
			for _, name := range args {
				if remove {
					id, ok := a.careerPlanRole(cur.Shortlist, name)
					if !ok {
						return fail(fmt.Errorf("%q is not on the shortlist", catalog.Sanitize(name)))
					}
					ids = append(ids, id)
					continue
				}
				r, err := a.find(name)
				if err != nil {
					return err
				}
				ids = append(ids, r.ID)
			}
			st, err := a.changePlan(func(s *plan.State) {
				for _, id := range ids {
					s.Shortlist = careerRemoveID(s.Shortlist, id)
					if !remove {
						s.Shortlist = append(s.Shortlist, id)
					}
				}
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Shortlist: %s\n", a.planTitles(st.Shortlist))
			return nil
		},
	}
	shortlist.Flags().BoolVar(&remove, "remove", false, "take the roles off the shortlist")

	cmd.AddCommand(show, export, setCurrent, addTarget, removeTarget, note, tick, untick, shortlist)
	return cmd
}

// tickCmd builds plan tick (on) or plan untick.
func (a *app) tickCmd(on bool) *cobra.Command {
	use, short := "tick TARGET ITEM...", "Tick gap items toward a target: by number in roledex gap, or by id"
	if !on {
		use, short = "untick TARGET ITEM...", "Untick gap items toward a target"
	}
	return &cobra.Command{
		Use:   use,
		Short: short,
		Long: short + `.
Numbers and ids are those of roledex gap CURRENT TARGET (ids: add --json),
so the plan needs a current role.`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.load(); err != nil {
				return err
			}
			cur, _, err := a.existingPlan()
			if err != nil {
				return err
			}
			if cur.Current == "" || a.cat.Role(cur.Current) == nil {
				return fail(errors.New("the plan has no current role from the catalog: set one with roledex plan set-current ROLE"))
			}
			to, err := a.find(args[0])
			if err != nil {
				return err
			}
			items := a.cat.Gap(a.cat.Role(cur.Current), to).Checklist()
			var ids []string
			for _, ref := range args[1:] {
				id := ""
				if n, err := strconv.Atoi(ref); err == nil {
					if n < 1 || n > len(items) {
						return fail(fmt.Errorf("item %d does not exist: the checklist toward %s has %d items", n, to.Title, len(items)))
					}
					id = items[n-1].ID
				} else {
					for _, it := range items {
						if it.ID == ref {
							id = ref
						}
					}
					// Unticking an item that left the gap must stay possible.
					if id == "" && !on && cur.IsTicked(to.ID, ref) {
						id = ref
					}
					if id == "" {
						return fail(fmt.Errorf("no item %q in the gap from %s to %s (roledex gap %s %s --json lists the ids)",
							catalog.Sanitize(ref), a.cat.Role(cur.Current).Title, to.Title, cur.Current, to.ID))
					}
				}
				ids = append(ids, id)
			}
			st, err := a.changePlan(func(s *plan.State) {
				for _, id := range ids {
					s.SetTicked(to.ID, id, on)
				}
			})
			if err != nil {
				return err
			}
			done := 0
			for _, it := range items {
				if st.IsTicked(to.ID, it.ID) {
					done++
				}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%d of %d done toward %s\n", done, len(items), to.Title)
			return nil
		},
	}
}

func (a *app) runPlanShow(cmd *cobra.Command, asJSON bool) error {
	if err := a.load(); err != nil {
		return err
	}
	st, path, err := a.existingPlan()
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	if asJSON {
		return writeJSON(w, st)
	}
	if path == "" {
		p, _ := a.planPath()
		fmt.Fprintf(w, "No plan yet%s. Start one with roledex plan set-current ROLE.\n", careerPrefixed(" at ", catalog.Sanitize(p)))
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Plan file:    %s\n", catalog.Sanitize(path))
	if !st.Updated.IsZero() {
		fmt.Fprintf(&b, "Last changed: %s\n", st.Updated.Local().Format("2 January 2006 15:04"))
	}
	cur := a.cat.Role(st.Current)
	switch {
	case st.Current == "":
		b.WriteString("Current role: (not set)\n")
	default:
		fmt.Fprintf(&b, "Current role: %s\n", a.planTitles([]string{st.Current}))
	}
	b.WriteString("\nTargets\n")
	if len(st.Targets) == 0 {
		b.WriteString("  (none: roledex plan add-target ROLE)\n")
	}
	for _, id := range st.Targets {
		line := "  • " + a.planTitles([]string{id})
		if to := a.cat.Role(id); to != nil && cur != nil && to != cur {
			items := a.cat.Gap(cur, to).Checklist()
			done := 0
			for _, it := range items {
				if st.IsTicked(id, it.ID) {
					done++
				}
			}
			line += fmt.Sprintf(": %d of %d gap items done", done, len(items))
			if ps := a.cat.Paths(cur.ID, to.ID, 1); len(ps) > 0 {
				line += ", " + careerSteps(len(ps[0])) + " away"
			} else {
				line += ", no route"
			}
		}
		b.WriteString(line + "\n")
	}
	if len(st.Shortlist) > 0 {
		b.WriteString("\nShortlist\n")
		for _, id := range st.Shortlist {
			b.WriteString("  • " + a.planTitles([]string{id}) + "\n")
		}
	}
	if strings.TrimSpace(st.Notes) != "" {
		b.WriteString("\nNotes\n")
		for _, l := range strings.Split(strings.TrimSpace(catalog.Sanitize(st.Notes)), "\n") {
			b.WriteString(strings.TrimRight("  "+l, " ") + "\n")
		}
	}
	_, err = fmt.Fprint(w, b.String())
	return err
}

func careerPrefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// careerFindAll resolves role names, loading the catalog.
func (a *app) careerFindAll(names []string) ([]*catalog.Role, error) {
	if err := a.load(); err != nil {
		return nil, err
	}
	var out []*catalog.Role
	for _, n := range names {
		r, err := a.find(n)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// careerPlanRole finds name among ids: an exact id (which may have left the
// catalog) or a role the catalog resolves name to.
func (a *app) careerPlanRole(ids []string, name string) (string, bool) {
	for _, id := range ids {
		if id == name {
			return id, true
		}
	}
	if r, err := a.cat.Find(name); err == nil {
		for _, id := range ids {
			if id == r.ID {
				return id, true
			}
		}
	}
	return "", false
}

// planTitles names roles for messages: their titles, or ids the catalog does
// not know (marked).
func (a *app) planTitles(ids []string) string {
	if len(ids) == 0 {
		return "(none)"
	}
	var out []string
	for _, id := range ids {
		if r := a.cat.Role(id); r != nil {
			out = append(out, r.Title)
		} else {
			out = append(out, catalog.Sanitize(id)+" (not in the catalog)")
		}
	}
	return strings.Join(out, ", ")
}

func careerRemoveID(ids []string, id string) []string {
	out := ids[:0:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}
