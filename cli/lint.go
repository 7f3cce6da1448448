package cli

import (
	"fmt"

	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
	"github.com/spf13/cobra"
)

func (a *app) lintCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "lint [DIR...]",
		Short: "Check catalog folders and report every problem as path:line: message",
		Long: `Check one or more catalog folders (when none is given: the --catalog
folders, else the built-in catalog): front matter, required fields and
sections, dimension names, ids and links. Each folder is checked on top
of the built-in catalog, so its links may point at built-in roles.
Exits 1 when anything is found.`,
		Example: `  roledex lint
  roledex lint ./our-ladder`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var cat *catalog.Catalog
			var probs catalog.Problems
			// "roledex --catalog DIR lint" checks DIR, as "roledex lint DIR" does.
			dirs := args
			if len(dirs) == 0 {
				dirs = a.dirs
			}
			if len(dirs) == 0 {
				cat, probs = catalog.Load(catalog.Source{FS: content.FS, Name: "content"})
			} else {
				srcs, err := a.sources(dirs)
				if err != nil {
					return err
				}
				for i := range srcs {
					srcs[i].Cache = "" // lint reads every file afresh
				}
				cat, probs = catalog.Load(srcs...)
			}
			for _, p := range probs {
				fmt.Fprintln(cmd.OutOrStdout(), p.Error())
			}
			if len(probs) > 0 {
				return fail(fmt.Errorf("%d problem(s) found", len(probs)))
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "ok: %d roles, %d pillars, %d tasks\n", len(cat.Roles), len(cat.Pillars), len(cat.Tasks))
			return nil
		},
	}
}
