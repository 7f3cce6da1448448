package cli_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

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

// TestExplorerNeedsKeyboard: the explorer on a terminal whose standard
// input is not one (roledex < /dev/null) explains and exits 2.
func TestExplorerNeedsKeyboard(t *testing.T) {
	var out, errOut bytes.Buffer
	e := cli.Env{
		Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""),
		Getenv:          func(string) string { return "" },
		IsTerminal:      func(io.Writer) bool { return true },
		InputIsTerminal: func(io.Reader) bool { return false },
		Size:            func(io.Writer) (int, int) { return 80, 24 },
	}
	done := make(chan int, 1)
	go func() { done <- cli.Execute(nil, e) }()
	select {
	case code := <-done:
		if code != cli.ExitUsage || !strings.Contains(errOut.String(), "standard input is not one") {
			t.Errorf("exit %d, stderr %q", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the explorer started without a terminal to read keys from")
	}
}

// TestMessagesEchoNoEscapes: error messages that repeat what was typed
// show it without escape sequences.
func TestMessagesEchoNoEscapes(t *testing.T) {
	for _, args := range [][]string{{"--\x1b]0;pwned\x07"}, {"list", "--\x1b[2J"}, {"show", "\x1b[2J"}, {"\x1b[2Jcmd"}} {
		r := cliRun(t, nil, args...)
		if r.code == cli.ExitOK || r.stderr == "" || strings.ContainsAny(r.stderr, "\x1b\x07") {
			t.Errorf("roledex %q: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}
