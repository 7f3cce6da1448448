package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/roledex/roledex/catalog"
	"github.com/spf13/cobra"
)

type listOptions struct {
	family, track string
	json          bool
}

func (a *app) listCmd() *cobra.Command {
	var o listOptions
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List roles, optionally narrowed by family or track",
		Example: `  roledex list
  roledex list --family security
  roledex list --track executive --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runList(cmd, o) },
	}
	cmd.Flags().StringVar(&o.family, "family", "", "only roles of this `FAMILY` (case-insensitive; a prefix is enough)")
	cmd.Flags().StringVar(&o.track, "track", "", "only roles on this `TRACK`: individual contributor (ic), lead, manager, executive")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON")
	_ = cmd.RegisterFlagCompletionFunc("family", a.completeFamilies)
	_ = cmd.RegisterFlagCompletionFunc("track", choices("individual contributor", "lead", "manager", "executive"))
	return cmd
}

func (a *app) runList(cmd *cobra.Command, o listOptions) error {
	if err := a.load(); err != nil {
		return err
	}
	var track catalog.Track
	if o.track != "" {
		t, ok := catalog.ParseTrack(o.track)
		if !ok {
			return fmt.Errorf("unknown track %q: use individual contributor (or ic), lead, manager or executive", o.track)
		}
		track = t
	}
	family := strings.ToLower(strings.TrimSpace(o.family))
	if family != "" && !a.familyExists(family) {
		return fail(fmt.Errorf("no family %q; families: %s", o.family, strings.Join(a.cat.Families(), ", ")))
	}
	var roles []*catalog.Role
	for _, r := range a.cat.Roles {
		if family != "" && !strings.HasPrefix(strings.ToLower(r.Family), family) {
			continue
		}
		if track != "" && r.Track != track {
			continue
		}
		roles = append(roles, r)
	}
	w := cmd.OutOrStdout()
	if o.json {
		out := make([]roleSummary, 0, len(roles))
		for _, r := range roles {
			out = append(out, summaryOf(r))
		}
		return writeJSON(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tFAMILY\tTRACK")
	for _, r := range roles {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Title, r.Family, r.Track)
	}
	return tw.Flush()
}

func (a *app) familyExists(prefix string) bool {
	for _, f := range a.cat.Families() {
		if strings.HasPrefix(strings.ToLower(f), prefix) {
			return true
		}
	}
	return false
}
