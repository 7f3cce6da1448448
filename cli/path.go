package cli

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/roledex/roledex/catalog"
	"github.com/spf13/cobra"
)

// Routes shown by roledex path, without and with --all.
const (
	pathRoutes    = 3
	pathRoutesAll = 100
)

type careerPathJSON struct {
	From   roleSummary       `json:"from"`
	To     roleSummary       `json:"to"`
	Routes []careerRouteJSON `json:"routes"`
	// More is true when more routes exist than are listed.
	More bool `json:"more"`
}

type careerRouteJSON struct {
	Roles []string         `json:"roles"`
	Steps []careerStepJSON `json:"steps"`
}

type careerStepJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
	Via  string `json:"via"`
}

func (a *app) pathCmd() *cobra.Command {
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:   "path FROM TO",
		Short: "Find the shortest career routes from one role to another",
		Long: fmt.Sprintf(`Find the shortest routes from one role to another through the catalog's
career links: a role's next steps, and the roles it reports to (a move up
the reporting line). The shortest routes come first, then longer ones;
up to %d are shown, or %d with --all. Exit status 1 when there is no route.`, pathRoutes, pathRoutesAll),
		Example: `  roledex path devops sre-lead
  roledex path "QA Analyst" ciso --all
  roledex path devops cto --json`,
		Args:              cobra.ExactArgs(2),
		ValidArgsFunction: a.completeRoles(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.load(); err != nil {
				return err
			}
			from, to, err := a.careerPair(args)
			if err != nil {
				return err
			}
			k := pathRoutes
			if all {
				k = pathRoutesAll
			}
			paths := a.cat.Paths(from.ID, to.ID, k+1)
			more := len(paths) > k
			if more {
				paths = paths[:k]
			}
			w := cmd.OutOrStdout()
			if asJSON {
				out := careerPathJSON{From: summaryOf(from), To: summaryOf(to), Routes: []careerRouteJSON{}, More: more}
				for _, p := range paths {
					r := careerRouteJSON{Roles: p.Roles()}
					for _, s := range p {
						r.Steps = append(r.Steps, careerStepJSON{From: s.From, To: s.To, Via: string(s.Via)})
					}
					out.Routes = append(out.Routes, r)
				}
				if err := writeJSON(w, out); err != nil {
					return err
				}
			} else if len(paths) > 0 {
				if err := a.writeCareerPaths(w, from, to, paths, more, all); err != nil {
					return err
				}
			}
			if len(paths) == 0 {
				return fail(fmt.Errorf("there is no route from %s to %s through next steps or reporting lines", from.Title, to.Title))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, fmt.Sprintf("show up to %d routes instead of %d", pathRoutesAll, pathRoutes))
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// careerPair resolves FROM and TO, which must be two different roles.
func (a *app) careerPair(args []string) (*catalog.Role, *catalog.Role, error) {
	from, err := a.find(args[0])
	if err != nil {
		return nil, nil, err
	}
	to, err := a.find(args[1])
	if err != nil {
		return nil, nil, err
	}
	if from == to {
		return nil, nil, fmt.Errorf("%q and %q are both %s: name two different roles", args[0], args[1], from.Title)
	}
	return from, to, nil
}

func (a *app) writeCareerPaths(w io.Writer, from, to *catalog.Role, paths []catalog.Path, more, all bool) error {
	bold := lipgloss.NewStyle()
	if a.styled(w) {
		bold = bold.Bold(true)
	}
	title := func(id string) string {
		if r := a.cat.Role(id); r != nil {
			return r.Title
		}
		return id
	}
	var b strings.Builder
	n := fmt.Sprintf("%d routes", len(paths))
	if len(paths) == 1 {
		n = "1 route"
	}
	fmt.Fprintf(&b, "%s from %s to %s (shortest: %s)\n", n, from.Title, to.Title, careerSteps(len(paths[0])))
	for i, p := range paths {
		fmt.Fprintf(&b, "\n%s\n", bold.Render(fmt.Sprintf("Route %d, %s", i+1, careerSteps(len(p)))))
		fmt.Fprintf(&b, "  %s\n", title(p[0].From))
		width := 0
		for _, s := range p {
			width = max(width, lipgloss.Width(title(s.To)))
		}
		for _, s := range p {
			t := title(s.To)
			fmt.Fprintf(&b, "  → %s%s  (%s)\n", t, strings.Repeat(" ", width-lipgloss.Width(t)), s.Via)
		}
	}
	if more {
		if all {
			fmt.Fprintf(&b, "\nMore routes exist; these are the first %d.\n", len(paths))
		} else {
			b.WriteString("\nMore routes exist: add --all to see them.\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func careerSteps(n int) string {
	if n == 1 {
		return "1 step"
	}
	return fmt.Sprintf("%d steps", n)
}
