package catalog_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
)

var update = flag.Bool("update", false, "rewrite docs/catalog.md from the catalog")

// catalogDoc describes the built-in catalog: counts, then every role,
// pillar and task. docs/catalog.md is this text; TestCatalogDoc keeps it so.
func catalogDoc(c *catalog.Catalog) string {
	var b strings.Builder
	e := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	groups, entries := 0, 0
	for _, p := range c.Pillars {
		groups += len(p.Groups)
		for _, g := range p.Groups {
			entries += len(g.Members)
		}
	}
	duties := 0
	for _, r := range c.Roles {
		duties += len(r.Responsibilities)
	}
	b.WriteString("# The built-in catalog\n\n")
	b.WriteString("Generated from `content/` by `go test ./catalog -run TestCatalogDoc -update`; do not edit by hand.\n\n")
	fmt.Fprintf(&b, "| what | count |\n|---|---|\n| roles | %d |\n| responsibilities | %d |\n| pillars | %d |\n| pillar groups | %d |\n| pillar entries (a role's contribution in a group) | %d |\n| tasks | %d |\n\n",
		len(c.Roles), duties, len(c.Pillars), groups, entries, len(c.Tasks))
	byFamily := map[string]int{}
	byTrack := map[catalog.Track]int{}
	for _, r := range c.Roles {
		byFamily[r.Family]++
		byTrack[r.Track]++
	}
	b.WriteString("| family | roles |\n|---|---|\n")
	for _, f := range c.Families() {
		fmt.Fprintf(&b, "| %s | %d |\n", e(f), byFamily[f])
	}
	b.WriteString("\n| track | roles |\n|---|---|\n")
	for _, t := range catalog.Tracks {
		fmt.Fprintf(&b, "| %s | %d |\n", t, byTrack[t])
	}
	b.WriteString("\n## Roles\n\n| role | id | family | track | also called |\n|---|---|---|---|---|\n")
	for _, r := range c.Roles {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", e(r.Title), r.ID, e(r.Family), r.Track, e(strings.Join(r.Aliases, ", ")))
	}
	b.WriteString("\n## Pillars\n")
	for _, p := range c.Pillars {
		fmt.Fprintf(&b, "\n### %s\n\n%s\n\n", p.Title, p.Summary)
		for _, g := range p.Groups {
			var names []string
			for _, m := range g.Members {
				names = append(names, c.Role(m.Role).Title)
			}
			fmt.Fprintf(&b, "- **%s** (%d): %s\n", g.Name, len(g.Members), strings.Join(names, ", "))
		}
	}
	b.WriteString("\n## Tasks\n\n| task | owned by | in a small organisation |\n|---|---|---|\n")
	titles := func(ids []string) string {
		var out []string
		for _, id := range ids {
			out = append(out, c.Role(id).Title)
		}
		sort.Strings(out)
		return e(strings.Join(out, ", "))
	}
	for _, t := range c.Tasks {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", e(t.Title), titles(t.Owners), titles(t.SmallOrg))
	}
	return b.String()
}

func TestCatalogDoc(t *testing.T) {
	c, probs := catalog.Load(catalog.Source{FS: content.FS, Name: "content"})
	if len(probs) > 0 {
		t.Fatalf("built-in catalog: %v", probs)
	}
	want := catalogDoc(c)
	path := "../docs/catalog.md"
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Fatalf("docs/catalog.md is missing or out of date: go test ./catalog -run TestCatalogDoc -update (%v)", err)
	}
}

// TestEmbeddedSnapshot keeps content/catalog.gob equal to what parsing
// the built-in markdown gives, and checks that loading from it gives the
// same catalog.
func TestEmbeddedSnapshot(t *testing.T) {
	c, probs := catalog.Load(catalog.Source{FS: content.FS, Name: "content"})
	if len(probs) > 0 {
		t.Fatalf("built-in catalog: %v", probs)
	}
	want, err := c.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	path := "../content/catalog.gob"
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// gob writes maps (line numbers) in no fixed order, so the file is
	// compared by what it decodes to, not byte for byte.
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("content/catalog.gob is missing: go test ./catalog -run TestEmbeddedSnapshot -update (%v)", err)
	}
	if *update {
		return // the test binary embeds the file as it was: run again to check it
	}
	if !bytes.Equal(content.Snapshot, got) {
		t.Fatal("the embedded snapshot differs from content/catalog.gob (rebuild)")
	}
	// No files beside the snapshot: a snapshot that cannot be used would
	// fall back to parsing them, and this must not pass for a good one.
	fast, probs := catalog.Load(catalog.Source{FS: fstest.MapFS{}, Name: "content", Snapshot: content.Snapshot})
	if len(probs) > 0 {
		t.Fatalf("loading the snapshot: %v", probs)
	}
	if !reflect.DeepEqual(fast.Roles, c.Roles) || !reflect.DeepEqual(fast.Pillars, c.Pillars) || !reflect.DeepEqual(fast.Tasks, c.Tasks) {
		t.Fatal("content/catalog.gob is stale: go test ./catalog -run TestEmbeddedSnapshot -update")
	}
	if catalogDoc(fast) != catalogDoc(c) {
		t.Fatal("the catalog loaded from the snapshot differs from the parsed one")
	}
	for _, r := range c.Roles {
		if fast.RoleMarkdown(fast.Role(r.ID)) != c.RoleMarkdown(r) {
			t.Fatalf("role %s differs when loaded from the snapshot", r.ID)
		}
	}
	// A damaged snapshot is not trusted: the markdown is parsed instead.
	broken, probs := catalog.Load(catalog.Source{FS: content.FS, Name: "content", Snapshot: []byte("not gob")})
	if len(probs) > 0 || len(broken.Roles) != len(c.Roles) {
		t.Fatalf("fallback from a damaged snapshot: %d roles, %v", len(broken.Roles), probs)
	}
}
