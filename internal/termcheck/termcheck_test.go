package termcheck

import "testing"

func TestEscapes(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		styled bool
		ok     bool
	}{
		{"plain text", "a\tb\nc · 中文 👩‍👩‍👧", false, true},
		{"SGR in plain output", "\x1b[31mred\x1b[0m", false, false},
		{"SGR styled", "\x1b[38;5;252;1mred\x1b[m\x1b[38:2::1:2:3m", true, true},
		{"link styled", "\x1b]8;id=1;https://example.com/a?b=c\x07t\x1b]8;;\x07 \x1b]8;;MAILTO:a@b.c\x1b\\m\x1b]8;;\x1b\\", true, true},
		{"private CSI ending in m", "\x1b[>4;2m", true, false},
		{"CSI with an intermediate", "\x1b[1 m", true, false},
		{"clear screen", "\x1b[2J", true, false},
		{"title", "\x1b]0;pwned\x07", true, false},
		{"javascript link", "\x1b]8;;javascript:alert(1)\x07", true, false},
		{"file link", "\x1b]8;;file:///etc/passwd\x07", true, false},
		{"C1 in link parameters", "\x1b]8;\u009b;https://x\x07", true, false},
		{"C1 in link address", "\x1b]8;;https://x/\u009c\x07", true, false},
		{"invalid byte in link address", "\x1b]8;;https://x/\x9b\x07", true, false},
		{"U+FFFD in link address", "\x1b]8;;https://x/\uFFFD\x07", true, true},
		{"bell", "a\x07", false, false},
		{"lone CR", "a\rb", false, false},
		{"DEL", "a\x7f", false, false},
		{"C1 CSI", "a\u009b2J", false, false},
		{"invalid UTF-8", "a\x9b2J", false, false},
	}
	for _, tc := range tests {
		if err := Escapes(tc.in, tc.styled); (err == nil) != tc.ok {
			t.Errorf("%s: Escapes(%q, %v) = %v, want ok=%v", tc.name, tc.in, tc.styled, err, tc.ok)
		}
	}
}

func TestBidi(t *testing.T) {
	for _, s := range []string{"\u202e", "a\u2066b", "\u2069", "\u200f", "\u061c"} {
		if Bidi(s) == nil || Text(s, true) == nil {
			t.Errorf("Bidi(%q) = nil", s)
		}
	}
	if err := Text("<U+202E> عربي", false); err != nil {
		t.Errorf("visible code point and right-to-left letters: %v", err)
	}
}
