//go:build unix

package cli

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// makeSpecialFiles adds a FIFO and a socket to dir: files a loader must
// skip without opening (opening a FIFO would block).
func makeSpecialFiles(t *testing.T, dir string) {
	t.Helper()
	must(t, syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644))
	// Socket paths are limited to ~100 bytes: bind from inside the folder.
	wd, _ := os.Getwd()
	must(t, os.Chdir(dir))
	l, err := net.Listen("unix", "socket.md")
	must(t, os.Chdir(wd))
	if err == nil {
		t.Cleanup(func() { l.Close() })
	}
}
