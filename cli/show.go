package cli

import (
	"fmt"

	"github.com/roledex/roledex/ui"
	"github.com/spf13/cobra"
)

func (a *app) showCmd() *cobra.Command {
	var asJSON bool
	var format string
	cmd := &cobra.Command{
		Use:   "show ROLE",
		Short: "Show everything about a role",
		Long: `Show a role's page: summary, responsibilities, tools, the ten comparison
dimensions, pillar contributions, tasks, and career links. ROLE is an id,
a title or an alias, in any case ("sre", "SRE", "site-reliability-engineer").`,
		Example: `  roledex show sre
  roledex show "Data Steward"
  roledex show devops --json`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: a.completeRoles(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, asJSON); err != nil {
				return err
			}
			if err := a.load(); err != nil {
				return err
			}
			r, err := a.find(args[0])
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			switch {
			case asJSON:
				return writeJSON(w, detailOf(a.cat, r))
			case format == "markdown":
				_, err := fmt.Fprint(w, a.cat.RoleMarkdown(r))
				return err
			}
			return a.printMarkdown(cmd, a.cat.RoleMarkdown(r))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&format, "format", "text", "output `FORMAT`: text or markdown")
	_ = cmd.RegisterFlagCompletionFunc("format", choices("text", "markdown"))
	return cmd
}

// checkFormat refuses a --format other than text or markdown, and
// markdown together with --json: usage mistakes, found before any work.
func checkFormat(format string, asJSON bool) error {
	switch format {
	case "text", "":
	case "markdown":
		if asJSON {
			return fmt.Errorf("--json and --format markdown ask for two outputs: give one")
		}
	default:
		return fmt.Errorf("--format must be text or markdown, not %q", format)
	}
	return nil
}

// printMarkdown renders md for the terminal (styled) or as plain text.
func (a *app) printMarkdown(cmd *cobra.Command, md string) error {
	w := cmd.OutOrStdout()
	style := ui.StylePlain
	if a.styled(w) {
		style = ui.StyleDark
		if a.theme == "light" || a.theme == "auto" && a.env.DarkBackground != nil && !a.env.DarkBackground() {
			style = ui.StyleLight
		}
	}
	out, err := ui.RenderMarkdown(md, min(a.width(), 120)-2, style)
	if err != nil {
		return fail(err)
	}
	if style == ui.StylePlain {
		out = plain(out)
	}
	_, err = fmt.Fprintln(w, out)
	return err
}
