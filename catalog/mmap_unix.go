//go:build unix

package catalog

import (
	"os"
	"syscall"
)

// readShared returns the contents of file, mapped read-only into memory
// where the system allows: no copy, and its pages come from the page
// cache as they are read. The mapping is never undone (strings decoded
// from it point into it); the cache is only ever replaced by renaming a
// new file over it, which leaves a mapped old file intact.
func readShared(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() == 0 || st.Size() > maxCacheSize {
		return os.ReadFile(file)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return os.ReadFile(file)
	}
	return data, nil
}
