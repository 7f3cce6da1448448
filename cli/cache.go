package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"runtime"
)

// cacheFile returns where the parsed files of the catalog folder dir are
// kept between runs (catalog.Source.Cache): one file per folder under
// the user's cache folder, named by a hash of the folder's absolute
// path. It returns "" (no cache) when there is no cache folder.
func (a *app) cacheFile(dir string) string {
	if a.env.Getenv == nil {
		return ""
	}
	base := cacheFolder(runtime.GOOS, a.env.Getenv)
	abs, err := filepath.Abs(dir)
	if base == "" || err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "roledex", "catalogs", hex.EncodeToString(sum[:12])+".gob")
}

// cacheFolder is the user's cache folder for goos: $XDG_CACHE_HOME, else
// %LocalAppData% on Windows, ~/Library/Caches on macOS, ~/.cache
// elsewhere.
func cacheFolder(goos string, getenv func(string) string) string {
	return userFolder(goos, getenv, "XDG_CACHE_HOME", []string{".cache"}, []string{"Library", "Caches"}, "LocalAppData", "LOCALAPPDATA")
}
