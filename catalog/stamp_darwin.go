package catalog

import (
	"io/fs"
	"syscall"
)

// sysStamp returns the change time and inode of a file, where the file
// system gives them.
func sysStamp(info fs.FileInfo) (int64, uint64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ctimespec.Nano(), st.Ino
	}
	return 0, 0
}
