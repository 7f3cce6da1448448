package ui

import "testing"

// TestSafeOutput covers sequences the output filter must drop or keep,
// including those that look like styling but are not.
func TestSafeOutput(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "a\tb\nc · 中文", "a\tb\nc · 中文"},
		{"SGR kept", "\x1b[38;5;252;1mx\x1b[m\x1b[38:2::1:2:3m", "\x1b[38;5;252;1mx\x1b[m\x1b[38:2::1:2:3m"},
		{"clear screen dropped", "a\x1b[2Jb", "ab"},
		{"modifyOtherKeys is not SGR", "a\x1b[>4;2mb", "ab"},
		{"private query ending in m", "a\x1b[?1mb", "ab"},
		{"intermediate before m", "a\x1b[1 mb", "ab"},
		{"title dropped", "\x1b]0;pwned\x07t", "t"},
		{"web link kept", "\x1b]8;id=7;https://example.com\x07t\x1b]8;;\x07", "\x1b]8;id=7;https://example.com\x07t\x1b]8;;\x07"},
		{"javascript link dropped", "\x1b]8;;javascript:alert(1)\x07t\x1b]8;;\x07", "t\x1b]8;;\x07"},
		{"C1 in link parameters", "\x1b]8;\u009b;https://x\x07t", "t"},
		{"non-ASCII link parameters", "\x1b]8;é;https://x\x07t", "t"},
		{"C1 string terminator in the address", "\x1b]8;;https://x/\u009c\x07t", "t"},
		{"invalid byte in the address", "\x1b]8;;https://x/\x9b\x07t", "t"},
		{"C1 CSI", "a\u009b2Jb", "a2Jb"},
		{"lone CR and BEL", "a\rb\x07", "ab"},
	}
	for _, tc := range tests {
		if got := SafeOutput(tc.in); got != tc.want {
			t.Errorf("%s: SafeOutput(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}
