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
			return document{
				front:     data[start : start+off],
				frontLine: 2,
				body:      rest[next:],
				bodyLine:  line + 1,
			}, nil
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
