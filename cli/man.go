package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manDate is the date printed in the generated man pages. It is fixed so
// that docs/man only changes when the commands do.
var manDate = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

func manHeader() *doc.GenManHeader {
	// No Title: each page is named after its command (ROLEDEX-COMPARE).
	return &doc.GenManHeader{Section: "1", Source: "roledex", Manual: "roledex manual", Date: &manDate}
}

func (a *app) manCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "man [COMMAND...]",
		Short: "Print the man page of roledex or of a command, or write them all",
		Example: `  roledex man | man -l -
  roledex man compare | man -l -
  roledex man --dir /usr/local/share/man/man1`,
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			if dir != "" {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return fail(err)
				}
				if err := doc.GenManTree(root, manHeader(), dir); err != nil {
					return fail(err)
				}
				fmt.Fprintln(cmd.ErrOrStderr(), "wrote man pages to", dir)
				return nil
			}
			target, err := findCommand(root, args)
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if err := doc.GenMan(target, manHeader(), &b); err != nil {
				return fail(err)
			}
			_, err = cmd.OutOrStdout().Write(b.Bytes())
			return err
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "write one page per command into `DIR`")
	return cmd
}

// manPages renders every command's man page, by file name.
func manPages(root *cobra.Command) (map[string]string, error) {
	dir, err := os.MkdirTemp("", "roledex-man")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := doc.GenManTree(root, manHeader(), dir); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = string(data)
	}
	return out, nil
}
