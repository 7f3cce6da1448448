// Package termcheck tells whether text is safe to send to a terminal:
// the checks roledex's tests apply to everything it draws and prints.
// It is the tests' own reading of the promise in docs/security.md,
// written apart from ui.SafeOutput so that it does not share its bugs.
package termcheck

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// allowed matches the escape sequences styled output may hold at the
// start of a string: SGR, and an OSC 8 hyperlink (or the empty one that
// ends a link) to a web or mail address, ended by BEL or ST.
var allowed = regexp.MustCompile(`^(?:\x1b\[[0-9;:]*m|\x1b\]8;([\x20-\x3a\x3c-\x7e]*);((?i:https?://|mailto:)[^\x00-\x20\x7f\x1b]*)?(?:\x07|\x1b\\))`)

// Escapes returns an error describing the first thing in out that could
// drive a terminal: an escape sequence (any at all when styled is false;
// other than SGR and OSC 8 links to http, https and mailto addresses when
// true), a control character other than newline and tab, DEL, a C1
// control (U+0080–U+009F) or a byte that is not UTF-8 — inside a
// hyperlink as well as outside. It returns nil when out is safe.
func Escapes(out string, styled bool) error {
	for i := 0; i < len(out); {
		c := out[i]
		if c == 0x1b {
			m := allowed.FindStringSubmatch(out[i:])
			if !styled || m == nil {
				return fmt.Errorf("escape sequence at byte %d: %q", i, around(out, i))
			}
			if r, ok := badRune(m[2]); ok {
				return fmt.Errorf("hyperlink at byte %d holds %U: %q", i, r, m[0])
			}
			i += len(m[0])
			continue
		}
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return fmt.Errorf("control byte %#x at byte %d: %q", c, i, around(out, i))
		}
		r, n := utf8.DecodeRuneInString(out[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Errorf("invalid UTF-8 byte %#x at byte %d: %q", c, i, around(out, i))
		}
		if r >= 0x80 && r <= 0x9f {
			return fmt.Errorf("C1 control %U at byte %d: %q", r, i, around(out, i))
		}
		i += n
	}
	return nil
}

// badRune reports the first invalid byte (as U+FFFD) or C1 control in s.
func badRune(s string) (rune, bool) {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") || r >= 0x80 && r <= 0x9f {
			return r, true
		}
	}
	return 0, false
}

// Bidi returns an error when out holds a bidirectional override, embedding,
// isolate or mark: characters that make text display in another order than
// it is stored. Catalog text must show them as visible code points.
func Bidi(out string) error {
	for i, r := range out {
		if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c {
			return fmt.Errorf("bidirectional control %U at byte %d: %q", r, i, around(out, i))
		}
	}
	return nil
}

// Text returns Escapes(out, styled), or failing that Bidi(out): the whole
// check for output that carries catalog text.
func Text(out string, styled bool) error {
	if err := Escapes(out, styled); err != nil {
		return err
	}
	return Bidi(out)
}

func around(s string, i int) string {
	return s[max(i-20, 0):min(i+30, len(s))]
}
