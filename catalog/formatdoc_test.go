package catalog

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/roledex/roledex/content"
)

// TestFormatDocExamples holds docs/catalog-format.md to its promise that
// an organisation can write its own files from that page alone: its role,
// pillar and task examples load on top of the built-in catalog without a
// problem, and the role example uses every field and all ten dimensions.
func TestFormatDocExamples(t *testing.T) {
	doc, err := os.ReadFile("../docs/catalog-format.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```markdown\n(.*?)```").FindAllSubmatch(doc, -1)
	files := fstest.MapFS{}
	for _, b := range blocks {
		text := string(b[1])
		name := "roles/example-role.md"
		switch {
		case strings.Contains(text, "\ngroups:"):
			name = "pillars/example-pillar.md"
		case strings.Contains(text, "\nowners:"):
			name = "tasks/example-task.md"
		}
		if files[name] != nil {
			t.Fatalf("two examples for %s", name)
		}
		files[name] = &fstest.MapFile{Data: []byte(text)}
	}
	if len(files) != 3 {
		t.Fatalf("found examples for %d kinds, want a role, a pillar and a task", len(files))
	}
	c, probs := Load(Source{FS: content.FS, Name: "content", Snapshot: content.Snapshot}, Source{FS: files, Name: "doc"})
	for _, p := range probs {
		t.Errorf("docs/catalog-format.md example: %s", p.Error())
	}
	r := c.Role("example-role")
	if r == nil {
		t.Fatal("the role example did not load")
	}
	for i, d := range Dimensions {
		if r.Dimensions[i] == "" {
			t.Errorf("the role example leaves out the dimension %s", d.Name)
		}
	}
	if len(r.Aliases) == 0 || len(r.Tools) == 0 || len(r.ReportsTo) == 0 || len(r.NextRoles) == 0 || len(r.Related) == 0 || r.Notes == "" {
		t.Errorf("the role example does not show every field: %+v", r)
	}
	// Every field the tables name is in an example.
	all := string(doc)
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| (yes|no) \\|").FindAllStringSubmatch(all, -1) {
		if !regexp.MustCompile(`(?m)^\s*(- )?` + m[1] + `:`).MatchString(all) {
			t.Errorf("the field %s is in a table but in no example", m[1])
		}
	}
	if p := c.Pillar("example-pillar"); p == nil || len(p.Groups) == 0 {
		t.Error("the pillar example did not load with its groups")
	}
	if tk := c.Task("example-task"); tk == nil || len(tk.Owners) == 0 {
		t.Error("the task example did not load with its owners")
	}
}
