package catalog

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// goodDir and brokenDir are the on-disk catalogs of testdata/catalogs.
const (
	goodDir   = "../testdata/catalogs/good"
	brokenDir = "../testdata/catalogs/broken"
)

// loadDir loads one folder of testdata, naming its paths after name.
func loadDir(t *testing.T, dir, name string) (*Catalog, Problems) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("testdata missing: %v", err)
	}
	return Load(Source{FS: os.DirFS(dir), Name: name})
}

// loadGood loads testdata/catalogs/good and fails on any problem.
func loadGood(t *testing.T) *Catalog {
	t.Helper()
	c, probs := loadDir(t, goodDir, "good")
	for _, p := range probs {
		t.Errorf("good catalog: %s", p.Error())
	}
	return c
}

// problemStrings renders problems as path:line: message.
func problemStrings(ps Problems) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

func ids(rs []*Role) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestLoadGoodCatalog(t *testing.T) {
	c := loadGood(t)
	if got, want := ids(c.Roles), []string{"chief-technology-officer", "delivery-lead", "engineering-manager", "ops-engineer", "web-developer"}; !reflect.DeepEqual(got, want) {
		t.Errorf("roles (sorted by title) = %v, want %v", got, want)
	}
	if len(c.Pillars) != 1 || c.Pillars[0].ID != "resilience" {
		t.Fatalf("pillars = %v, want [resilience]", c.Pillars)
	}
	if len(c.Tasks) != 2 || c.Tasks[0].ID != "certificate-renewal" || c.Tasks[1].ID != "log-rotation" {
		t.Fatalf("tasks = %v, want certificate-renewal, log-rotation", c.Tasks)
	}

	r := c.Role("ops-engineer")
	if r == nil {
		t.Fatal("ops-engineer not loaded")
	}
	want := &Role{
		ID:        "ops-engineer",
		Title:     "Operations Engineer",
		Aliases:   []string{"OpsEng", "Ops Engineer"},
		Family:    "Operations",
		Track:     TrackIC,
		Summary:   "Keeps the company's servers patched, watched and running.",
		Tools:     []string{"Ansible", "Nagios", "Bash"},
		ReportsTo: []string{"engineering-manager"},
		NextRoles: []string{"delivery-lead", "engineering-manager"},
		Related:   []string{"web-developer"},
		Responsibilities: []string{
			"Patches operating systems and rotates logs on every server each month.",
			"Watches dashboards and answers alerts during office hours.",
			"Restores service after an outage and writes a short incident report.",
			"Keeps the server inventory and its runbooks up to date.",
		},
		Path: "good/roles/ops-engineer.md",
	}
	for _, f := range []string{"ID", "Title", "Aliases", "Family", "Track", "Summary", "Tools", "ReportsTo", "NextRoles", "Related", "Responsibilities", "Path", "Notes"} {
		g, w := reflect.ValueOf(r).Elem().FieldByName(f).Interface(), reflect.ValueOf(want).Elem().FieldByName(f).Interface()
		if !reflect.DeepEqual(g, w) {
			t.Errorf("ops-engineer %s = %#v, want %#v", f, g, w)
		}
	}
	if got := r.Dimensions[DimensionIndex("scope")]; got != "Every server the company runs." {
		t.Errorf("scope = %q", got)
	}
	for _, role := range c.Roles {
		for i, d := range role.Dimensions {
			if d == "" {
				t.Errorf("%s: dimension %s is empty", role.ID, Dimensions[i].Name)
			}
		}
	}
	if got := c.Role("web-developer").Notes; got != "Sometimes called a *front-end engineer*." {
		t.Errorf("notes keep their markdown: got %q", got)
	}
	if c.Role("chief-technology-officer").Track != TrackExecutive {
		t.Errorf("CTO track = %q", c.Role("chief-technology-officer").Track)
	}

	p := c.Pillar("resilience")
	if p.Title != "Resilience" || p.Order != 1 || len(p.Groups) != 2 ||
		p.Groups[0].Name != "Hands on" || len(p.Groups[0].Members) != 2 || p.Groups[1].Members[0].Role != "engineering-manager" {
		t.Errorf("pillar parsed wrongly: %+v", p)
	}
	if p.Body != "Resilience is everyone's job, but some roles carry more of it." {
		t.Errorf("pillar body = %q", p.Body)
	}
	task := c.Task("certificate-renewal")
	if !reflect.DeepEqual(task.Owners, []string{"ops-engineer"}) || !reflect.DeepEqual(task.Helpers, []string{"web-developer"}) ||
		!reflect.DeepEqual(task.SmallOrg, []string{"delivery-lead"}) || !reflect.DeepEqual(task.Pillars, []string{"resilience"}) ||
		!reflect.DeepEqual(task.Aliases, []string{"TLS certificates", "cert renewal"}) {
		t.Errorf("task parsed wrongly: %+v", task)
	}
	if !strings.HasPrefix(task.Body, "Renewing the certificates") || !strings.HasSuffix(task.Body, "- Alert a fortnight before expiry.") {
		t.Errorf("task body = %q", task.Body)
	}

	// Derived views.
	if cs := c.Contributions("ops-engineer"); len(cs) != 1 || cs[0].Pillar != p || cs[0].Group != "Hands on" ||
		cs[0].Text != "Restores servers after failures and tests backups every month." {
		t.Errorf("contributions of ops-engineer = %+v", cs)
	}
	if cs := c.Contributions("chief-technology-officer"); len(cs) != 0 {
		t.Errorf("CTO has no pillar part, got %+v", cs)
	}
	tr := c.TasksOf("ops-engineer")
	if len(tr.Owns) != 2 || len(tr.Helps) != 0 || len(tr.SmallOrg) != 0 {
		t.Errorf("tasks of ops-engineer = %+v", tr)
	}
	if tr := c.TasksOf("delivery-lead"); len(tr.SmallOrg) != 1 || tr.SmallOrg[0].ID != "certificate-renewal" {
		t.Errorf("small-org tasks of delivery-lead = %+v", tr)
	}
	if got, want := ids(c.ReportsFrom("engineering-manager")), []string{"delivery-lead", "ops-engineer"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ReportsFrom(engineering-manager) = %v, want %v", got, want)
	}
	if got, want := c.Families(), []string{"Leadership", "Operations", "Software"}; !reflect.DeepEqual(got, want) {
		t.Errorf("families = %v, want %v", got, want)
	}
}

// brokenCases lists, per file of testdata/catalogs/broken, every problem
// it must produce, exactly. The line numbers were checked by hand against
// the files; keep them in step when a file changes.
var brokenCases = []struct {
	name  string
	file  string
	probs []string
}{
	{"missing front matter", "roles/missing-front-matter.md", []string{
		":1: missing front matter: the first line must be ---"}},
	{"unclosed front matter", "roles/unclosed-front-matter.md", []string{
		":1: front matter is never closed: add a --- line after it"}},
	{"bad YAML syntax", "roles/bad-yaml.md", []string{
		":4: front matter: mapping values are not allowed in this context"}},
	{"unknown field", "roles/unknown-field.md", []string{
		`:6: unknown field "salary" (known fields: title, aliases, family, track, summary, tools, reports_to, next_roles, related)`}},
	{"unknown field inside a pillar group", "pillars/nested-unknown-field.md", []string{
		`:8: unknown field "contibution" (known fields: role, contribution)`}},
	{"duplicate key", "roles/duplicate-key.md", []string{
		`:5: duplicate field "family" (first given on line 3)`}},
	{"title is a list", "roles/title-list.md", []string{
		":2: title: expected text, not a list"}},
	{"missing title", "roles/missing-title.md", []string{
		`:2: missing required field "title"`}},
	{"unknown track", "roles/unknown-track.md", []string{
		`:4: unknown track "wizard": use individual contributor, lead, manager or executive`}},
	{"summary too long", "roles/long-summary.md", []string{
		":5: summary is 213 characters; keep it to one line of at most 200"}},
	{"unknown dimension", "roles/unknown-dimension.md", []string{
		`:18: unknown dimension "Vibes" (known: Primary role, Reporting relationship, Scope, Decision-making authority, Strategic planning, Team management, Meeting involvement, Project management, Communication, Professional development)`}},
	{"dimension twice", "roles/dimension-twice.md", []string{
		`:22: dimension "Scope" is given twice (first on line 14)`}},
	{"dimension twice, first empty", "roles/dimension-twice-empty.md", []string{
		`:16: dimension "Scope" is given twice (first on line 14)`}},
	{"unknown section", "roles/unknown-section.md", []string{
		`:12: unknown section "Hobbies": use Responsibilities, Dimensions or Notes`}},
	{"missing Responsibilities", "roles/missing-responsibilities.md", []string{
		`:7: missing section "## Responsibilities"`}},
	{"empty Responsibilities", "roles/empty-responsibilities.md", []string{
		":8: Responsibilities has no items"}},
	{"links to unknown roles", "roles/bad-links.md", []string{
		`:7: reports_to: no role with id "no-such-boss"`,
		`:10: next_roles: no role with id "valid-rol" (did you mean valid-role?)`,
		`:11: related: no role with id "ghost-friend"`}},
	{"pillar member unknown", "pillars/bad-members.md", []string{
		`:9: group "Crew": no role with id "phantom-role"`}},
	{"task owner and pillar unknown", "tasks/bad-links-task.md", []string{
		`:5: owners: no role with id "ghost-owner"`,
		`:6: pillars: no pillar with id "no-such-pillar"`}},
	{"invalid file name", "roles/Bad_Name.md", []string{
		`:1: file name "Bad_Name.md" is not a valid id: use lower-case letters, digits and hyphens`}},
	{"duplicate id in a subfolder", "roles/zz-nested/valid-role.md", []string{
		`:1: duplicate id "valid-role": also defined in broken/roles/valid-role.md`}},
	{"empty file", "roles/empty.md", []string{
		":1: empty file: a catalog file starts with front matter between --- lines"}},
	{"invalid UTF-8", "roles/invalid-utf8.md", []string{
		":5: invalid UTF-8: save the file as UTF-8 text"}},
	{"NUL byte", "roles/nul-byte.md", []string{
		":3: NUL byte: this is not a text file"}},
	{"YAML anchors and aliases", "roles/anchors.md", []string{
		":6: YAML anchors and aliases (&, *) are not allowed in catalog files"}},
	{"BOM and CRLF parse fine", "roles/bom-crlf.md", nil},
	{"the valid file", "roles/valid-role.md", nil},
}

func TestLoadBrokenCatalog(t *testing.T) {
	c, probs := loadDir(t, brokenDir, "broken")
	byFile := map[string][]string{}
	for _, p := range probs {
		if p.Warning {
			t.Errorf("unexpected warning: %s", p.Error())
		}
		byFile[p.Path] = append(byFile[p.Path], strings.TrimPrefix(p.Error(), p.Path))
	}
	covered := map[string]bool{}
	for _, tc := range brokenCases {
		t.Run(tc.name, func(t *testing.T) {
			path := "broken/" + tc.file
			covered[path] = true
			if _, err := os.Stat(brokenDir + "/" + tc.file); err != nil {
				t.Fatalf("case file missing: %v", err)
			}
			got := byFile[path]
			want := tc.probs
			if want == nil {
				want = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s:\n got  %q\n want %q", path, got, want)
			}
		})
	}
	// Every problem belongs to a case, so a new one cannot slip in unseen.
	for path, ps := range byFile {
		if !covered[path] {
			t.Errorf("problems in a file no case covers: %s %q", path, ps)
		}
	}
	// Every case file of the folder is in the table.
	err := fs.WalkDir(os.DirFS(brokenDir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && p != "README.md" && !covered["broken/"+p] {
			t.Errorf("testdata file %s has no case in brokenCases", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// The rest still loads: the two valid roles, plus the files whose only
	// fault was a dangling link (dropped, not fatal).
	if got, want := ids(c.Roles), []string{"bad-links", "bom-crlf", "valid-role"}; !reflect.DeepEqual(got, want) {
		t.Errorf("loaded roles = %v, want %v", got, want)
	}
	if v := c.Role("valid-role"); v == nil || v.Title != "Valid Role" || v.Path != "broken/roles/valid-role.md" {
		t.Errorf("valid-role = %+v; the nested duplicate must not replace it", v)
	}
	bl := c.Role("bad-links")
	if bl.ReportsTo != nil || !reflect.DeepEqual(bl.NextRoles, []string{"valid-role"}) || !reflect.DeepEqual(bl.Related, []string{"valid-role"}) {
		t.Errorf("dangling links not dropped: reports_to %v next_roles %v related %v", bl.ReportsTo, bl.NextRoles, bl.Related)
	}
	if p := c.Pillar("bad-members"); p == nil || len(p.Groups) != 1 || len(p.Groups[0].Members) != 1 || p.Groups[0].Members[0].Role != "valid-role" {
		t.Errorf("bad-members pillar = %+v, want it loaded with valid-role only", p)
	}
	if c.Pillar("nested-unknown-field") != nil {
		t.Error("a pillar with an unknown field must not load")
	}
	if task := c.Task("bad-links-task"); task == nil || !reflect.DeepEqual(task.Owners, []string{"valid-role"}) || !reflect.DeepEqual(task.Pillars, []string{"bad-members"}) {
		t.Errorf("bad-links-task = %+v", task)
	}
	// Lookups never lead to a dropped link.
	if _, err := c.Find("no-such-boss"); err == nil {
		t.Error("Find found a role that does not exist")
	}
}

func TestLoadBOMAndCRLF(t *testing.T) {
	data, err := os.ReadFile(brokenDir + "/roles/bom-crlf.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "\xef\xbb\xbf---\r\n") || !strings.Contains(string(data), "folder.\r\n") {
		t.Fatal("bom-crlf.md lost its byte-order mark or CRLF line ends; recreate it")
	}
	c, _ := loadDir(t, brokenDir, "broken")
	r := c.Role("bom-crlf")
	if r == nil {
		t.Fatal("bom-crlf did not load")
	}
	if r.Title != "BOM and CRLF" || r.Track != TrackManager || !reflect.DeepEqual(r.ReportsTo, []string{"valid-role"}) {
		t.Errorf("front matter: %+v", r)
	}
	if got, want := r.Responsibilities, []string{"Loads like any other file.", "Keeps no carriage returns in its text."}; !reflect.DeepEqual(got, want) {
		t.Errorf("responsibilities = %q, want %q", got, want)
	}
	if got := r.Dimensions[DimensionIndex("Scope")]; got != "The whole folder." {
		t.Errorf("scope = %q", got)
	}
	if got := r.Dimensions[DimensionIndex("Team management")]; got != "None." {
		t.Errorf("team management = %q", got)
	}
	for _, s := range append(append([]string{r.Title, r.Summary}, r.Responsibilities...), r.Dimensions[:]...) {
		if strings.ContainsAny(s, "\r\ufeff") {
			t.Errorf("text keeps a CR or BOM: %q", s)
		}
	}
}

// role builds a role file from front matter lines and body lines.
func roleFile(front, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + front + "---\n" + body)}
}

const okFront = "title: T\nfamily: F\ntrack: lead\nsummary: S.\n"
const okBody = "\n## Responsibilities\n\n- One duty.\n\n## Dimensions\n"

// nestedMapping returns n levels of block mappings, one key a line.
func nestedMapping(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat("  ", i), i)
	}
	return b.String()
}

// TestLoadInMemoryCases covers problems easier to state inline than as
// files: each map is a catalog; want lists its problems exactly.
func TestLoadInMemoryCases(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"valid", fstest.MapFS{"roles/a.md": roleFile(okFront, okBody)}, nil},
		{"empty front matter", fstest.MapFS{"roles/a.md": {Data: []byte("---\n---\n" + okBody)}},
			[]string{"x/roles/a.md:1: front matter is empty"}},
		{"front matter is a list", fstest.MapFS{"roles/a.md": roleFile("- a\n- b\n", okBody)},
			[]string{"x/roles/a.md:2: front matter must be a set of key: value fields"}},
		{"closing with ...", fstest.MapFS{"roles/a.md": {Data: []byte("---\n" + okFront + "...\n" + okBody)}}, nil},
		{"missing family, summary and track", fstest.MapFS{"roles/a.md": roleFile("title: T\n", okBody)},
			[]string{`x/roles/a.md:2: missing required field "family"`, `x/roles/a.md:2: missing required field "summary"`, `x/roles/a.md:2: missing required field "track"`}},
		{"blank title points at its line", fstest.MapFS{"roles/a.md": roleFile("family: F\ntrack: lead\ntitle: \"  \"\nsummary: S.\n", okBody)},
			[]string{`x/roles/a.md:4: missing required field "title"`}},
		{"a list written as one line of text", fstest.MapFS{"roles/a.md": roleFile(okFront+"tools: Jenkins, Terraform\nreports_to: b\n", okBody),
			"roles/b.md": roleFile(okFront, okBody)}, []string{
			`x/roles/a.md:6: tools: expected a list ([a, b], or one "- item" per line), not "Jenkins, Terraform"`,
			`x/roles/a.md:7: reports_to: expected a list ([a, b], or one "- item" per line), not "b"`}},
		{"pillar groups given as text", fstest.MapFS{"pillars/p.md": {Data: []byte("---\ntitle: P\nsummary: S.\ngroups: Crew\n---\n")}},
			[]string{`x/pillars/p.md:4: groups: expected a list ([a, b], or one "- item" per line), not "Crew"`}},
		{"track ic is accepted", fstest.MapFS{"roles/a.md": roleFile("title: T\nfamily: F\ntrack: IC\nsummary: S.\n", okBody)}, nil},
		{"missing Dimensions", fstest.MapFS{"roles/a.md": roleFile(okFront, "\n## Responsibilities\n\n- One.\n")},
			[]string{`x/roles/a.md:7: missing section "## Dimensions"`}},
		{"Responsibilities not a list", fstest.MapFS{"roles/a.md": roleFile(okFront, "\n## Responsibilities\n\nJust prose.\n\n## Dimensions\n")},
			[]string{"x/roles/a.md:8: Responsibilities has no items", "x/roles/a.md:10: Responsibilities must be a bullet list"}},
		{"text before first section", fstest.MapFS{"roles/a.md": roleFile(okFront, "\nHello.\n"+okBody)},
			[]string{"x/roles/a.md:8: text before the first ## section; put it under ## Notes"}},
		{"level-1 heading", fstest.MapFS{"roles/a.md": roleFile(okFront, "\n# T\n"+okBody)},
			[]string{"x/roles/a.md:8: a level-1 heading is not used in catalog files; the title comes from the front matter"}},
		{"text before first dimension", fstest.MapFS{"roles/a.md": roleFile(okFront, okBody+"\nStray.\n")},
			[]string{"x/roles/a.md:14: text under Dimensions must follow a ### dimension heading"}},
		{"section twice", fstest.MapFS{"roles/a.md": roleFile(okFront, okBody+"\n## responsibilities\n\n- Again.\n")},
			[]string{`x/roles/a.md:14: section "responsibilities" is given twice (first on line 8)`}},
		{"self link and repeated link", fstest.MapFS{
			"roles/a.md": roleFile(okFront+"related: [a]\nnext_roles:\n  - b\n  - b\n", okBody),
			"roles/b.md": roleFile(okFront, okBody)},
			[]string{"x/roles/a.md:6: related: a role cannot link to itself", `x/roles/a.md:9: next_roles: "b" is listed twice`}},
		{"nesting too deep", fstest.MapFS{"roles/a.md": roleFile(okFront+"tools: "+strings.Repeat("[", 40)+strings.Repeat("]", 40)+"\n", okBody)},
			[]string{"x/roles/a.md:6: front matter is nested more than 32 levels deep"}},
		{"nesting too deep, at the line where it goes too deep", fstest.MapFS{"roles/a.md": roleFile(okFront+"tools:\n"+nestedMapping(40), okBody)},
			[]string{"x/roles/a.md:38: front matter is nested more than 32 levels deep"}},
		{"raw control character in front matter", fstest.MapFS{"roles/a.md": roleFile(okFront+"tools: [a, \"b\x1b[31m\"]\n", okBody)},
			[]string{`x/roles/a.md:6: front matter: control character U+001B is not allowed (inside double quotes, write it as \u001B)`}},
		{"raw C1 control in front matter", fstest.MapFS{"roles/a.md": roleFile(okFront+"aliases:\n  - ok\n  - \u009b2J\n", okBody)},
			[]string{`x/roles/a.md:8: front matter: control character U+009B is not allowed (inside double quotes, write it as \u009B)`}},
		{"a mapping where a list is wanted, with a duplicate key", fstest.MapFS{"roles/a.md": roleFile(okFront+"tools: {a: 1, a: 2}\n", okBody)},
			[]string{"x/roles/a.md:6: tools: expected a list ([a, b], or one \"- item\" per line), not a set of fields"}},
		{"a mapping where text is wanted", fstest.MapFS{"roles/a.md": roleFile(okFront+"aliases:\n  - ok\n  - {k: v}\n", okBody)},
			[]string{"x/roles/a.md:8: front matter: cannot unmarshal a mapping into text"}},
		{"quotes nested 32 deep are fine", fstest.MapFS{"roles/a.md": roleFile(okFront, okBody+"\n## Notes\n\n"+strings.Repeat("> ", 32)+"x\n")}, nil},
		{"quotes nested too deep", fstest.MapFS{"roles/a.md": roleFile(okFront, okBody+"\n## Notes\n\nFine.\n\n"+strings.Repeat(">", 33)+"x\n")},
			[]string{"x/roles/a.md:18: quotes and lists nest more than 32 levels deep"}},
		{"lists nested too deep on one line", fstest.MapFS{"roles/a.md": roleFile(okFront, okBody+"\n## Notes\n\n"+strings.Repeat("- 1. * ", 11)+"x\n")},
			[]string{"x/roles/a.md:16: quotes and lists nest more than 32 levels deep"}},
		{"a line indented too deep", fstest.MapFS{"roles/a.md": roleFile(okFront, okBody+"\n## Notes\n\n"+strings.Repeat("\t", 33)+"x\n")},
			[]string{"x/roles/a.md:16: a line is indented more than 128 columns"}},
		{"too many blocks", fstest.MapFS{"roles/a.md": roleFile(okFront, okBody+"\n## Notes\n\n"+strings.Repeat("Para.\n\n", MaxBlocks))},
			[]string{"x/roles/a.md:4004: more than 2000 paragraphs, list items and other blocks: keep a role page shorter"}},
		{"pillar without groups", fstest.MapFS{"pillars/p.md": {Data: []byte("---\ntitle: P\nsummary: S.\n---\n")}},
			[]string{`x/pillars/p.md:2: missing required field "groups"`}},
		{"pillar group without name, member without contribution", fstest.MapFS{
			"roles/a.md":   roleFile(okFront, okBody),
			"pillars/p.md": {Data: []byte("---\ntitle: P\nsummary: S.\ngroups:\n  - roles:\n      - role: a\n---\n")}},
			[]string{"x/pillars/p.md:5: group 1 has no name", `x/pillars/p.md:6: group "": role "a" has no contribution`}},
		{"pillar member listed twice", fstest.MapFS{
			"roles/a.md":   roleFile(okFront, okBody),
			"pillars/p.md": {Data: []byte("---\ntitle: P\nsummary: S.\ngroups:\n  - name: G\n    roles:\n      - {role: a, contribution: x}\n      - {role: a, contribution: y}\n---\n")}},
			[]string{`x/pillars/p.md:8: group "G": role "a" is listed twice`}},
		{"task without owners", fstest.MapFS{"tasks/t.md": {Data: []byte("---\ntitle: T\nhelpers: []\n---\nBody.\n")}},
			[]string{`x/tasks/t.md:2: missing required field "owners"`}},
		{"task unknown helper and small_org", fstest.MapFS{
			"roles/a.md": roleFile(okFront, okBody),
			"tasks/t.md": {Data: []byte("---\ntitle: T\nowners: [a]\nhelpers:\n  - nope\nsmall_org:\n  - a\n  - nada\n---\n")}},
			[]string{`x/tasks/t.md:5: helpers: no role with id "nope"`, `x/tasks/t.md:8: small_org: no role with id "nada"`}},
		{"files outside the three folders are ignored", fstest.MapFS{
			"README.md":          {Data: []byte("not a catalog file")},
			"roles/notes.txt":    {Data: []byte("ignored")},
			"roles/.hidden.md":   {Data: []byte("ignored")},
			".git/roles/x.md":    {Data: []byte("ignored")},
			"docs/other/y.md":    {Data: []byte("ignored")},
			"roles/deep/er/a.md": roleFile(okFront, okBody)}, nil},
		{"file too large", fstest.MapFS{"roles/big.md": {Data: make([]byte, MaxFileSize+1)}},
			[]string{"x/roles/big.md: warning: skipped: larger than the 1024 KiB limit"}},
		// A folder with nothing to load is a mistake (the wrong folder, or
		// the role files not in roles/), not a catalog that is fine.
		{"no catalog files", fstest.MapFS{"README.md": {Data: []byte("hello")}},
			[]string{"x: no catalog files: put roles in roles/<id>.md, pillars in pillars/<id>.md, tasks in tasks/<id>.md"}},
		{"empty folder", fstest.MapFS{},
			[]string{"x: no catalog files: put roles in roles/<id>.md, pillars in pillars/<id>.md, tasks in tasks/<id>.md"}},
		{"role files outside roles/", fstest.MapFS{"a.md": roleFile(okFront, okBody), "team/b.md": roleFile(okFront, okBody)},
			[]string{"x: no catalog files: put roles in roles/<id>.md, pillars in pillars/<id>.md, tasks in tasks/<id>.md (2 .md files here are outside those folders)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := Load(Source{FS: tc.files, Name: "x"})
			got := problemStrings(probs)
			want := tc.want
			if want == nil {
				want = []string{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("problems:\n got  %q\n want %q", got, want)
			}
		})
	}
}

// TestLoadCapsProblemsPerFile: a file with a flood of problems reports
// the first ones and the count of the rest, at the line where they start.
func TestLoadCapsProblemsPerFile(t *testing.T) {
	var front strings.Builder
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&front, "k%d: 1\n", i)
	}
	_, probs := Load(Source{FS: fstest.MapFS{"roles/a.md": roleFile(okFront+front.String(), okBody)}, Name: "x"})
	got := problemStrings(probs)
	if len(got) != MaxFileProblems || got[0] != `x/roles/a.md:6: unknown field "k0" (known fields: title, aliases, family, track, summary, tools, reports_to, next_roles, related)` ||
		got[MaxFileProblems-1] != "x/roles/a.md:25: 11 more problems from here on (fix the ones above first)" {
		t.Errorf("problems: %q", got)
	}
}

func TestLoadSkipsSymlinkWithoutRoot(t *testing.T) {
	files := fstest.MapFS{"roles/link.md": {Data: []byte("roles/a.md"), Mode: fs.ModeSymlink}}
	c, probs := Load(Source{FS: files, Name: "x"})
	if len(c.Roles) != 0 || len(probs) != 1 || !probs[0].Warning || probs[0].Path != "x/roles/link.md" ||
		!strings.Contains(probs[0].Msg, "symbolic link") {
		t.Errorf("problems = %q, want one warning about the symbolic link", problemStrings(probs))
	}
}

func TestLoadLaterSourceReplaces(t *testing.T) {
	over := fstest.MapFS{
		"roles/ops-engineer.md": roleFile("title: Site Operator\nfamily: Ops\ntrack: lead\nsummary: Replaced.\n", okBody),
		"roles/newcomer.md":     roleFile("title: Newcomer\nfamily: Ops\ntrack: individual contributor\nsummary: Added.\nreports_to: [ops-engineer]\n", okBody),
	}
	c, probs := Load(Source{FS: os.DirFS(goodDir), Name: "good"}, Source{FS: over, Name: "ours"})
	if len(probs) > 0 {
		t.Fatalf("problems: %q", problemStrings(probs))
	}
	if r := c.Role("ops-engineer"); r.Title != "Site Operator" || r.Path != "ours/roles/ops-engineer.md" {
		t.Errorf("ops-engineer not replaced: %+v", r)
	}
	if c.Role("newcomer") == nil || len(c.Roles) != 6 {
		t.Errorf("newcomer not added: %v", ids(c.Roles))
	}
	if r, err := c.Find("Site Operator"); err != nil || r.ID != "ops-engineer" {
		t.Errorf("Find(new title) = %v, %v", r, err)
	}
	if _, err := c.Find("OpsEng"); err == nil {
		t.Error("the replaced role's old alias still resolves")
	}
}

func TestLoadMissingFolder(t *testing.T) {
	c, probs := Load(Source{FS: os.DirFS("../testdata/catalogs/no-such-folder"), Name: "gone"})
	if len(c.Roles) != 0 || len(probs) != 1 || probs[0].Path != "gone" || !probs[0].Warning ||
		!strings.Contains(probs[0].Msg, "cannot read") {
		t.Errorf("problems = %q", problemStrings(probs))
	}
}

func TestLoadSanitizesText(t *testing.T) {
	files := fstest.MapFS{"roles/a.md": roleFile(
		"title: \"Evil\\e[31m Role\"\nfamily: F\ntrack: lead\nsummary: \"Hides \\u202Etext\"\naliases: [\"\\x9B2J\"]\n",
		"\n## Responsibilities\n\n- Rings \x07 the bell.\n\n## Dimensions\n\n### Scope\n\nClears \x1b[2J the screen.\n")}
	c, probs := Load(Source{FS: files, Name: "x"})
	if len(probs) > 0 {
		t.Fatalf("problems: %q", problemStrings(probs))
	}
	r := c.Role("a")
	for _, s := range []string{r.Title, r.Summary, r.Aliases[0], r.Responsibilities[0], r.Dimensions[2]} {
		if strings.ContainsAny(s, "\x1b\x07\u009b\u202e") {
			t.Errorf("unsanitized text %q", s)
		}
	}
	if r.Title != "Evil^[[31m Role" || r.Summary != "Hides <U+202E>text" || r.Aliases[0] != "<U+009B>2J" ||
		r.Responsibilities[0] != "Rings ^G the bell." || r.Dimensions[2] != "Clears ^[[2J the screen." {
		t.Errorf("sanitized forms: %q %q %q %q %q", r.Title, r.Summary, r.Aliases[0], r.Responsibilities[0], r.Dimensions[2])
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "a.md", Line: 3, Msg: "bad"}, "a.md:3: bad"},
		{Problem{Path: "a.md", Msg: "bad"}, "a.md: bad"},
		{Problem{Path: "a.md", Line: 2, Msg: "skipped", Warning: true}, "a.md:2: warning: skipped"},
		{Problem{Path: "a.md", Msg: "skipped", Warning: true}, "a.md: warning: skipped"},
	}
	for _, tc := range tests {
		if got := tc.p.Error(); got != tc.want {
			t.Errorf("%+v.Error() = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func TestProblemsSortedByPathAndLine(t *testing.T) {
	_, probs := loadDir(t, brokenDir, "broken")
	for i := 1; i < len(probs); i++ {
		a, b := probs[i-1], probs[i]
		if a.Path > b.Path || a.Path == b.Path && a.Line > b.Line {
			t.Errorf("problems out of order: %q before %q", a.Error(), b.Error())
		}
	}
}
