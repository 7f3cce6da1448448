package cli_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"

	"github.com/roledex/roledex/cli"
)

// closedPipe is stdout after the reader has gone (roledex list | head -1):
// every write fails with EPIPE, as it does once SIGPIPE is caught.
type closedPipe struct{}

func (closedPipe) Write([]byte) (int, error) {
	return 0, fmt.Errorf("write /dev/stdout: %w", syscall.EPIPE)
}

// TestReaderGoneEndsQuietly: when whoever reads stdout stops early, a
// command ends with status 0 and says nothing about a broken pipe.
func TestReaderGoneEndsQuietly(t *testing.T) {
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"show", "sre"}, {"tasks", "--json"}, {"search", "deploy"}} {
		var errOut bytes.Buffer
		e := cli.Env{
			Stdout: closedPipe{}, Stderr: &errOut, Stdin: strings.NewReader(""),
			Getenv:     func(string) string { return "" },
			IsTerminal: func(io.Writer) bool { return false },
			Size:       func(io.Writer) (int, int) { return 0, 0 },
		}
		if code := cli.Execute(args, e); code != cli.ExitOK || errOut.Len() > 0 {
			t.Errorf("roledex %q into a closed pipe: exit %d, stderr %q", args, code, errOut.String())
		}
	}
}
