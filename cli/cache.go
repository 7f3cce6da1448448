package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"runtime"
	"strings"
)

// cacheFile returns where the parsed files of the catalog folder dir are
// kept between runs (catalog.Source.Cache): one file per folder under
// the user's cache folder, named by a hash of the folder's absolute
// path. It returns "" (no cache) when there is no cache folder.
func (a *app) cacheFile(dir string) string {
	base := a.cacheDir()
	abs, err := filepath.Abs(dir)
	if base == "" || err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, "roledex", "catalogs", hex.EncodeToString(sum[:12])+".gob")
}

// cacheDir is the user's cache folder: %LocalAppData% on Windows,
// ~/Library/Caches on macOS, else $XDG_CACHE_HOME or ~/.cache.
func (a *app) cacheDir() string {
	get := a.env.Getenv
	if get == nil {
		return ""
	}
	switch runtime.GOOS {
	case "windows":
		return get("LocalAppData")
	case "darwin":
		if h := get("HOME"); filepath.IsAbs(h) {
			return filepath.Join(h, "Library", "Caches")
		}
		return ""
	}
	// The XDG base directory spec says to ignore relative paths.
	if d := get("XDG_CACHE_HOME"); strings.HasPrefix(d, "/") {
		return d
	}
	if h := get("HOME"); strings.HasPrefix(h, "/") {
		return filepath.Join(h, ".cache")
	}
	return ""
}
