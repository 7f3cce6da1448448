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

// MaxFileProblems is the most problems reported for one file; the rest
// are counted in one last message, so a file of 90,000 unknown fields
// does not bury the others.
const MaxFileProblems = 20

// capPerFile keeps the first MaxFileProblems-1 problems of each file of
// the sorted list ps and sums up the rest in one problem at the line
// where they start.
func (ps Problems) capPerFile() Problems {
	out := ps[:0:0]
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].Path == ps[i].Path {
			j++
		}
		if j-i <= MaxFileProblems {
			out = append(out, ps[i:j]...)
		} else {
			keep := i + MaxFileProblems - 1
			out = append(out, ps[i:keep]...)
			out.add(ps[i].Path, ps[keep].Line, "%d more problems from here on (fix the ones above first)", j-keep)
		}
		i = j
	}
	return out
}
