package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/roledex/roledex/catalog"
	"github.com/spf13/cobra"
)

type pillarJSON struct {
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Summary string      `json:"summary"`
	Groups  []groupJSON `json:"groups,omitempty"`
}

type groupJSON struct {
	Name  string       `json:"name"`
	Roles []memberJSON `json:"roles"`
}

type memberJSON struct {
	Role         string `json:"role"`
	Title        string `json:"title"`
	Contribution string `json:"contribution"`
}

func (a *app) pillarsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "pillars [PILLAR]",
		Short: "List the six pillars, or one pillar's groups with each role's contribution",
		Example: `  roledex pillars
  roledex pillars reliability
  roledex pillars "cost optimization" --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.load(); err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if len(args) == 0 {
				if asJSON {
					out := []pillarJSON{}
					for _, p := range a.cat.Pillars {
						out = append(out, pillarJSON{ID: p.ID, Title: p.Title, Summary: p.Summary})
					}
					return writeJSON(w, out)
				}
				for _, p := range a.cat.Pillars {
					fmt.Fprintf(w, "%-24s %s (%d groups, %d roles)\n", p.ID, p.Title, len(p.Groups), p.RoleCount())
					fmt.Fprintf(w, "%-24s %s\n", "", p.Summary)
				}
				return nil
			}
			p := a.findPillar(args[0])
			if p == nil {
				var ids []string
				for _, p := range a.cat.Pillars {
					ids = append(ids, p.ID)
				}
				return fail(fmt.Errorf("no pillar %q; pillars: %s", args[0], strings.Join(ids, ", ")))
			}
			if asJSON {
				return writeJSON(w, a.pillarToJSON(p))
			}
			return a.writePillar(w, p)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// findPillar matches a pillar by id or title, ignoring case and punctuation,
// or by a unique prefix ("perf").
func (a *app) findPillar(q string) *catalog.Pillar {
	n := strings.Join(strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), "-")
	var prefix []*catalog.Pillar
	for _, p := range a.cat.Pillars {
		t := strings.ReplaceAll(strings.ToLower(p.Title), " ", "-")
		if p.ID == n || t == n {
			return p
		}
		if n != "" && (strings.HasPrefix(p.ID, n) || strings.HasPrefix(t, n)) {
			prefix = append(prefix, p)
		}
	}
	if len(prefix) == 1 {
		return prefix[0]
	}
	return nil
}

func (a *app) pillarToJSON(p *catalog.Pillar) pillarJSON {
	out := pillarJSON{ID: p.ID, Title: p.Title, Summary: p.Summary}
	for _, g := range p.Groups {
		gj := groupJSON{Name: g.Name, Roles: []memberJSON{}}
		for _, m := range g.Members {
			gj.Roles = append(gj.Roles, memberJSON{Role: m.Role, Title: a.cat.Role(m.Role).Title, Contribution: m.Contribution})
		}
		out.Groups = append(out.Groups, gj)
	}
	return out
}

func (a *app) writePillar(w io.Writer, p *catalog.Pillar) error {
	width := a.width()
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", p.Title, p.Summary)
	for _, g := range p.Groups {
		fmt.Fprintf(&b, "\n%s\n", g.Name)
		for _, m := range g.Members {
			b.WriteString(wrapIndent("  • ", a.cat.Role(m.Role).Title+" ("+m.Role+"): "+m.Contribution, width) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
