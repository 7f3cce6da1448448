// Command roledex is a terminal explorer of engineering roles.
package main

import (
	"fmt"
	"os"

	"github.com/roledex/roledex/cli"
)

func main() {
	defer func() {
		// A bug outside the explorer (which restores the terminal itself)
		// still ends with a message and status 1, not a Go crash dump.
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "roledex: internal error: %v\n", r)
			os.Exit(cli.ExitError)
		}
	}()
	os.Exit(cli.Execute(os.Args[1:], cli.OSEnv()))
}
