package catalog

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain ASCII unchanged", "Site Reliability Engineer", "Site Reliability Engineer"},
		{"non-ASCII letters unchanged", "Größe · café — naïve 日本", "Größe · café — naïve 日本"},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc"},
		{"emoji joiners and modifiers dropped", "👩\u200d💻 ❤\ufe0f 👍\U0001F3FD ✔\ufe0e", "👩💻 ❤ 👍 ✔"},
		{"ESC", "red \x1b[31mtext\x1b[0m", "red ^[[31mtext^[[0m"},
		{"OSC title sequence", "\x1b]0;pwned\x07", "^[]0;pwned^G"},
		{"C0 controls", "\x00\x01\x08\r\x1f", "^@^A^H^M^_"},
		{"DEL", "a\x7fb", "a^?b"},
		{"C1 CSI U+009B", "x\u009b2Jy", "x<U+009B>2Jy"},
		{"C1 first and last", "\u0080\u009f", "<U+0080><U+009F>"},
		{"bidi override RLO", "admin\u202etxt.exe", "admin<U+202E>txt.exe"},
		{"bidi embeddings and isolates", "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069", "<U+202A><U+202B><U+202C><U+202D><U+2066><U+2067><U+2068><U+2069>"},
		{"directional marks", "\u200e\u200f\u061c", "<U+200E><U+200F><U+061C>"},
		{"invalid UTF-8", "caf\xe9!", "caf\uFFFD!"},
		{"truncated rune", "ab\xe2\x82", "ab\uFFFD\uFFFD"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Sanitize(tc.in)
			if got != tc.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if Sanitize(got) != got {
				t.Errorf("Sanitize is not idempotent on %q", got)
			}
			assertInert(t, got)
		})
	}
}

// assertInert fails when s holds anything a terminal could act on.
func assertInert(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%q is not valid UTF-8", s)
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidiControl(r) {
			t.Errorf("%q still holds %U", s, r)
		}
	}
}

func TestSanitizeEveryControlRune(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0xa0; r++ {
		b.WriteRune(r)
	}
	for _, r := range []rune{0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069} {
		b.WriteRune(r)
	}
	out := Sanitize(b.String())
	assertInert(t, out)
	if !strings.Contains(out, "\t") || !strings.Contains(out, "\n") {
		t.Error("tab or newline was removed")
	}
	if !strings.Contains(out, " !\"#") || !strings.Contains(out, "xyz{|}~") {
		t.Error("printable ASCII was changed")
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		// A bare & stays as written (clean markdown to paste); one that
		// could start an entity is escaped, so none can be formed.
		{"a & b", "a & b"},
		{"R&D, Q&A", "R&D, Q&A"},
		{"&copy; &amp; &#x1b; &#27;", "&amp;copy; &amp;amp; &amp;\\#x1b; &amp;\\#27;"},
		{"&&amp;", "&&amp;amp;"},
		{"<script>", "&lt;script&gt;"},
		{"&#27;[31m", `&amp;\#27;\[31m`},
		{"*bold* _it_ `code` [link](x) | # ~ \\", `\*bold\* \_it\_ \` + "`" + `code\` + "`" + ` \[link\](x) \| \# \~ \\`},
	}
	for _, tc := range tests {
		if got := EscapeMarkdown(tc.in); got != tc.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeBlock(t *testing.T) {
	tests := []struct{ in, want string }{
		{"P&L and R&D", "P&L and R&D"},
		{"[web](https://example.com/a?b=1&c=2) `a && b`", "[web](https://example.com/a?b=1&c=2) `a && b`"},
		{"&#27;[31m &#x1b;[32m &#155;2J &#27", "&amp;#27;[31m &amp;#x1b;[32m &amp;#155;2J &amp;#27"},
		{"&lrm;x &amp; &lt;b&gt;", "&amp;lrm;x &amp;amp; &amp;lt;b&amp;gt;"},
		{"&**#27;**[2J *kept* - list", "&**#27;**[2J *kept* - list"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
	}
	for _, tc := range tests {
		if got := escapeBlock(tc.in); got != tc.want {
			t.Errorf("escapeBlock(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
