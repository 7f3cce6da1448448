package cli_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/roledex/roledex/cli"
)

// Test catalogs, relative to this package.
const (
	goodCatalog    = "../testdata/catalogs/good"
	brokenCatalog  = "../testdata/catalogs/broken"
	missingCatalog = "../testdata/catalogs/no-such-folder"
)

// result is what one run of roledex produced.
type result struct {
	code           int
	stdout, stderr string
}

// cliRun runs roledex with args as a script would: output to buffers that
// are not terminals, and only the variables in env set.
func cliRun(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	e := cli.Env{
		Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""),
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(io.Writer) bool { return false },
		Size:       func(io.Writer) (int, int) { return 0, 0 },
	}
	code := cli.Execute(args, e)
	return result{code, out.String(), errOut.String()}
}

// ok runs roledex and fails the test unless it exits 0 with nothing on
// stderr; it returns stdout.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	r := cliRun(t, nil, args...)
	if r.code != cli.ExitOK {
		t.Fatalf("roledex %q: exit %d, stderr:\n%s", args, r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("roledex %q: unexpected stderr:\n%s", args, r.stderr)
	}
	return r.stdout
}

// decode parses JSON output into v, failing the test on error.
func decode(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// wantKeys fails unless m has exactly the keys want (sorted), plus any of
// optional.
func wantKeys(t *testing.T, what string, m map[string]any, want []string, optional ...string) {
	t.Helper()
	got := []string{}
	for _, k := range keys(m) {
		opt := false
		for _, o := range optional {
			opt = opt || o == k
		}
		if !opt {
			got = append(got, k)
		}
	}
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s fields = %q, want %q (optional %q)", what, keys(m), want, optional)
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"list", []string{"list"}},
		{"show", []string{"show", "devops-engineer"}},
		{"compare", []string{"compare", "devops", "sre"}},
		{"compare-three-diff", []string{"compare", "devops", "sre", "platform", "--diff"}},
		// On the small testdata catalog, which does not change with content/.
		{"testdata-show", []string{"--catalog", goodCatalog, "show", "ops-engineer"}},
		{"testdata-compare", []string{"--catalog", goodCatalog, "compare", "ops-engineer", "web-developer"}},
		{"testdata-list", []string{"--catalog", goodCatalog, "list", "--family", "operations"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			golden.RequireEqual(t, ok(t, tc.args...))
		})
	}
}

func TestList(t *testing.T) {
	out := ok(t, "list")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if !regexp.MustCompile(`^ID\s+TITLE\s+FAMILY\s+TRACK$`).MatchString(lines[0]) {
		t.Errorf("header = %q", lines[0])
	}
	if len(lines) < 101 {
		t.Errorf("%d lines; want a row per built-in role", len(lines))
	}
	if !regexp.MustCompile(`(?m)^devops-engineer\s+DevOps Engineer\s+Reliability & Operations\s+individual contributor$`).MatchString(out) {
		t.Errorf("no devops-engineer row in:\n%s", out)
	}

	// --family: a case-insensitive prefix.
	out = ok(t, "list", "--family", "SECUR")
	rows := strings.Split(strings.TrimRight(out, "\n"), "\n")[1:]
	if len(rows) < 5 {
		t.Errorf("--family security: %d rows", len(rows))
	}
	for _, row := range rows {
		if !strings.Contains(row, "  Security  ") {
			t.Errorf("--family security listed %q", row)
		}
	}

	// --track, with ic as a short name.
	for _, tc := range []struct{ flag, track string }{{"executive", "executive"}, {"ic", "individual contributor"}, {"Manager", "manager"}} {
		out = ok(t, "list", "--track", tc.flag)
		rows = strings.Split(strings.TrimRight(out, "\n"), "\n")[1:]
		if len(rows) == 0 {
			t.Errorf("--track %s: nothing", tc.flag)
		}
		for _, row := range rows {
			if !strings.HasSuffix(row, "  "+tc.track) {
				t.Errorf("--track %s listed %q", tc.flag, row)
			}
		}
	}
	if out := ok(t, "list", "--track", "executive"); !strings.Contains(out, "\nceo ") || strings.Contains(out, "devops-engineer") {
		t.Errorf("--track executive:\n%s", out)
	}

	// --json.
	var roles []map[string]any
	decode(t, ok(t, "list", "--json", "--family", "leadership", "--track", "executive"), &roles)
	if len(roles) == 0 {
		t.Fatal("--json: no roles")
	}
	for _, r := range roles {
		wantKeys(t, "list --json", r, []string{"id", "title", "aliases", "family", "track", "summary"})
		if r["track"] != "executive" || r["family"] != "Leadership" {
			t.Errorf("filters ignored in JSON: %v", r)
		}
		if _, isList := r["aliases"].([]any); !isList {
			t.Errorf("aliases is %T, want a list (never null)", r["aliases"])
		}
	}
	var all []map[string]any
	decode(t, ok(t, "--catalog", goodCatalog, "list", "--json", "--family", "operations"), &all)
	if len(all) != 1 || all[0]["id"] != "ops-engineer" || all[0]["title"] != "Operations Engineer" ||
		all[0]["summary"] != "Keeps the company's servers patched, watched and running." ||
		!reflect.DeepEqual(all[0]["aliases"], []any{"OpsEng", "Ops Engineer"}) || all[0]["track"] != "individual contributor" {
		t.Errorf("list --json on testdata = %v", all)
	}
}

func TestShow(t *testing.T) {
	out := ok(t, "show", "DevOps")
	for _, want := range []string{"DevOps Engineer", "Responsibilities", "Dimensions", "Primary role", "Professional development", "Career"} {
		if !strings.Contains(out, want) {
			t.Errorf("show devops lacks %q", want)
		}
	}

	md := ok(t, "show", "sre", "--format", "markdown")
	if !strings.HasPrefix(md, "# Site Reliability Engineer\n") || !strings.Contains(md, "\n## Responsibilities\n") ||
		!strings.Contains(md, "\n### Decision-making authority\n") {
		t.Errorf("show --format markdown:\n%s", md)
	}

	var d map[string]any
	decode(t, ok(t, "show", "devops-engineer", "--json"), &d)
	wantKeys(t, "show --json", d, []string{"id", "title", "aliases", "family", "track", "summary",
		"responsibilities", "tools", "dimensions", "reports_to", "next_roles", "related",
		"pillars", "tasks_owned", "tasks_helped", "tasks_small_org"}, "notes")
	if d["id"] != "devops-engineer" || d["track"] != "individual contributor" {
		t.Errorf("show --json: %v", d)
	}
	dims, _ := d["dimensions"].([]any)
	if len(dims) != 10 {
		t.Fatalf("dimensions = %v, want 10", d["dimensions"])
	}
	first := dims[0].(map[string]any)
	wantKeys(t, "dimension", first, []string{"name", "text"})
	if first["name"] != "Primary role" || first["text"] == "" {
		t.Errorf("first dimension = %v", first)
	}
	for _, k := range []string{"sre-lead", "platform-engineering-manager", "vp-infrastructure"} {
		if !strings.Contains(toJSON(d["next_roles"]), `"`+k+`"`) {
			t.Errorf("next_roles %v lacks %s", d["next_roles"], k)
		}
	}
	if p, _ := d["pillars"].([]any); len(p) == 0 {
		t.Error("pillars is empty for devops-engineer")
	} else {
		wantKeys(t, "pillar contribution", p[0].(map[string]any), []string{"pillar", "group", "text"})
	}

	// On the testdata catalog the whole JSON is known.
	decode(t, ok(t, "--catalog", goodCatalog, "show", "web-developer", "--json"), &d)
	if d["notes"] != "Sometimes called a *front-end engineer*." || toJSON(d["reports_to"]) != `["delivery-lead"]` ||
		toJSON(d["tasks_helped"]) != `["certificate-renewal"]` || toJSON(d["tasks_owned"]) != `[]` ||
		toJSON(d["pillars"]) != `[{"group":"Hands on","pillar":"resilience","text":"Makes the web shop degrade gracefully when a backend is slow."}]` {
		t.Errorf("show web-developer --json: %v", d)
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestCompare(t *testing.T) {
	two := ok(t, "compare", "devops", "sre")
	if !strings.Contains(two, "DevOps Engineer") || !strings.Contains(two, "Site Reliability Engineer") ||
		!strings.Contains(two, "Shared responsibilities") || !strings.Contains(two, "Only DevOps Engineer") {
		t.Errorf("compare text:\n%s", two)
	}
	three := ok(t, "compare", "devops", "sre", "platform-engineer")
	if !strings.Contains(three, "Only Platform Engineer") {
		t.Errorf("compare of three lacks the third role:\n%s", three)
	}
	diff := ok(t, "--catalog", goodCatalog, "compare", "ops-engineer", "web-developer", "--diff")
	full := ok(t, "--catalog", goodCatalog, "compare", "ops-engineer", "web-developer")
	if !strings.Contains(full, "Team management") || strings.Contains(diff, "Team management") || !strings.Contains(diff, "Primary role") {
		t.Errorf("--diff must drop the rows that read alike (Team management: \"Manages nobody.\" twice):\n%s", diff)
	}

	var c map[string]any
	decode(t, ok(t, "compare", "devops", "sre", "platform", "--json"), &c)
	wantKeys(t, "compare --json", c, []string{"roles", "dimensions", "shared", "unique"})
	roles, _ := c["roles"].([]any)
	if len(roles) != 3 {
		t.Fatalf("roles = %v", c["roles"])
	}
	wantKeys(t, "compare role", roles[0].(map[string]any), []string{"id", "title", "aliases", "family", "track", "summary"})
	dims, _ := c["dimensions"].([]any)
	if len(dims) != 10 {
		t.Fatalf("dimensions = %d, want 10", len(dims))
	}
	for _, x := range dims {
		row := x.(map[string]any)
		wantKeys(t, "compare dimension", row, []string{"name", "values"}, "alike")
		if v, _ := row["values"].([]any); len(v) != 3 {
			t.Errorf("row %v has %d values, want 3", row["name"], len(v))
		}
	}
	unique, _ := c["unique"].(map[string]any)
	if keys(unique) == nil || !reflect.DeepEqual(keys(unique), []string{"devops-engineer", "platform-engineer", "site-reliability-engineer"}) {
		t.Errorf("unique keys = %v, want the three role ids", keys(unique))
	}
	shared, _ := c["shared"].([]any)
	if len(shared) == 0 {
		t.Error("devops, sre and platform share nothing?")
	}
	for _, s := range shared {
		m := s.(map[string]any)
		if len(m) < 2 {
			t.Errorf("a shared duty names %d roles: %v", len(m), m)
		}
		for id := range m {
			if unique[id] == nil {
				t.Errorf("shared duty keyed by %q, not a compared role id", id)
			}
		}
	}

	// On the testdata catalog: the shared outage duty and the unique ones.
	decode(t, ok(t, "--catalog", goodCatalog, "compare", "ops-engineer", "web-developer", "--json"), &c)
	if got := toJSON(c["shared"]); got != `[{"ops-engineer":"Restores service after an outage and writes a short incident report.","web-developer":"Restores service after an outage in the web shop and writes a short incident report."}]` {
		t.Errorf("shared = %s", got)
	}
	if got := toJSON(c["unique"].(map[string]any)["web-developer"]); got != `["Builds accessible pages and forms from the designers' sketches.","Writes browser tests for every checkout flow.","Reviews the pull requests of other developers."]` {
		t.Errorf("unique web-developer = %s", got)
	}
}

func TestSearch(t *testing.T) {
	out := ok(t, "search", "ssl", "cert")
	first := strings.SplitN(out, "\n", 2)[0]
	if !strings.HasPrefix(first, "SSL/TLS certificate management (task") {
		t.Errorf("first hit for ssl cert = %q", first)
	}

	var hits []map[string]any
	decode(t, ok(t, "search", "terraform", "--json", "--limit", "3"), &hits)
	if len(hits) != 3 {
		t.Fatalf("--limit 3 gave %d hits", len(hits))
	}
	for _, h := range hits {
		wantKeys(t, "search --json", h, []string{"role", "kind", "text", "score", "matched"}, "task", "detail")
		m, _ := h["matched"].([]any)
		if len(m) == 0 {
			t.Errorf("hit without matched positions: %v", h)
		}
	}
	decode(t, ok(t, "search", "ssl cert", "--json"), &hits)
	if len(hits) == 0 || hits[0]["task"] != "ssl-certificate-management" || hits[0]["kind"] != "task" {
		t.Errorf("ssl cert --json first hit = %v", hits)
	}
	decode(t, ok(t, "search", "backup", "--json", "--limit", "0"), &hits)
	if len(hits) <= 20 {
		t.Errorf("--limit 0 should give every hit, got %d", len(hits))
	}
	if out := ok(t, "search", "backup", "-n", "2"); strings.Count(out, "\n") != 4 {
		t.Errorf("-n 2 should print 2 hits of 2 lines:\n%s", out)
	}
}

func TestLint(t *testing.T) {
	r := cliRun(t, nil, "lint")
	if r.code != cli.ExitOK || r.stdout != "" || !strings.HasPrefix(r.stderr, "ok: ") {
		t.Errorf("lint of the built-in catalog: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	r = cliRun(t, nil, "lint", goodCatalog)
	if r.code != cli.ExitOK || r.stdout != "" {
		t.Errorf("lint good testdata: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = cliRun(t, nil, "lint", brokenCatalog)
	if r.code != cli.ExitError {
		t.Errorf("lint broken: exit %d, want 1", r.code)
	}
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if len(lines) < 25 {
		t.Errorf("lint broken printed %d lines:\n%s", len(lines), r.stdout)
	}
	lineRe := regexp.MustCompile(`^\.\./testdata/catalogs/broken/(roles|pillars|tasks)/[\w/-]+\.md:(\d+:)? \S`)
	for _, l := range lines {
		if !lineRe.MatchString(l) {
			t.Errorf("not a path:line: message line: %q", l)
		}
	}
	for _, want := range []string{
		"../testdata/catalogs/broken/roles/bad-yaml.md:4: front matter: mapping values are not allowed in this context",
		`../testdata/catalogs/broken/roles/unknown-track.md:4: unknown track "wizard"`,
		`../testdata/catalogs/broken/roles/bad-links.md:10: next_roles: no role with id "valid-rol" (did you mean valid-role?)`,
		`../testdata/catalogs/broken/pillars/bad-members.md:9: group "Crew": no role with id "phantom-role"`,
		`../testdata/catalogs/broken/tasks/bad-links-task.md:6: pillars: no pillar with id "no-such-pillar"`,
		"../testdata/catalogs/broken/roles/nul-byte.md:3: NUL byte",
	} {
		if !strings.Contains(r.stdout, want+"") {
			t.Errorf("lint broken lacks %q", want)
		}
	}
	if !strings.Contains(r.stderr, "problem(s) found") {
		t.Errorf("stderr = %q", r.stderr)
	}
	if strings.Contains(r.stdout, "bom-crlf") || strings.Contains(r.stdout, "broken/roles/valid-role.md:") {
		t.Errorf("valid files reported:\n%s", r.stdout)
	}

	// --catalog names the folder to check as well as an argument does.
	viaFlag := cliRun(t, nil, "--catalog", brokenCatalog, "lint")
	if viaFlag.code != cli.ExitError || viaFlag.stdout != r.stdout {
		t.Errorf("roledex --catalog broken lint: exit %d, want 1 and the same report as lint broken:\n%s", viaFlag.code, viaFlag.stdout)
	}

	r = cliRun(t, nil, "lint", missingCatalog)
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "cannot read catalog folder") {
		t.Errorf("lint missing folder: exit %d, stderr %q", r.code, r.stderr)
	}
	r = cliRun(t, nil, "lint", goodCatalog+"/README.md")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "is not a folder") {
		t.Errorf("lint a file: exit %d, stderr %q", r.code, r.stderr)
	}
	// The roles folder itself instead of the catalog folder: nothing is
	// read, and lint must say so rather than "ok".
	r = cliRun(t, nil, "lint", goodCatalog+"/roles")
	if r.code != cli.ExitError || !strings.Contains(r.stdout, "good/roles: no catalog files: put roles in roles/<id>.md") {
		t.Errorf("lint the roles folder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestPillars(t *testing.T) {
	out := ok(t, "pillars")
	for _, id := range []string{"operational-excellence", "security", "reliability", "performance-efficiency", "cost-optimization", "sustainability"} {
		if !regexp.MustCompile(`(?m)^` + id + `\s`).MatchString(out) {
			t.Errorf("pillars lacks %s:\n%s", id, out)
		}
	}
	out = ok(t, "pillars", "reliability")
	for _, want := range []string{"Reliability\n", "\nBackup & Disaster Recovery\n", "  • Backup Administrator (backup-administrator): "} {
		if !strings.Contains(out, want) {
			t.Errorf("pillars reliability lacks %q:\n%s", want, out)
		}
	}
	if ok(t, "pillars", "Reliability") != out || ok(t, "pillars", "relia") != out {
		t.Error("a pillar's title and a unique prefix must show the same page")
	}

	var list []map[string]any
	decode(t, ok(t, "pillars", "--json"), &list)
	if len(list) != 6 {
		t.Errorf("%d pillars", len(list))
	}
	for _, p := range list {
		wantKeys(t, "pillars --json", p, []string{"id", "title", "summary"})
	}
	var one map[string]any
	decode(t, ok(t, "--catalog", goodCatalog, "pillars", "resilience", "--json"), &one)
	if got := toJSON(one); got != `{"groups":[{"name":"Hands on","roles":[{"contribution":"Restores servers after failures and tests backups every month.","role":"ops-engineer","title":"Operations Engineer"},{"contribution":"Makes the web shop degrade gracefully when a backend is slow.","role":"web-developer","title":"Web Developer"}]},{"name":"Oversight","roles":[{"contribution":"Keeps the on-call rota staffed and fair.","role":"engineering-manager","title":"Engineering Manager"}]}],"id":"resilience","summary":"Services keep working, and come back quickly when they fail.","title":"Resilience"}` {
		t.Errorf("pillars resilience --json = %s", got)
	}
}

func TestTasks(t *testing.T) {
	out := ok(t, "tasks")
	if strings.Count(out, "  owners:     ") < 40 {
		t.Errorf("tasks lists %d tasks, want 40 or more", strings.Count(out, "  owners:     "))
	}
	out = ok(t, "tasks", "ssl")
	if !strings.HasPrefix(out, "SSL/TLS certificate management (ssl-certificate-management)\n  owners:     DevOps Engineer, Site Reliability Engineer\n") ||
		!strings.Contains(out, "  small org:  Full-Stack Developer, Software Engineer\n") {
		t.Errorf("tasks ssl:\n%s", out)
	}
	// The testdata tasks come on top of the built-in ones; pick them out.
	byID := func(args ...string) map[string]any {
		t.Helper()
		var ts []map[string]any
		decode(t, ok(t, append([]string{"--catalog", goodCatalog, "tasks", "--json"}, args...)...), &ts)
		for _, x := range ts {
			wantKeys(t, "tasks --json", x, []string{"id", "title", "aliases", "owners", "helpers", "small_org", "pillars", "body"})
		}
		for _, x := range ts {
			if x["id"] == "certificate-renewal" || x["id"] == "log-rotation" {
				return x
			}
		}
		t.Fatalf("tasks --json %q: no testdata task in %v", args, ts)
		return nil
	}
	cert := byID("cert renewal")
	if cert["id"] != "certificate-renewal" || toJSON(cert["small_org"]) != `["delivery-lead"]` ||
		toJSON(cert["owners"]) != `["ops-engineer"]` || toJSON(cert["pillars"]) != `["resilience"]` ||
		cert["body"] != "Renewing the certificates of every public website before they expire.\n\n- Automate renewal.\n- Alert a fortnight before expiry." {
		t.Errorf("tasks cert --json = %v", cert)
	}
	logs := byID("log", "rotation")
	if logs["id"] != "log-rotation" || toJSON(logs["helpers"]) != `[]` || toJSON(logs["aliases"]) != `[]` || toJSON(logs["small_org"]) != `[]` {
		t.Errorf("empty lists must be [], not null: %v", logs)
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"help", []string{"--help"}, cli.ExitOK, ""},
		{"unknown role", []string{"show", "astronaut"}, cli.ExitError, `roledex: no role "astronaut"`},
		{"unknown role with suggestion", []string{"show", "devops-enginer"}, cli.ExitError, "did you mean devops-engineer"},
		{"unknown role in compare", []string{"compare", "devops", "nobody-at-all"}, cli.ExitError, `no role "nobody-at-all"`},
		{"unknown pillar", []string{"pillars", "happiness"}, cli.ExitError, `no pillar "happiness"`},
		{"no task matches", []string{"tasks", "zzzqqq"}, cli.ExitError, `no task matches "zzzqqq"`},
		{"nothing found", []string{"search", "zzzqqq"}, cli.ExitError, `nothing matches "zzzqqq"`},
		{"unknown family", []string{"list", "--family", "astrology"}, cli.ExitError, `no family "astrology"`},
		{"missing catalog folder", []string{"--catalog", missingCatalog, "list"}, cli.ExitError, "cannot read catalog folder"},
		{"empty catalog folder name", []string{"--catalog", "", "list"}, cli.ExitUsage, "--catalog needs a folder name"},
		{"unknown flag", []string{"list", "--colour"}, cli.ExitUsage, "unknown flag: --colour"},
		{"unknown command", []string{"frobnicate"}, cli.ExitUsage, `unknown command "frobnicate"`},
		{"unknown config subcommand", []string{"config", "bogus"}, cli.ExitUsage, `unknown command "bogus" for "roledex config"`},
		{"unknown completion shell", []string{"completion", "tcsh"}, cli.ExitUsage, `unknown command "tcsh" for "roledex completion"`},
		{"help on an unknown command", []string{"help", "frobnicate"}, cli.ExitUsage, `unknown command "frobnicate"`},
		{"bad track", []string{"list", "--track", "wizard"}, cli.ExitUsage, `unknown track "wizard"`},
		{"list takes no args", []string{"list", "extra"}, cli.ExitUsage, "Run 'roledex --help' for usage."},
		{"show without role", []string{"show"}, cli.ExitUsage, "accepts 1 arg(s), received 0"},
		{"show two roles", []string{"show", "sre", "devops"}, cli.ExitUsage, "accepts 1 arg(s), received 2"},
		{"show bad format", []string{"show", "sre", "--format", "pdf"}, cli.ExitUsage, `--format must be text or markdown, not "pdf"`},
		{"show bad format, unknown role", []string{"show", "astronaut", "--format", "pdf"}, cli.ExitUsage, `--format must be text or markdown`},
		{"show json and markdown", []string{"show", "sre", "--json", "--format", "markdown"}, cli.ExitUsage, `--json and --format markdown`},
		{"compare bad format", []string{"compare", "sre", "devops", "--format", "pdf"}, cli.ExitUsage, `--format must be text or markdown, not "pdf"`},
		{"compare bad format with json", []string{"compare", "sre", "devops", "--json", "--format", "pdf"}, cli.ExitUsage, `--format must be text or markdown`},
		{"compare json and markdown", []string{"compare", "sre", "devops", "--json", "--format", "markdown"}, cli.ExitUsage, `--json and --format markdown`},
		{"compare bad dimension, unknown role", []string{"compare", "sre", "astronaut", "--dimensions", "Vibes"}, cli.ExitUsage, `unknown dimension "Vibes"`},
		{"compare one role", []string{"compare", "sre"}, cli.ExitUsage, "accepts between 2 and 3 arg(s), received 1"},
		{"compare four roles", []string{"compare", "sre", "devops", "cto", "ceo"}, cli.ExitUsage, "accepts between 2 and 3 arg(s), received 4"},
		{"compare a role with itself", []string{"compare", "sre", "site-reliability-engineer"}, cli.ExitUsage, "compare different roles"},
		{"search without query", []string{"search"}, cli.ExitUsage, "requires at least 1 arg(s)"},
		{"search negative limit", []string{"search", "x", "--limit", "-1"}, cli.ExitUsage, "--limit must be 0 (all) or more"},
		{"search limit not a number", []string{"search", "x", "--limit", "lots"}, cli.ExitUsage, `invalid argument "lots"`},
		{"search blank query", []string{"search", "  "}, cli.ExitUsage, "the query is empty"},
		{"search a question mark", []string{"search", "?"}, cli.ExitUsage, `the query "?" has no words to search for`},
		{"pillars two args", []string{"pillars", "a", "b"}, cli.ExitUsage, "accepts at most 1 arg(s), received 2"},
		{"bad --color", []string{"--color", "purple", "list"}, cli.ExitUsage, `--color must be auto, always or never, not "purple"`},
		{"bad --theme", []string{"--theme", "sepia", "list"}, cli.ExitUsage, `--theme must be auto, dark or light, not "sepia"`},
		{"explorer without a terminal", nil, cli.ExitUsage, "the explorer needs a terminal"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := cliRun(t, nil, tc.args...)
			if r.code != tc.code {
				t.Errorf("roledex %q: exit %d, want %d\nstderr: %s", tc.args, r.code, tc.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("roledex %q: stderr %q lacks %q", tc.args, r.stderr, tc.stderr)
			}
			if tc.code != cli.ExitOK && r.stdout != "" {
				t.Errorf("roledex %q failed but wrote to stdout:\n%s", tc.args, r.stdout)
			}
		})
	}
}

func TestCatalogFlag(t *testing.T) {
	// A folder adds roles on top of the built-in ones, and replaces same ids.
	out := ok(t, "--catalog", goodCatalog, "list")
	if !strings.Contains(out, "\nops-engineer ") || !strings.Contains(out, "\ndevops-engineer ") {
		t.Errorf("--catalog must add to the built-in roles:\n%s", out)
	}
	var d map[string]any
	decode(t, ok(t, "--catalog", goodCatalog, "show", "engineering-manager", "--json"), &d)
	if d["summary"] != "Hires, grows and looks after the people of several delivery teams." {
		t.Errorf("the folder's engineering-manager must replace the built-in one: %v", d["summary"])
	}
	// A broken folder: problems go to stderr, the rest still works.
	r := cliRun(t, nil, "--catalog", brokenCatalog, "show", "valid-role")
	if r.code != cli.ExitOK || !strings.Contains(r.stdout, "Valid Role") {
		t.Errorf("show from a broken folder: exit %d\n%s", r.code, r.stdout)
	}
	if !strings.Contains(r.stderr, "../testdata/catalogs/broken/roles/unknown-track.md:4: unknown track") {
		t.Errorf("problems of --catalog not reported on stderr:\n%s", r.stderr)
	}
}

func TestPipedOutputHasNoEscapes(t *testing.T) {
	commands := [][]string{
		{"list"}, {"list", "--json"},
		{"show", "devops-engineer"}, {"show", "sre", "--json"}, {"show", "sre", "--format", "markdown"},
		{"compare", "devops", "sre"}, {"compare", "devops", "sre", "platform", "--diff"}, {"compare", "devops", "sre", "--json"},
		{"search", "ssl cert"}, {"search", "deploy", "--json"},
		{"pillars"}, {"pillars", "reliability"}, {"tasks"}, {"tasks", "ssl"},
		{"lint"}, {"lint", brokenCatalog}, {"show", "nobody"}, {"list", "--bogus"},
	}
	for _, args := range commands {
		for _, env := range []map[string]string{nil, {"NO_COLOR": "1"}, {"TERM": "xterm-256color", "COLORTERM": "truecolor"}} {
			r := cliRun(t, env, args...)
			if strings.ContainsRune(r.stdout+r.stderr, '\x1b') {
				t.Errorf("roledex %q (env %v) wrote an escape byte:\n%q", args, env, r.stdout+r.stderr)
			}
		}
	}
	// --color never on a terminal is plain too, and NO_COLOR wins over auto.
	var out bytes.Buffer
	e := cli.Env{
		Stdout: &out, Stderr: io.Discard, Stdin: strings.NewReader(""),
		Getenv:     func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] },
		IsTerminal: func(io.Writer) bool { return true },
		Size:       func(io.Writer) (int, int) { return 80, 24 },
	}
	for _, args := range [][]string{{"show", "sre"}, {"--color", "never", "compare", "sre", "devops"}, {"search", "ssl"}} {
		out.Reset()
		if code := cli.Execute(args, e); code != 0 || strings.ContainsRune(out.String(), '\x1b') {
			t.Errorf("roledex %q on a NO_COLOR terminal: exit %d, escapes %v", args, code, strings.ContainsRune(out.String(), '\x1b'))
		}
	}
	// And the check can fail: forced colour does style the output.
	var styled bytes.Buffer
	e.Stdout, e.Getenv = &styled, func(string) string { return "" }
	cli.Execute([]string{"--color", "always", "search", "ssl"}, e)
	if !strings.ContainsRune(styled.String(), '\x1b') {
		t.Error("--color always produced no styling; the escape checks above prove nothing")
	}
}

// TestDocsCoverCLI keeps docs/cli.md in step with the code: every command
// has a section, and every JSON field name the commands print is named.
func TestDocsCoverCLI(t *testing.T) {
	doc, err := os.ReadFile("../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	help := ok(t, "--help")
	_, cmds, found := strings.Cut(help, "Available Commands:\n")
	if !found {
		t.Fatalf("no command list in --help:\n%s", help)
	}
	n := 0
	for _, line := range strings.Split(cmds, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			break
		}
		if f[0] == "help" || f[0] == "completion" {
			continue
		}
		n++
		if !regexp.MustCompile("(?m)^### `" + f[0] + "[ `]").Match(doc) {
			t.Errorf("docs/cli.md has no section for %s", f[0])
		}
	}
	if n < 8 {
		t.Errorf("found %d commands in --help", n)
	}
	// And every documented command exists.
	for _, m := range regexp.MustCompile("(?m)^### `([a-z]+)").FindAllSubmatch(doc, -1) {
		if !regexp.MustCompile(`(?m)^  ` + string(m[1]) + ` `).MatchString(cmds) {
			t.Errorf("docs/cli.md documents %s, which roledex --help does not list", m[1])
		}
	}
	srcs, _ := filepath.Glob("*.go")
	tag := regexp.MustCompile("json:\"([a-z_]+)")
	for _, src := range srcs {
		if strings.HasSuffix(src, "_test.go") {
			continue
		}
		code, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tag.FindAllSubmatch(code, -1) {
			name := string(m[1])
			if !bytes.Contains(doc, []byte(`"`+name+`"`)) && !bytes.Contains(doc, []byte("`"+name+"`")) {
				t.Errorf("docs/cli.md does not name the JSON field %q (%s)", name, src)
			}
		}
	}
}

// TestReadmeExamples runs every "$ roledex …" line of the README's
// console blocks and compares what it prints with the lines below it, so
// the README cannot drift from the program. A trailing "| head -N" keeps
// the first N lines, as the shell would.
func TestReadmeExamples(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	type example struct {
		cmd  string
		want []string
	}
	var examples []example
	inConsole := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "```console"):
			inConsole = true
		case strings.HasPrefix(line, "```"):
			inConsole = false
		case inConsole && strings.HasPrefix(line, "$ "):
			examples = append(examples, example{cmd: strings.TrimPrefix(line, "$ ")})
		case inConsole && len(examples) > 0:
			examples[len(examples)-1].want = append(examples[len(examples)-1].want, line)
		}
	}
	if len(examples) < 5 {
		t.Fatalf("found %d examples in the README", len(examples))
	}
	for _, ex := range examples {
		cmd, head := ex.cmd, -1
		if before, n, ok := strings.Cut(cmd, " | head -"); ok {
			cmd = before
			head, _ = strconv.Atoi(n)
		}
		args := shellWords(t, cmd)
		if len(args) == 0 || args[0] != "roledex" {
			t.Fatalf("README example %q does not run roledex", ex.cmd)
		}
		got := strings.Split(strings.TrimRight(ok(t, args[1:]...), "\n"), "\n")
		if head >= 0 && len(got) > head {
			got = got[:head]
		}
		want := ex.want
		for len(want) > 0 && want[len(want)-1] == "" { // the blank line before the next $
			want = want[:len(want)-1]
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("README example %q prints:\n%s\n\nthe README shows:\n%s", ex.cmd, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// shellWords splits a command line as a shell would for the README's
// examples: words, and "double" or 'single' quoted strings.
func shellWords(t *testing.T, s string) []string {
	var words []string
	var w strings.Builder
	quote, in := rune(0), false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		t.Fatalf("unclosed quote in %q", s)
	}
	if in {
		words = append(words, w.String())
	}
	return words
}
