//go:build linux

package ui

// Benchmarks of the real binary on a pseudo-terminal: start-up (exec to
// first frame) and keystroke to frame with the O*NET catalog. The pty is
// opened with the syscall package's ioctls (Linux only), so no pty
// library is needed; the binary is built from this tree once per run.
//
//	go test ./ui -run '^$' -bench 'Startup|KeyToFrame' -benchtime 20x
//
// The fake terminal answers bubbletea's query for synchronized output
// (mode 2026), so every frame arrives between ESC[?2026h and ESC[?2026l
// and a frame's end can be told exactly.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

const (
	syncQuery = "\x1b[?2026$p" // DECRQM for synchronized output
	syncReply = "\x1b[?2026;2$y"
	frameEnd  = "\x1b[?2026l"
)

var roledexBin struct {
	once sync.Once
	path string
	err  error
}

// binary builds roledex from this tree into a temporary folder, once.
func binary(tb testing.TB) string {
	tb.Helper()
	roledexBin.once.Do(func() {
		dir, err := os.MkdirTemp("", "roledex-bin-")
		if err != nil {
			roledexBin.err = err
			return
		}
		roledexBin.path = filepath.Join(dir, "roledex")
		_, file, _, _ := runtime.Caller(0)
		cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", roledexBin.path, ".")
		cmd.Dir = filepath.Dir(filepath.Dir(file))
		if out, err := cmd.CombinedOutput(); err != nil {
			roledexBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if roledexBin.err != nil {
		tb.Fatal(roledexBin.err)
	}
	return roledexBin.path
}

func ioctl(f *os.File, req uintptr, arg unsafe.Pointer) error {
	raw, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var errno syscall.Errno
	if err := raw.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, req, uintptr(arg))
	}); err != nil {
		return err
	}
	if errno != 0 {
		return errno
	}
	return nil
}

// openPTY opens a pseudo-terminal of cols×rows: the master end for us,
// the slave end for the child.
func openPTY(cols, rows int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	var n uint32
	if err = ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err == nil {
		err = ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n))
	}
	if err == nil {
		ws := struct{ rows, cols, x, y uint16 }{uint16(rows), uint16(cols), 0, 0}
		err = ioctl(master, syscall.TIOCSWINSZ, unsafe.Pointer(&ws))
	}
	if err == nil {
		slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	}
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	return master, slave, nil
}

// chunk is output read from the terminal and when it arrived.
type chunk struct {
	at   time.Time
	data []byte
}

// term is roledex running on a pseudo-terminal.
type term struct {
	tb     testing.TB
	cmd    *exec.Cmd
	master *os.File
	out    chan chunk
	all    bytes.Buffer // every byte read so far
	// firstAt is when the first output arrived.
	firstAt time.Time
	state   string // folder for the plan file
}

// startTerm runs the binary with args on a cols×rows terminal.
func startTerm(tb testing.TB, cols, rows int, args ...string) *term {
	tb.Helper()
	bin := binary(tb)
	master, slave, err := openPTY(cols, rows)
	if err != nil {
		tb.Skipf("no pseudo-terminal: %v", err)
	}
	t := &term{tb: tb, master: master, out: make(chan chunk, 1024), state: tb.TempDir()}
	t.cmd = exec.Command(bin, args...)
	t.cmd.Stdin, t.cmd.Stdout, t.cmd.Stderr = slave, slave, slave
	t.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	env := []string{"TERM=xterm-256color", "HOME=" + t.state, "XDG_STATE_HOME=" + t.state, "XDG_CONFIG_HOME=" + t.state, "PATH=" + os.Getenv("PATH")}
	for _, v := range []string{"GOGC", "GOMEMLIMIT", "GOMAXPROCS"} {
		if x := os.Getenv(v); x != "" { // to measure their effect on the binary
			env = append(env, v+"="+x)
		}
	}
	t.cmd.Env = env
	if err := t.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	slave.Close()
	go func() {
		buf := make([]byte, 1<<16)
		for {
			n, err := master.Read(buf)
			if n > 0 {
				t.out <- chunk{time.Now(), bytes.Clone(buf[:n])}
			}
			if err != nil {
				close(t.out)
				return
			}
		}
	}()
	return t
}

// take records a chunk and answers the terminal queries it holds.
func (t *term) take(c chunk) {
	if t.all.Len() == 0 {
		t.firstAt = c.at
	}
	t.all.Write(c.data)
	if bytes.Contains(c.data, []byte(syncQuery)) {
		t.master.Write([]byte(syncReply))
	}
}

// waitFor reads until the output holds s, and returns when the chunk
// that completed it arrived.
func (t *term) waitFor(s string, timeout time.Duration) time.Time {
	t.tb.Helper()
	deadline := time.After(timeout)
	for {
		if bytes.Contains(t.all.Bytes(), []byte(s)) {
			return time.Now()
		}
		select {
		case c, ok := <-t.out:
			if !ok {
				t.tb.Fatalf("roledex ended before showing %q; output:\n%q", s, tail(t.all.String()))
			}
			t.take(c)
			if bytes.Contains(t.all.Bytes(), []byte(s)) {
				return c.at
			}
		case <-deadline:
			t.tb.Fatalf("no %q after %v; output:\n%q", s, timeout, tail(t.all.String()))
		}
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return s[len(s)-2000:]
	}
	return s
}

// key types s and returns how long the first complete frame after it
// took, and how long until the screen settled (no output for quiet).
func (t *term) key(s string, quiet time.Duration) (frame, settled time.Duration) {
	t.tb.Helper()
	t0 := time.Now()
	if _, err := t.master.Write([]byte(s)); err != nil {
		t.tb.Fatal(err)
	}
	var last time.Time
	for {
		select {
		case c, ok := <-t.out:
			if !ok {
				t.tb.Fatalf("roledex ended; output:\n%q", tail(t.all.String()))
			}
			t.take(c)
			if frame == 0 && bytes.Contains(c.data, []byte(frameEnd)) {
				frame = c.at.Sub(t0)
			}
			last = c.at
		case <-time.After(quiet):
			if frame == 0 {
				if last.IsZero() {
					t.tb.Fatalf("no frame after typing %q", s)
				}
				frame = last.Sub(t0) // no synchronized output: the last write
			}
			return frame, last.Sub(t0)
		}
	}
}

// rss returns the child's resident memory in MB: field "VmHWM:" for the
// peak, "VmRSS:" for now.
func (t *term) rss(field string) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", t.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, field); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}

// quit presses ctrl+c and waits for the process to end.
func (t *term) quit() {
	t.master.Write([]byte{3})
	done := make(chan error, 1)
	go func() { done <- t.cmd.Wait() }()
	go func() {
		for range t.out {
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.cmd.Process.Kill()
		<-done
	}
	t.master.Close()
}

// BenchmarkStartup is exec to first frame of `roledex --theme dark` on
// a 160×48 pseudo-terminal, built-in catalog: ns/op is one start-up (the
// quit after it is not timed). It also reports when the first role's
// page is on the screen (page-p50-ms): the first frame may come before
// its rendering, with a placeholder.
func BenchmarkStartup(b *testing.B) {
	binary(b)
	var lat, first, page []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		t := startTerm(b, 160, 48, "--theme", "dark")
		at := t.waitFor("Pillars", 10*time.Second)
		b.StopTimer()
		lat = append(lat, at.Sub(t0))
		first = append(first, t.firstAt.Sub(t0))
		page = append(page, t.waitFor("Responsibilities", 10*time.Second).Sub(t0))
		t.quit()
		b.StartTimer()
	}
	b.StopTimer()
	reportLatencies(b, lat)
	// When the program wrote its first byte (bubbletea's terminal
	// queries): what comes before it is process and package start-up
	// and building the model.
	p50 := func(d []time.Duration) float64 {
		sortDurations(d)
		return float64(d[len(d)/2].Microseconds()) / 1000
	}
	b.ReportMetric(p50(first), "first-byte-p50-ms")
	b.ReportMetric(p50(page), "page-p50-ms")
}

// BenchmarkKeyToFrame types queries on the search screen of `roledex
// --catalog ONET ui --screen search` on a 160×48 pseudo-terminal, one
// key at a time, waiting for the screen to settle in between. It reports
// keystroke to the first frame written after it (frame-p50/p99/max), to
// the screen settled with the results (settled-p50/p99/max), the start-up
// with the O*NET catalog, and the resident memory of the process at the
// end (rss-MB) and at its peak (peak-rss-MB). One op is one query typed.
func BenchmarkKeyToFrame(b *testing.B) {
	dir := benchONetDir(b)
	queries := []string{"database administrator", "registered nurse", "inspect equipment", "patient care", "monitor network traffic", "ssl cert", "postmortem"}
	t0 := time.Now()
	t := startTerm(b, 160, 48, "--catalog", dir, "--theme", "dark", "ui", "--screen", "search")
	defer t.quit()
	up := t.waitFor("search:", 30*time.Second).Sub(t0)
	// Let start-up finish (the answer to the synchronized-output query,
	// the first renders) before timing keys.
	t.key("x", 300*time.Millisecond)
	t.key("\x0c", 300*time.Millisecond) // ctrl+l clears the query
	var frames, settles []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range queries[i%len(queries)] {
			f, s := t.key(string(r), 120*time.Millisecond)
			frames, settles = append(frames, f), append(settles, s)
		}
		b.StopTimer()
		t.key("\x0c", 120*time.Millisecond)
		b.StartTimer()
	}
	b.StopTimer()
	report := func(name string, lat []time.Duration) {
		if len(lat) == 0 {
			return
		}
		sortDurations(lat)
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		b.ReportMetric(ms(lat[len(lat)/2]), name+"-p50-ms")
		b.ReportMetric(ms(lat[min(len(lat)-1, len(lat)*99/100)]), name+"-p99-ms")
		b.ReportMetric(ms(lat[len(lat)-1]), name+"-max-ms")
	}
	report("frame", frames)
	report("settled", settles)
	b.ReportMetric(float64(up.Milliseconds()), "startup-ms")
	b.ReportMetric(t.rss("VmHWM:"), "peak-rss-MB")
	b.ReportMetric(t.rss("VmRSS:"), "rss-MB")
	b.ReportMetric(float64(len(frames)), "keys")
}

func sortDurations(d []time.Duration) {
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && d[j] < d[j-1]; j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}
