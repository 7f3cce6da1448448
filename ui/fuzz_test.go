package ui

import (
	"strings"
	"testing"

	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/internal/termcheck"
)

// onlyAllowedEscapes fails when out holds an escape sequence other than
// SGR styling or an OSC 8 link to a web or mail address, a control
// character other than newline and tab, a C1 control or invalid UTF-8.
func onlyAllowedEscapes(t *testing.T, out string) {
	t.Helper()
	if err := termcheck.Escapes(out, true); err != nil {
		t.Fatal(err)
	}
}

func FuzzSafeOutput(f *testing.F) {
	for _, s := range []string{"\x1b[31mred\x1b[0m", "\x1b]52;c;aGk=\x07", "\x1b]8;;https://x.y\x07t\x1b]8;;\x07", "\x1b]8;;javascript:x\x1b\\t", "\x1bP1$r\x1b\\", "\x1b[>4;2m", "\x1b]8;\u009b;https://x\x07t", "\u009b2J", "\x1b[2J", "\x1b", "\x1b[", "a\rb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := SafeOutput(s)
		onlyAllowedEscapes(t, out)
		if SafeOutput(out) != out {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}

// FuzzRenderRole puts fuzzed text through the loader's sanitizer and the
// page renderer: what reaches the terminal may style, never command.
func FuzzRenderRole(f *testing.F) {
	f.Add("Title", "a duty", "notes")
	f.Add("&#27;[31m", "&**#27;**[2J", "<script>x</script> [l](javascript:x) [ok](https://example.com)")
	f.Add("\x1b]0;t\x07", "\u202e\u009b", "&#x1b;[32m &#155;2J &#x9b;")
	f.Fuzz(func(t *testing.T, title, duty, notes string) {
		r := &catalog.Role{ID: "fuzz", Title: catalog.Sanitize(title), Summary: catalog.Sanitize(duty), Family: "F",
			Track: catalog.TrackIC, Responsibilities: []string{catalog.Sanitize(duty)}, Notes: catalog.Sanitize(notes)}
		r.Dimensions[0] = catalog.Sanitize(duty)
		md := testCatalog.RoleMarkdown(r)
		for _, style := range []string{StyleDark, StylePlain} {
			out, err := RenderMarkdown(md, 60, style)
			if err != nil {
				return
			}
			onlyAllowedEscapes(t, out)
			if style == StylePlain && strings.Contains(out, "\x1b]") {
				t.Fatal("plain rendering holds a hyperlink")
			}
		}
	})
}
