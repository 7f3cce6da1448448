//go:build unix

package hostile

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// addSpecialFiles adds to roles what only Unix has: a link to a device,
// a FIFO (opening it would block) and a link to it, a socket, and a
// file without read permission.
func addSpecialFiles(tb testing.TB, roles string) {
	tb.Helper()
	must(tb, os.Symlink("/dev/zero", filepath.Join(roles, "dev-zero.md")))
	must(tb, syscall.Mkfifo(filepath.Join(roles, "fifo.md"), 0o644))
	must(tb, os.Symlink("fifo.md", filepath.Join(roles, "fifo-link.md")))
	// Socket paths are limited to ~100 bytes: bind from inside the folder.
	wd, _ := os.Getwd()
	must(tb, os.Chdir(roles))
	l, err := net.Listen("unix", "socket.md")
	must(tb, os.Chdir(wd))
	must(tb, err)
	tb.Cleanup(func() { l.Close() })
	if unreadableCase() {
		data, err := os.ReadFile(filepath.Join(roles, "wide.md"))
		must(tb, err)
		must(tb, os.WriteFile(filepath.Join(roles, "unreadable.md"), data, 0o000))
	}
}
