package cli

import (
	"fmt"
	"runtime/debug"
)

// version can be set at build time: -ldflags "-X github.com/roledex/roledex/cli.version=v1.0.0".
var version = ""

// versionString says which roledex this is: the version (from the build
// flag or the module), the commit it was built from, and the Go version.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return versionFrom(version, info)
}

// versionFrom is versionString for a given -X version and build
// information (nil when the binary carries none).
func versionFrom(ldVersion string, info *debug.BuildInfo) string {
	v, commit, dirty, goVersion := ldVersion, "", false, "an unknown Go"
	if info != nil {
		goVersion = info.GoVersion
		if v == "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	switch {
	case commit == "":
		commit = "unknown commit"
	case dirty:
		commit = "commit " + commit + " (modified)"
	default:
		commit = "commit " + commit
	}
	return fmt.Sprintf("%s, %s, built with %s", v, commit, goVersion)
}
