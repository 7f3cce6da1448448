package cli

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/roledex/roledex/catalog"
	"github.com/spf13/cobra"
)

type compareJSON struct {
	Roles      []roleSummary       `json:"roles"`
	Dimensions []compareRowJSON    `json:"dimensions"`
	Shared     []map[string]string `json:"shared"`
	Unique     map[string][]string `json:"unique"`
}

type compareRowJSON struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
	Alike  bool     `json:"alike"`
}

func (a *app) compareCmd() *cobra.Command {
	var asJSON, diff bool
	var format string
	var dims []string
	cmd := &cobra.Command{
		Use:   "compare ROLE ROLE [ROLE]",
		Short: "Compare two or three roles side by side",
		Long: `Compare two or three roles across the ten dimensions, then list the
responsibilities they share and those each owns alone.`,
		Example: `  roledex compare devops sre platform
  roledex compare "Head of Engineering" "VP of Engineering" --diff
  roledex compare sre devops --json`,
		Args:              cobra.RangeArgs(2, 3),
		ValidArgsFunction: a.completeRoles(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, asJSON); err != nil {
				return err
			}
			if !cmd.Flags().Changed("dimensions") {
				dims = a.config.CompareDimensions
			}
			for _, d := range dims {
				if catalog.DimensionIndex(d) < 0 {
					return fmt.Errorf("unknown dimension %q", d)
				}
			}
			if err := a.load(); err != nil {
				return err
			}
			var roles []*catalog.Role
			seen := map[string]bool{}
			for _, name := range args {
				r, err := a.find(name)
				if err != nil {
					return err
				}
				if seen[r.ID] {
					return fmt.Errorf("%q and another argument are both %s: compare different roles", name, r.Title)
				}
				seen[r.ID] = true
				roles = append(roles, r)
			}
			cmp := catalog.Compare(roles...)
			if !asJSON {
				cmp = cmp.Only(dimensionFilter(dims))
			}
			w := cmd.OutOrStdout()
			switch {
			case asJSON:
				return writeJSON(w, compareToJSON(cmp))
			case format == "markdown":
				_, err := fmt.Fprint(w, catalog.ComparisonMarkdown(cmp, diff))
				return err
			}
			return writeComparison(w, cmp, a.width(), diff, a.styled(w))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&diff, "diff", false, "only the dimensions where the roles differ")
	cmd.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text or markdown")
	_ = cmd.RegisterFlagCompletionFunc("format", choices("text", "markdown"))
	cmd.Flags().StringSliceVar(&dims, "dimensions", nil, "show only these `DIMENSIONS` (comma-separated names; default: all, or compare_dimensions in the configuration)")
	var dimNames []string
	for _, d := range catalog.Dimensions {
		dimNames = append(dimNames, d.Name)
	}
	_ = cmd.RegisterFlagCompletionFunc("dimensions", choices(dimNames...))
	return cmd
}

func compareToJSON(cmp catalog.Comparison) compareJSON {
	out := compareJSON{Dimensions: []compareRowJSON{}, Shared: []map[string]string{}, Unique: map[string][]string{}}
	for _, r := range cmp.Roles {
		out.Roles = append(out.Roles, summaryOf(r))
	}
	for _, row := range cmp.Rows {
		out.Dimensions = append(out.Dimensions, compareRowJSON{Name: row.Dimension.Name, Values: row.Values, Alike: row.Alike})
	}
	for _, s := range cmp.Shared {
		m := map[string]string{}
		for i, t := range s.Texts {
			if t != "" {
				m[cmp.Roles[i].ID] = t
			}
		}
		out.Shared = append(out.Shared, m)
	}
	for i, r := range cmp.Roles {
		out.Unique[r.ID] = nonNil(cmp.Unique[i])
	}
	return out
}

// writeComparison lays the comparison out in wrapped columns.
func writeComparison(w io.Writer, cmp catalog.Comparison, width int, diff, styled bool) error {
	width = max(width, 40)
	labelW := 16
	n := len(cmp.Roles)
	colW := max((width-labelW-2*n)/n, 12)
	bold := lipgloss.NewStyle()
	if styled {
		bold = bold.Bold(true)
	}
	cell := func(s string, w int) string { return lipgloss.NewStyle().Width(w).Render(s) }
	row := func(label string, values []string) string {
		parts := []string{cell(label, labelW)}
		for _, v := range values {
			parts = append(parts, "  ", cell(v, colW))
		}
		return lipgloss.JoinHorizontal(lipgloss.Top, parts...)
	}
	var b strings.Builder
	titles := make([]string, n)
	for i, r := range cmp.Roles {
		titles[i] = r.Title
	}
	b.WriteString(bold.Render(row("", titles)) + "\n")
	b.WriteString(strings.Repeat("─", min(width, labelW+n*(colW+2))) + "\n")
	shown := 0
	for _, r := range cmp.Rows {
		if diff && r.Alike {
			continue
		}
		shown++
		vals := make([]string, n)
		for i, v := range r.Values {
			vals[i] = v
			if v == "" {
				vals[i] = "—"
			}
		}
		b.WriteString(row(bold.Render(r.Dimension.Name), vals) + "\n\n")
	}
	if diff && shown == 0 {
		b.WriteString("(the roles read alike on every dimension)\n\n")
	}
	b.WriteString(bold.Render("Shared responsibilities") + "\n")
	if len(cmp.Shared) == 0 {
		b.WriteString("  (none in common)\n")
	}
	for _, s := range cmp.Shared {
		first := true
		for i, t := range s.Texts {
			if t == "" {
				continue
			}
			mark := "  • "
			if !first {
				mark = "    ≈ "
			}
			first = false
			b.WriteString(wrapIndent(mark, t+" ("+cmp.Roles[i].Title+")", width) + "\n")
		}
	}
	for i, r := range cmp.Roles {
		b.WriteString("\n" + bold.Render("Only "+r.Title) + "\n")
		if len(cmp.Unique[i]) == 0 {
			b.WriteString("  (nothing of its own)\n")
		}
		for _, d := range cmp.Unique[i] {
			b.WriteString(wrapIndent("  • ", d, width) + "\n")
		}
	}
	_, err := io.WriteString(w, trimRight(b.String()))
	return err
}

// trimRight drops the padding spaces at the ends of lines.
func trimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// wrapIndent wraps text to width with mark before the first line and the
// continuation lines indented to match.
func wrapIndent(mark, text string, width int) string {
	ind := lipgloss.Width(mark)
	wrapped := lipgloss.Wrap(text, max(width-ind, 10), " ")
	lines := strings.Split(wrapped, "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = mark + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", ind) + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
