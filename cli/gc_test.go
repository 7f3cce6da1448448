package cli

import (
	"bytes"
	"io"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/roledex/roledex/ui"
)

// TestTuneGCPerRun: every command tunes the collector for a run that
// ends, and the explorer then for a long one.
func TestTuneGCPerRun(t *testing.T) {
	run := func(tty bool, args ...string) []bool {
		var calls []bool
		var out bytes.Buffer
		Execute(args, Env{Stdout: &out, Stderr: &out, Stdin: strings.NewReader(""),
			Getenv:          func(string) string { return "" },
			IsTerminal:      func(io.Writer) bool { return tty },
			InputIsTerminal: func(io.Reader) bool { return tty },
			Size:            func(io.Writer) (int, int) { return 80, 24 },
			TuneGC:          func(explorer bool) { calls = append(calls, explorer) }})
		return calls
	}
	if got := run(false, "list"); !reflect.DeepEqual(got, []bool{false}) {
		t.Errorf("list: TuneGC calls %v, want [false]", got)
	}
	// An unknown screen stops the explorer after its checks, before it
	// takes the terminal.
	if got := run(true, "ui", "--screen", "bogus"); !reflect.DeepEqual(got, []bool{false, true}) {
		t.Errorf("ui: TuneGC calls %v, want [false true]", got)
	}
}

// TestTuneGCSettings: what tuneGC sets, and that GOGC wins over it.
func TestTuneGCSettings(t *testing.T) {
	pct, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer func() { debug.SetGCPercent(pct); debug.SetMemoryLimit(limit) }()
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	tuneGC(true)
	if p, l := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); p != ui.GCPercent || l != ui.GCMemoryLimit {
		t.Errorf("explorer: GC percent %d, limit %d; want %d, %d", p, l, ui.GCPercent, ui.GCMemoryLimit)
	}
	tuneGC(false)
	if p, l := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); p != -1 || l != 128<<20 {
		t.Errorf("one-shot: GC percent %d, limit %d; want off, 128 MiB", p, l)
	}
	t.Setenv("GOGC", "200")
	debug.SetGCPercent(100)
	tuneGC(false)
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("with GOGC set, tuneGC changed the GC percent to %d", p)
	}
}
