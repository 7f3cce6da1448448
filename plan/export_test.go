package plan

import (
	"os"
	"strings"
	"testing"
	"time"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
)

// exportCatalog loads the small fixture catalog under testdata, which
// does not change when the built-in catalog does.
func exportCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, probs := catalog.Load(catalog.Source{FS: os.DirFS("testdata/catalog"), Name: "testdata/catalog"})
	if len(probs) > 0 {
		t.Fatalf("fixture catalog: %v", probs)
	}
	return c
}

// exportState ticks two items toward tech-lead, one that no longer exists,
// and carries notes with markup that must not break the document.
func exportState(t *testing.T, c *catalog.Catalog) State {
	t.Helper()
	s := New()
	s.Current = "software-engineer"
	s.Targets = []string{"tech-lead", "engineering-manager", "retired-role"}
	s.Shortlist = []string{"staff-engineer"}
	g := c.Gap(c.Role("software-engineer"), c.Role("tech-lead"))
	items := g.Checklist()
	if len(items) < 4 {
		t.Fatalf("fixture gap too small: %+v", items)
	}
	s.SetTicked("tech-lead", items[0].ID, true)
	s.SetTicked("tech-lead", "tool-jira", true)
	s.SetTicked("tech-lead", "responsibility-gone-12345678", true)
	s.Notes = "Agreed next steps:\n\n- shadow the tech lead in planning\n- read *Staff Engineer*\n\n# not a heading\n<b>no html</b> & \x1b[31mno escapes\x1b[0m"
	s.Updated = time.Date(2026, 3, 13, 17, 5, 0, 0, time.UTC)
	return s
}

func TestExportGolden(t *testing.T) {
	c := exportCatalog(t)
	out := Export(c, exportState(t, c), time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC))
	golden.RequireEqual(t, out)
}

func TestExportContent(t *testing.T) {
	c := exportCatalog(t)
	out := Export(c, exportState(t, c), time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC))
	for _, want := range []string{
		"Exported on 14 March 2026.",
		"**Software Engineer**: individual contributor, R&D Engineering.",
		"## Toward Tech Lead",
		"## Toward Engineering Manager",
		"## Toward “retired-role”",
		// The one step up the reporting line comes first, then the two-step
		// routes, a next step before a reporting line at each step.
		"1. Software Engineer → Engineering Manager *(reports to)*\n" +
			"2. Software Engineer → Staff Engineer *(next step)* → Engineering Manager *(reports to)*\n" +
			"3. Software Engineer → Tech Lead *(next step)* → Engineering Manager *(next step)*\n",
		"- [x] Tools to learn", // never: headings are not items
		"- [x] Jira",
		"- [ ] Architecture decision records",
		"2 of 9 done.",
		"0 of 8 done.",
		"1 ticked item is no longer in the gap",
		"- **Tools:** GitHub Actions, Terraform",
		"\\# not a heading",
		"&lt;b&gt;no html&lt;/b&gt; &amp; ^[[31mno escapes^[[0m",
		"## Shortlist\n\n- **Staff Engineer** (individual contributor)",
	} {
		if want == "- [x] Tools to learn" {
			if strings.Contains(out, want) {
				t.Errorf("a heading became a checklist item")
			}
			continue
		}
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	// Tool names match case-insensitively: git and Git are the same tool.
	if strings.Contains(out, "[ ] git") || strings.Contains(out, "[ ] Git\n") {
		t.Errorf("git counted as a new tool")
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Errorf("export contains an escape character")
	}
}

func TestExportEmptyPlan(t *testing.T) {
	out := Export(exportCatalog(t), New(), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	for _, want := range []string{"Exported on 2 January 2026.\n", "No current role is set yet", "No target role is set yet", "No notes yet."} {
		if !strings.Contains(out, want) {
			t.Errorf("empty export lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Last changed") || strings.Contains(out, "## Shortlist") {
		t.Errorf("empty export shows what it does not have:\n%s", out)
	}
}

// TestExportRendersNarrow renders the export with glamour, as a terminal
// would, and checks that nothing (tables above all) overflows the width
// and that the checklist keeps its boxes.
func TestExportRendersNarrow(t *testing.T) {
	built, probs := catalog.Load(catalog.Source{FS: content.FS, Name: "content"})
	if len(probs) > 0 {
		t.Logf("built-in catalog problems: %v", probs)
	}
	s := New()
	s.Current = "devops-engineer"
	s.Targets = []string{"sre-lead", "vp-infrastructure"}
	s.Notes = "Ask about the on-call load.\n\n" + strings.Repeat("A long note without a break. ", 12)
	cases := []struct {
		name string
		c    *catalog.Catalog
		s    State
	}{
		{"fixture", exportCatalog(t), exportState(t, exportCatalog(t))},
		{"built-in", built, s},
	}
	for _, tc := range cases {
		for _, width := range []int{60, 80} {
			md := Export(tc.c, tc.s, time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC))
			r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(width))
			if err != nil {
				t.Fatal(err)
			}
			out, err := r.Render(md)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("%s at %d columns: line %d is %d wide: %q", tc.name, width, i+1, w, line)
				}
			}
			if !strings.Contains(out, "[ ]") || !strings.Contains(out, "Gap checklist") {
				t.Errorf("%s: rendered export lost the checklist:\n%s", tc.name, out)
			}
			if tc.name == "fixture" && !strings.Contains(out, "[✓]") && !strings.Contains(out, "[x]") {
				t.Errorf("ticked items lost their tick:\n%s", out)
			}
		}
	}
}

// TestExportKeepsNoteLines: notes typed on separate lines stay on
// separate lines when the export is rendered, and lists stay lists.
func TestExportKeepsNoteLines(t *testing.T) {
	s := New()
	s.Notes = "Shadow the SRE on-call in March.\nAsk Priya about the SLO review.\nAgreed:\n- read the SRE book\n- pair on a postmortem"
	md := Export(exportCatalog(t), s, time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC))
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(100))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	got := "\n" + strings.Join(lines, "\n") + "\n"
	for _, want := range []string{"Shadow the SRE on-call in March.", "Ask Priya about the SLO review.", "Agreed:", "• read the SRE book\n• pair on a postmortem"} {
		if !strings.Contains(got, "\n"+want+"\n") {
			t.Errorf("rendered notes lack the line %q:\n%s", want, got)
		}
	}
}
