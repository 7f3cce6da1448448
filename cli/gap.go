package cli

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/plan"
	"github.com/spf13/cobra"
)

type careerGapOut struct {
	From      roleSummary      `json:"from"`
	To        roleSummary      `json:"to"`
	Checklist []careerItemJSON `json:"checklist"`
	Drops     []careerItemJSON `json:"drops"`
	Changes   []careerDimJSON  `json:"changes"`
	// Plan is the plan file the ticks come from; empty when there is none.
	Plan string `json:"plan,omitempty"`
}

type careerItemJSON struct {
	Number int    `json:"number,omitempty"` // position in the checklist, for roledex plan tick
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Label  string `json:"label,omitempty"`
	Text   string `json:"text"`
	Role   string `json:"role"`
	Ticked bool   `json:"ticked"`
}

type careerDimJSON struct {
	Dimension string `json:"dimension"`
	Key       string `json:"key"`
	From      string `json:"from"`
	To        string `json:"to"`
}

func (a *app) gapCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "gap FROM TO",
		Short: "Show what moving from one role to another adds and drops, as a checklist",
		Long: `Show the gap between a current role (FROM) and a target (TO): the
responsibilities, tools and pillar contributions the target adds, each
dimension that changes (scope, authority, team management…), and what the
move leaves behind. The checklist shows [x] for the items ticked in the
career plan (see roledex plan tick), when there is one.`,
		Example: `  roledex gap devops sre-lead
  roledex gap "Software Engineer" "Engineering Manager" --json
  roledex --state anna.json gap devops vp-infrastructure`,
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
			g := a.cat.Gap(from, to)
			st, planPath, err := a.existingPlan()
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(w, careerGapJSON(g, st, planPath))
			}
			return a.writeCareerGap(w, g, st, planPath)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func careerGapJSON(g catalog.Gap, st plan.State, planPath string) careerGapOut {
	out := careerGapOut{From: summaryOf(g.From), To: summaryOf(g.To), Checklist: []careerItemJSON{}, Drops: []careerItemJSON{},
		Changes: []careerDimJSON{}, Plan: planPath}
	for i, it := range g.Checklist() {
		out.Checklist = append(out.Checklist, careerItemJSON{Number: i + 1, ID: it.ID, Kind: it.Kind, Label: it.Label,
			Text: it.Text, Role: it.From, Ticked: st.IsTicked(g.To.ID, it.ID)})
	}
	for _, it := range g.Drops {
		out.Drops = append(out.Drops, careerItemJSON{ID: it.ID, Kind: it.Kind, Label: it.Label, Text: it.Text, Role: it.From})
	}
	for _, ch := range g.Changes {
		out.Changes = append(out.Changes, careerDimJSON{Dimension: ch.Dimension.Name, Key: ch.Dimension.Key, From: ch.From, To: ch.To})
	}
	return out
}

// careerGapSections are the checklist's headings, by item kind.
var careerGapSections = []struct{ kind, title string }{
	{catalog.GapResponsibility, "Responsibilities to take on"},
	{catalog.GapTool, "Tools to learn"},
	{catalog.GapPillar, "Pillar contributions to take on"},
	{catalog.GapDimension, "What changes"},
}

func (a *app) writeCareerGap(w io.Writer, g catalog.Gap, st plan.State, planPath string) error {
	width := max(a.width(), 40)
	bold := lipgloss.NewStyle()
	if a.styled(w) {
		bold = bold.Bold(true)
	}
	items := g.Checklist()
	ticked := 0
	for _, it := range items {
		if st.IsTicked(g.To.ID, it.ID) {
			ticked++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", bold.Render(fmt.Sprintf("From %s to %s", g.From.Title, g.To.Title)))
	switch {
	case len(items) == 0:
		b.WriteString("Nothing to add: the target asks for nothing the current role lacks.\n")
	case planPath != "":
		fmt.Fprintf(&b, "%d of %d done (ticks from %s)\n", ticked, len(items), catalog.Sanitize(planPath))
	default:
		fmt.Fprintf(&b, "%d items to work through\n", len(items))
	}
	changes := map[string]catalog.DimChange{}
	for _, ch := range g.Changes {
		changes[ch.Dimension.Name] = ch
	}
	numW := len(fmt.Sprint(len(items)))
	for _, sec := range careerGapSections {
		first := true
		for i, it := range items {
			if it.Kind != sec.kind {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n%s\n", bold.Render(sec.title))
				first = false
			}
			box := "[ ]"
			if st.IsTicked(g.To.ID, it.ID) {
				box = "[x]"
			}
			mark := fmt.Sprintf("  %*d. %s ", numW, i+1, box)
			text := it.Text
			switch it.Kind {
			case catalog.GapPillar:
				text = it.Label + ": " + it.Text
			case catalog.GapDimension:
				text = it.Label
			}
			b.WriteString(wrapIndent(mark, text, width) + "\n")
			if it.Kind == catalog.GapDimension {
				pad := strings.Repeat(" ", lipgloss.Width(mark))
				b.WriteString(wrapIndent(pad+"now:  ", careerDash(changes[it.Label].From), width) + "\n")
				b.WriteString(wrapIndent(pad+"then: ", careerDash(it.Text), width) + "\n")
			}
		}
	}
	if len(g.Drops) > 0 {
		fmt.Fprintf(&b, "\n%s\n", bold.Render("What the move leaves behind"))
		var tools []string
		for _, it := range g.Drops {
			switch it.Kind {
			case catalog.GapTool:
				tools = append(tools, it.Text)
			case catalog.GapPillar:
				b.WriteString(wrapIndent("  • ", it.Label+": "+it.Text, width) + "\n")
			default:
				b.WriteString(wrapIndent("  • ", it.Text, width) + "\n")
			}
		}
		if len(tools) > 0 {
			b.WriteString(wrapIndent("  • ", "Tools: "+strings.Join(tools, ", "), width) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func careerDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
