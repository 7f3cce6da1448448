// Command roledex is a terminal explorer of engineering roles.
package main

import (
	"os"

	"github.com/roledex/roledex/cli"
)

func main() {
	os.Exit(cli.Execute(os.Args[1:], cli.OSEnv()))
}
