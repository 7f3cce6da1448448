package catalog

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// document is a catalog file split into its front matter and its body.
type document struct {
	front     []byte // YAML between the --- lines
	frontLine int    // file line of the first front-matter line
	body      []byte // markdown after the closing ---
	bodyLine  int    // file line of the first body line
}

// lineError is a problem at a line of the file being split.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("%d: %s", e.line, e.msg) }

// splitFrontMatter checks that data is text and separates the front matter
// from the body. A UTF-8 byte-order mark and CRLF line endings are accepted.
func splitFrontMatter(data []byte) (document, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return document{}, &lineError{1, "empty file: a catalog file starts with front matter between --- lines"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return document{}, &lineError{lineAt(data, i), "NUL byte: this is not a text file"}
	}
	if !utf8.Valid(data) {
		return document{}, &lineError{lineAt(data, firstInvalidUTF8(data)), "invalid UTF-8: save the file as UTF-8 text"}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))

	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "---" {
		if bytes.HasPrefix(first, []byte("---\r")) {
			// Classic Mac OS line ends: the whole file reads as one line.
			return document{}, &lineError{1, "lines end in a lone carriage return: save the file with LF or CRLF line ends"}
		}
		return document{}, &lineError{1, "missing front matter: the first line must be ---"}
	}
	line := 2
	start := len(first) + 1
	for off := 0; off < len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		next := len(rest)
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
			next = off + end + 1
		}
		if t := string(bytes.TrimRight(l, " \t")); t == "---" || t == "..." {
			d := document{
				front:     data[start : start+off],
				frontLine: 2,
				body:      rest[next:],
				bodyLine:  line + 1,
			}
			if err := checkNesting(d.body, d.bodyLine); err != nil {
				return document{}, err
			}
			return d, nil
		}
		off = next
		line++
	}
	return document{}, &lineError{1, "front matter is never closed: add a --- line after it"}
}

// lineAt returns the 1-based line of byte offset i in data.
func lineAt(data []byte, i int) int {
	if i > len(data) {
		i = len(data)
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// Markdown parsers and renderers take time that grows with the nesting of
// quotes and lists times the length of the text: a 1 MiB file of "> > > …"
// or "- - - …" kept the loader busy for minutes. These bound it.
const (
	// maxMarkdownDepth is the most quote and list markers a line may
	// start with.
	maxMarkdownDepth = 32
	// maxIndent is the widest indentation of a line, in columns: lists
	// also nest by indenting, two columns or more a level.
	maxIndent = 4 * maxMarkdownDepth
)

// checkNesting refuses a markdown body whose quotes and lists nest too
// deep, at the first line that does.
func checkNesting(body []byte, bodyLine int) *lineError {
	line := bodyLine
	for len(body) > 0 {
		l, rest, _ := bytes.Cut(body, []byte("\n"))
		body = rest
		col, depth := 0, 0
		for i := 0; i < len(l); {
			switch c := l[i]; {
			case c == ' ':
				col++
				i++
			case c == '\t':
				col += 4 - col%4
				i++
			case c == '>':
				depth++
				col++
				i++
			case (c == '-' || c == '+' || c == '*') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
				depth++
				col++
				i++
			case c >= '0' && c <= '9':
				j := i
				for j < len(l) && j-i < 10 && l[j] >= '0' && l[j] <= '9' {
					j++
				}
				if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
					depth++
					col += j + 1 - i
					i = j + 1
					continue
				}
				i = len(l)
			default:
				i = len(l)
			}
			if depth > maxMarkdownDepth {
				return &lineError{line, fmt.Sprintf("quotes and lists nest more than %d levels deep", maxMarkdownDepth)}
			}
			if col > maxIndent {
				return &lineError{line, fmt.Sprintf("a line is indented more than %d columns", maxIndent)}
			}
		}
		line++
	}
	return nil
}
