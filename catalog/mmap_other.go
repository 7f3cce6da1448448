//go:build !unix

package catalog

import "os"

// readShared returns the contents of file.
func readShared(file string) ([]byte, error) { return os.ReadFile(file) }
