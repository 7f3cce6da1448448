package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/roledex/roledex/catalog"
	"github.com/spf13/cobra"
)

type taskJSON struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Aliases  []string `json:"aliases"`
	Owners   []string `json:"owners"`
	Helpers  []string `json:"helpers"`
	SmallOrg []string `json:"small_org"`
	Pillars  []string `json:"pillars"`
	Body     string   `json:"body"`
}

func (a *app) tasksCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "tasks [QUERY]",
		Short: "List tasks with who owns them, who helps and who does them in a small organisation",
		Example: `  roledex tasks
  roledex tasks ssl
  roledex tasks backup --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.load(); err != nil {
				return err
			}
			tasks := a.matchTasks(strings.Join(args, " "))
			w := cmd.OutOrStdout()
			if asJSON {
				out := []taskJSON{}
				for _, t := range tasks {
					out = append(out, taskJSON{ID: t.ID, Title: t.Title, Aliases: nonNil(t.Aliases), Owners: nonNil(t.Owners),
						Helpers: nonNil(t.Helpers), SmallOrg: nonNil(t.SmallOrg), Pillars: nonNil(t.Pillars), Body: t.Body})
				}
				return writeJSON(w, out)
			}
			if len(tasks) == 0 {
				return fail(fmt.Errorf("no task matches %q", strings.Join(args, " ")))
			}
			return a.writeTasks(w, tasks)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// matchTasks returns every task when q is empty, else the tasks whose
// title, alias, id or owners contain all words of q, best first.
func (a *app) matchTasks(q string) []*catalog.Task {
	if strings.TrimSpace(q) == "" {
		return a.cat.Tasks
	}
	seen := map[string]bool{}
	var out []*catalog.Task
	for _, h := range catalog.NewIndex(a.cat).Search(q, 0) {
		if h.Task != "" && !seen[h.Task] && h.Score >= 1000 {
			seen[h.Task] = true
			out = append(out, a.cat.Task(h.Task))
		}
	}
	return out
}

func (a *app) titles(ids []string) string {
	if len(ids) == 0 {
		return "—"
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = a.cat.Role(id).Title
	}
	return strings.Join(out, ", ")
}

func (a *app) writeTasks(w io.Writer, tasks []*catalog.Task) error {
	width := a.width()
	var b strings.Builder
	for i, t := range tasks {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s (%s)\n", t.Title, t.ID)
		b.WriteString(wrapIndent("  owners:     ", a.titles(t.Owners), width) + "\n")
		b.WriteString(wrapIndent("  helpers:    ", a.titles(t.Helpers), width) + "\n")
		b.WriteString(wrapIndent("  small org:  ", a.titles(t.SmallOrg), width) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
