//go:build !unix

package cli

import "testing"

// makeSpecialFiles: FIFOs and Unix sockets are Unix cases.
func makeSpecialFiles(t *testing.T, dir string) {}
