//go:build !linux && !darwin

package catalog

import "io/fs"

// sysStamp returns nothing more than size and modification time where
// the platform's file information has no portable change time or inode
// (Windows updates the modification time on every write).
func sysStamp(fs.FileInfo) (int64, uint64) { return 0, 0 }
