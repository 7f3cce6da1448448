//go:build !unix

package hostile

import "testing"

// addSpecialFiles: links to devices, FIFOs, sockets and permissions are
// Unix cases.
func addSpecialFiles(tb testing.TB, roles string) {}
