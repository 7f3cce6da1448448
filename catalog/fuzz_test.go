package catalog

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"", "---\n---\n", "---\ntitle: x\n---\nbody", "\ufeff---\r\ntitle: x\r\n---\r\n", "---\nno end", "\x00", "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := splitFrontMatter(data)
		if err != nil {
			if _, ok := err.(*lineError); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if doc.bodyLine <= doc.frontLine {
			t.Fatalf("body line %d not after front line %d", doc.bodyLine, doc.frontLine)
		}
		if !utf8.Valid(doc.front) || !utf8.Valid(doc.body) {
			t.Fatal("accepted invalid UTF-8")
		}
	})
}

func FuzzParseRole(f *testing.F) {
	f.Add([]byte("---\ntitle: T\nfamily: F\ntrack: lead\nsummary: S\n---\n\n## Responsibilities\n\n- a\n\n## Dimensions\n\n### Scope\n\nx\n"))
	f.Add([]byte("---\ntitle: \"\\e[31m\"\nfamily: &a [*a]\n---\n"))
	f.Add([]byte("---\ntitle: T\n---\n# H1\n## Notes\n\n<b>&#27;[2J</b>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var probs Problems
		r := parseRole("f.md", "f", data, &probs)
		for _, p := range probs {
			if p.Line < 0 {
				t.Fatalf("negative line in %v", p)
			}
			checkClean(t, p.Error())
		}
		if r == nil {
			if len(probs) == 0 {
				t.Fatal("rejected a file without saying why")
			}
			return
		}
		for _, s := range append(append([]string{r.Title, r.Summary, r.Family, r.Notes}, r.Responsibilities...), r.Aliases...) {
			checkClean(t, s)
		}
		for _, d := range r.Dimensions {
			checkClean(t, d)
		}
	})
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[31mred", "\u009b2J", "\u202eevil", "a\rb", "\x7f", "\xff\xfe", "tab\tnew\nline"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		checkClean(t, out)
		if Sanitize(out) != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, Sanitize(out))
		}
		if !strings.ContainsAny(s, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f") && utf8.ValidString(s) && isCleanSlow(s) && out != s {
			t.Fatalf("changed clean text %q to %q", s, out)
		}
	})
}

// checkClean fails when s holds a character that could drive a terminal.
func checkClean(t *testing.T, s string) {
	t.Helper()
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || isC1(r) || isBidiControl(r) {
			t.Fatalf("unsafe character %U in %q", r, s)
		}
	}
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8 in %q", s)
	}
}
