package catalog

import (
	"fmt"
	"sort"
)

// Problem is one finding about a catalog file, reported as path:line: message.
type Problem struct {
	Path    string
	Line    int // 1-based; 0 when the problem concerns the whole file
	Msg     string
	Warning bool // true for skipped files and other non-fatal findings
}

// Error formats the problem as path:line: message. File names and
// messages (which may quote file content) are sanitized: a hostile file
// name cannot smuggle an escape sequence into the terminal.
func (p Problem) Error() string {
	prefix := ""
	if p.Warning {
		prefix = "warning: "
	}
	path, msg := Sanitize(p.Path), Sanitize(p.Msg)
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s%s", path, p.Line, prefix, msg)
	}
	return fmt.Sprintf("%s: %s%s", path, prefix, msg)
}

// Problems is a list of findings.
type Problems []Problem

func (ps *Problems) add(path string, line int, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (ps *Problems) warn(path string, line int, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, args...), Warning: true})
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Path != ps[j].Path {
			return ps[i].Path < ps[j].Path
		}
		return ps[i].Line < ps[j].Line
	})
}
