package cli

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/roledex/roledex/catalog"
	"github.com/spf13/cobra"
)

type hitJSON struct {
	Role    string `json:"role"`
	Task    string `json:"task,omitempty"`
	Kind    string `json:"kind"`
	Detail  string `json:"detail,omitempty"`
	Text    string `json:"text"`
	Score   int    `json:"score"`
	Matched []int  `json:"matched"`
}

func (a *app) searchCmd() *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search duties, dimensions, tasks, tools, titles and aliases",
		Long: `Search every responsibility, dimension text, task, tool, title and alias.
Lines containing every word of the query come first (whole words and word
starts above mid-word matches, names above body text), then fuzzy matches.
Each hit names its role and what kind of text matched. A question works
too: "who handles SSL certificates?" searches for "ssl certificates".`,
		Example: `  roledex search "ssl cert"
  roledex search "who owns the backups?"
  roledex search oncall --limit 5
  roledex search terraform --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return fmt.Errorf("--limit must be 0 (all) or more, not %d", limit)
			}
			if err := a.load(); err != nil {
				return err
			}
			query := strings.Join(args, " ")
			switch {
			case strings.TrimSpace(query) == "":
				return fmt.Errorf("the query is empty")
			case !catalog.Searchable(query):
				return fmt.Errorf("the query %q has no words to search for (a trailing ?, ! or . is dropped); name the duty, as in: roledex search \"who handles ssl certificates?\"", query)
			}
			hits := catalog.NewIndexOnDemand(a.cat).Search(query, limit)
			w := cmd.OutOrStdout()
			if asJSON {
				out := make([]hitJSON, 0, len(hits))
				for _, h := range hits {
					out = append(out, hitJSON{Role: h.Role, Task: h.Task, Kind: string(h.Kind), Detail: h.Detail,
						Text: h.Text, Score: h.Score, Matched: h.Matched})
				}
				return writeJSON(w, out)
			}
			if len(hits) == 0 {
				return fail(fmt.Errorf("nothing matches %q", query))
			}
			return a.writeHits(w, hits)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVarP(&limit, "limit", "n", 20, "show at most `N` hits (0: all)")
	return cmd
}

func (a *app) writeHits(w io.Writer, hits []catalog.Hit) error {
	styled := a.styled(w)
	hl := lipgloss.NewStyle()
	dim := lipgloss.NewStyle()
	if styled {
		hl = hl.Bold(true).Underline(true).Foreground(lipgloss.Color("212"))
		dim = dim.Faint(true)
	}
	var b strings.Builder
	for _, h := range hits {
		title := h.Role
		if r := a.cat.Role(h.Role); r != nil {
			title = r.Title
		}
		what := string(h.Kind)
		if h.Detail != "" {
			what += ": " + h.Detail
		}
		if t := a.cat.Task(h.Task); t != nil {
			title = t.Title
			what = "task · owned by " + a.titles(t.Owners)
		}
		fmt.Fprintf(&b, "%s %s\n    %s\n", title, dim.Render("("+what+")"), highlight(h.Text, h.Matched, hl))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// highlight renders the runes of s at positions matched with style.
func highlight(s string, matched []int, style lipgloss.Style) string {
	if len(matched) == 0 {
		return s
	}
	var b strings.Builder
	runes := []rune(s)
	m := 0
	for i := 0; i < len(runes); {
		if m < len(matched) && matched[m] == i {
			j := i
			for m < len(matched) && matched[m] == j {
				j++
				m++
			}
			b.WriteString(style.Render(string(runes[i:min(j, len(runes))])))
			i = j
			continue
		}
		b.WriteRune(runes[i])
		i++
	}
	return b.String()
}
