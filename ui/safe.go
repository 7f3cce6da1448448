package ui

import (
	"strings"
	"unicode/utf8"
)

// SafeOutput is the last check on text bound for the terminal. It keeps
// SGR styling (ESC [ … m) and OSC 8 hyperlinks to http, https and mailto
// addresses, and removes every other escape sequence and control
// character but newline and tab. Content is sanitized when it is loaded;
// this guards against anything a renderer might have reintroduced.
func SafeOutput(s string) string {
	if !needsFilter(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			i = copyEscape(&b, s, i)
		case c == '\n' || c == '\t':
			b.WriteByte(c)
			i++
		case c < 0x20 || c == 0x7f:
			i++
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !(r >= 0x80 && r <= 0x9f) && !(r == utf8.RuneError && n == 1) {
				b.WriteString(s[i : i+n])
			}
			i += n
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func needsFilter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0xc2 {
			return true
		}
	}
	return !utf8.ValidString(s)
}

// copyEscape copies the escape sequence at s[i] to b if it is allowed and
// returns the index after it.
func copyEscape(b *strings.Builder, s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		// SGR is CSI with only digits, ';' and ':' as parameters, no
		// intermediate bytes, and final 'm'. Private parameters (CSI > 4;2 m
		// sets xterm's modifyOtherKeys, CSI ? … m queries it) or an
		// intermediate (CSI 1 SP m) end in 'm' too, but they are not styling.
		sgr := true
		for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
			sgr = sgr && (s[j] <= '9' || s[j] == ':' || s[j] == ';')
			j++
		}
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			sgr = false
			j++
		}
		if j >= len(s) {
			return len(s)
		}
		if sgr && s[j] == 'm' {
			b.WriteString(s[i : j+1])
		}
		return j + 1
	case ']':
		j := i + 2
		for j < len(s) {
			if s[j] == 0x07 {
				if allowedOSC(s[i+2 : j]) {
					b.WriteString(s[i : j+1])
				}
				return j + 1
			}
			if s[j] == 0x1b {
				if j+1 < len(s) && s[j+1] == '\\' {
					if allowedOSC(s[i+2 : j]) {
						b.WriteString(s[i : j+2])
					}
					return j + 2
				}
				// An ESC that does not end the string cancels it; what
				// follows is read afresh.
				return j
			}
			j++
		}
		return len(s)
	}
	// Any other escape: drop ESC and the byte after it.
	return i + 2
}

// allowedOSC accepts OSC 8 hyperlinks to web and mail addresses, and the
// empty OSC 8 that ends a link.
func allowedOSC(body string) bool {
	rest, ok := strings.CutPrefix(body, "8;")
	if !ok {
		return false
	}
	params, url, ok := strings.Cut(rest, ";")
	if !ok {
		return false
	}
	// Parameters (id=…) are printable ASCII. The address is printable
	// text: valid UTF-8 with no space, control character (C0, DEL, C1 —
	// U+009C ends the string on some terminals) or invalid byte, any of
	// which could end the sequence early or be read as one of its own.
	for i := 0; i < len(params); i++ {
		if c := params[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	if url == "" {
		return true
	}
	if !utf8.ValidString(url) {
		return false
	}
	for _, c := range url {
		if c < 0x21 || c == 0x7f || c >= 0x80 && c <= 0x9f {
			return false
		}
	}
	u := strings.ToLower(url)
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "mailto:")
}
