// Command roledex is a terminal explorer of engineering roles.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

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
	// Go kills a program that writes to a closed pipe on stdout with
	// SIGPIPE (status 141 under pipefail). Asking for the signal instead
	// turns the write into an EPIPE error, which Execute takes as a reader
	// that has read enough. The channel is never read: nothing to do.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	os.Exit(cli.Execute(os.Args[1:], cli.OSEnv()))
}
