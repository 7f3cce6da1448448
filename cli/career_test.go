package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/roledex/roledex/cli"
)

// careerRun runs roledex with args in an environment where only the
// variables in env are set, and returns the exit status and output.
func careerRun(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := cli.Env{
		Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""),
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(io.Writer) bool { return false },
		Size:       func(io.Writer) (int, int) { return 0, 0 },
	}
	code := cli.Execute(args, e)
	return code, out.String(), errOut.String()
}

// careerPlan returns a --state file in a fresh folder and a runner that
// passes it.
// The second runner fails the test unless the command succeeds, and
// returns its stdout.
func careerPlan(t *testing.T) (string, func(args ...string) (int, string, string), func(args ...string) string) {
	t.Helper()
	dir := t.TempDir()
	state := filepath.Join(dir, "mentee.json")
	// HOME points at an empty folder: nothing may land in a real home.
	env := map[string]string{"HOME": filepath.Join(dir, "home")}
	run := func(args ...string) (int, string, string) {
		t.Helper()
		return careerRun(t, env, append([]string{"--state", state}, args...)...)
	}
	must := func(args ...string) string {
		t.Helper()
		code, out, errOut := run(args...)
		return careerOK(t, code, out, errOut)
	}
	return state, run, must
}

// careerOK returns stdout of a run that must succeed.
func careerOK(t *testing.T, code int, stdout, stderr string) string {
	t.Helper()
	if code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	return stdout
}

// careerCatalog writes a catalog folder with the given roles; links maps
// a role id to its next_roles.
func careerMustRun(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	code, out, errOut := careerRun(t, env, args...)
	return careerOK(t, code, out, errOut)
}

func careerCatalog(t *testing.T, links map[string][]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "roles"), 0o755); err != nil {
		t.Fatal(err)
	}
	for id, next := range links {
		body := fmt.Sprintf(`---
title: Fixture %s
family: Fixtures
track: individual contributor
summary: A role for tests.
next_roles: [%s]
---

## Responsibilities

- Does %s things.

## Dimensions

### Scope

Everything %s does.
`, id, strings.Join(next, ", "), id, id)
		if err := os.WriteFile(filepath.Join(dir, "roles", id+".md"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCareerPath(t *testing.T) {
	_, _, must := careerPlan(t)
	out := must("path", "devops", "sre-lead")
	for _, want := range []string{"from DevOps Engineer to SRE Lead (shortest: 1 step)", "Route 1, 1 step", "  DevOps Engineer\n  → SRE Lead  (next step)"} {
		if !strings.Contains(out, want) {
			t.Errorf("path output lacks %q:\n%s", want, out)
		}
	}
	out = must("path", "DevOps", "VP Infrastructure", "--json")
	var got struct {
		From   struct{ ID string }
		To     struct{ ID string }
		Routes []struct {
			Roles []string
			Steps []struct{ From, To, Via string }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.From.ID != "devops-engineer" || got.To.ID != "vp-infrastructure" || len(got.Routes) == 0 {
		t.Fatalf("JSON = %+v", got)
	}
	if r := got.Routes[0]; !reflect.DeepEqual(r.Roles, []string{"devops-engineer", "vp-infrastructure"}) || r.Steps[0].Via != "next step" {
		t.Errorf("first route = %+v", r)
	}
}

func TestCareerPathNoRoute(t *testing.T) {
	_, run, _ := careerPlan(t)
	dir := careerCatalog(t, map[string][]string{"island": nil})
	code, out, errOut := run("--catalog", dir, "path", "devops", "island")
	if code != 1 || out != "" {
		t.Errorf("no route: exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, "there is no route from DevOps Engineer to Fixture island through next steps or reporting lines") {
		t.Errorf("stderr = %q", errOut)
	}
	code, out, _ = run("--catalog", dir, "path", "devops", "island", "--json")
	if code != 1 || !strings.Contains(out, `"routes": []`) {
		t.Errorf("no route, JSON: exit %d\n%s", code, out)
	}
	if code, _, errOut := run("path", "devops", "DevOps Engineer"); code != 2 || !strings.Contains(errOut, "two different roles") {
		t.Errorf("same role: exit %d, %q", code, errOut)
	}
	if code, _, errOut := run("path", "devops", "no-such-role"); code != 1 || !strings.Contains(errOut, "no role") {
		t.Errorf("unknown role: exit %d, %q", code, errOut)
	}
}

func TestCareerPathAll(t *testing.T) {
	_, _, must := careerPlan(t)
	// Five equal routes s → bN → t.
	links := map[string][]string{"s": {"b1", "b2", "b3", "b4", "b5"}, "t": nil}
	for i := 1; i <= 5; i++ {
		links[fmt.Sprintf("b%d", i)] = []string{"t"}
	}
	dir := careerCatalog(t, links)
	out := must("--catalog", dir, "path", "s", "t")
	if n := strings.Count(out, "\nRoute "); n != 3 || !strings.Contains(out, "add --all") {
		t.Errorf("default shows %d routes:\n%s", n, out)
	}
	if !strings.Contains(out, "→ Fixture b1") || strings.Contains(out, "→ Fixture b4") {
		t.Errorf("routes not in id order:\n%s", out)
	}
	out = must("--catalog", dir, "path", "s", "t", "--all")
	if n := strings.Count(out, "\nRoute "); n != 5 || strings.Contains(out, "More routes") {
		t.Errorf("--all shows %d routes:\n%s", n, out)
	}
}

func TestCareerPlanCommands(t *testing.T) {
	state, run, must := careerPlan(t)
	out := must("plan", "show")
	if !strings.Contains(out, "No plan yet at "+state) {
		t.Errorf("show without a plan: %q", out)
	}
	if _, err := os.Stat(state); !os.IsNotExist(err) {
		t.Fatalf("plan show created the file")
	}
	must("plan", "set-current", "devops")
	out = must("plan", "add-target", "sre-lead", "VP Infrastructure", "cto")
	if !strings.Contains(out, "Targets: SRE Lead, VP Infrastructure, Chief Technology Officer") {
		t.Errorf("add-target: %q", out)
	}
	out = must("plan", "remove-target", "cto")
	if !strings.Contains(out, "Targets: SRE Lead, VP Infrastructure\n") {
		t.Errorf("remove-target: %q", out)
	}
	if code, _, errOut := run("plan", "remove-target", "ciso"); code != 1 || !strings.Contains(errOut, "not a target") {
		t.Errorf("removing a role that is no target: exit %d %q", code, errOut)
	}
	if code, _, errOut := run("plan", "add-target", "devops"); code != 1 || !strings.Contains(errOut, "current role already") {
		t.Errorf("current role as target: exit %d %q", code, errOut)
	}
	must("plan", "note", "Shadow", "the", "on-call lead")
	must("plan", "note", "Read the SRE book")
	must("plan", "shortlist", "platform-engineer", "cloud-engineer")
	must("plan", "shortlist", "--remove", "cloud-engineer")
	must("plan", "tick", "sre-lead", "1", "tool-pagerduty")

	out = must("plan", "show")
	for _, want := range []string{
		"Plan file:    " + state, "Current role: DevOps Engineer",
		"• SRE Lead: 2 of ", "1 step away", "• VP Infrastructure: 0 of ",
		"Shortlist\n  • Platform Engineer\n",
		"Notes\n  Shadow the on-call lead\n\n  Read the SRE book\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plan show lacks %q:\n%s", want, out)
		}
	}
	out = must("plan", "show", "--json")
	var st struct {
		Version   int                 `json:"version"`
		Current   string              `json:"current"`
		Targets   []string            `json:"targets"`
		Shortlist []string            `json:"shortlist"`
		Ticked    map[string][]string `json:"ticked"`
		Notes     string              `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("plan show --json: %v\n%s", err, out)
	}
	if st.Version != 1 || st.Current != "devops-engineer" || !reflect.DeepEqual(st.Targets, []string{"sre-lead", "vp-infrastructure"}) ||
		!reflect.DeepEqual(st.Shortlist, []string{"platform-engineer"}) || len(st.Ticked["sre-lead"]) != 2 ||
		st.Notes != "Shadow the on-call lead\n\nRead the SRE book" {
		t.Errorf("plan = %+v", st)
	}
	must("plan", "note", "--replace", "Fresh start")
	must("plan", "untick", "sre-lead", "tool-pagerduty")
	out = must("plan", "show", "--json")
	if !strings.Contains(out, `"notes": "Fresh start"`) || strings.Contains(out, "tool-pagerduty") {
		t.Errorf("after replace and untick:\n%s", out)
	}
	if runtime.GOOS != "windows" {
		if fi, err := os.Stat(state); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("plan file mode: %v %v", fi.Mode(), err)
		}
	}
}

func TestCareerGapChecklist(t *testing.T) {
	_, run, must := careerPlan(t)
	// Without a plan: a checklist with nothing ticked.
	out := must("gap", "devops", "sre-lead")
	if !strings.Contains(out, "From DevOps Engineer to SRE Lead\n") || !strings.Contains(out, "items to work through") ||
		strings.Contains(out, "[x]") || !strings.Contains(out, "   1. [ ] ") {
		t.Errorf("gap without a plan:\n%s", out)
	}
	for _, want := range []string{"Responsibilities to take on", "Tools to learn", "What changes", "What the move leaves behind", "now:  ", "then: "} {
		if !strings.Contains(out, want) {
			t.Errorf("gap lacks %q", want)
		}
	}
	must("plan", "set-current", "devops")
	must("plan", "tick", "sre-lead", "2")
	out = must("gap", "devops", "sre-lead")
	if !strings.Contains(out, "   2. [x] ") || !strings.Contains(out, "   1. [ ] ") || strings.Count(out, "[x]") != 1 {
		t.Errorf("gap with item 2 ticked:\n%s", out)
	}
	if !strings.Contains(out, "1 of ") {
		t.Errorf("gap lacks the progress line:\n%s", out)
	}
	// Ticks belong to the target: the other target has none.
	if out := must("gap", "devops", "vp-infrastructure"); strings.Contains(out, "[x]") {
		t.Errorf("ticks leaked to another target:\n%s", out)
	}
	out = must("gap", "devops", "sre-lead", "--json")
	var g struct {
		Checklist []struct {
			Number int
			ID     string
			Kind   string
			Ticked bool
		}
		Drops   []struct{ ID string }
		Changes []struct{ Dimension, From, To string }
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("gap --json: %v\n%s", err, out)
	}
	if len(g.Checklist) < 3 || len(g.Changes) == 0 || len(g.Drops) == 0 {
		t.Fatalf("gap JSON = %+v", g)
	}
	for i, it := range g.Checklist {
		if it.Number != i+1 || it.Ticked != (i == 1) || !strings.HasPrefix(it.ID, it.Kind+"-") {
			t.Errorf("item %d = %+v", i+1, it)
		}
	}
	// Ticking by id works like ticking by number.
	must("plan", "tick", "sre-lead", g.Checklist[0].ID)
	if out := must("gap", "devops", "sre-lead"); strings.Count(out, "[x]") != 2 {
		t.Errorf("tick by id did not show:\n%s", out)
	}
	if code, _, errOut := run("plan", "tick", "sre-lead", "999"); code != 1 || !strings.Contains(errOut, "item 999 does not exist") {
		t.Errorf("tick 999: exit %d %q", code, errOut)
	}
}

func TestCareerExport(t *testing.T) {
	state, _, must := careerPlan(t)
	must("plan", "set-current", "devops")
	must("plan", "add-target", "sre-lead")
	must("plan", "tick", "sre-lead", "1")
	must("plan", "note", "Talk about *on-call* <script>")
	md := must("plan", "export")
	for _, want := range []string{"# Career plan\n", "## Where you are", "**DevOps Engineer**", "## Toward SRE Lead",
		"### Comparison", "### Route", "1. DevOps Engineer → SRE Lead *(next step)*", "### Gap checklist", "- [x] ", "- [ ] ",
		"## Notes\n\nTalk about *on-call* &lt;script&gt;", "Exported on "} {
		if !strings.Contains(md, want) {
			t.Errorf("export lacks %q:\n%s", want, md)
		}
	}
	file := filepath.Join(filepath.Dir(state), "plan.md")
	out := must("plan", "export", file)
	if out != "Exported the plan to "+file+"\n" {
		t.Errorf("export FILE said %q", out)
	}
	if got, err := os.ReadFile(file); err != nil || string(got) != md {
		t.Errorf("exported file differs from stdout export (%v)", err)
	}
}

func TestCareerStateFiles(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"XDG_STATE_HOME": filepath.Join(dir, "state"), "HOME": filepath.Join(dir, "home")}
	// Without --state the plan goes to $XDG_STATE_HOME/roledex/plan.json.
	careerMustRun(t, env, "plan", "set-current", "devops")
	if _, err := os.Stat(filepath.Join(dir, "state", "roledex", "plan.json")); err != nil {
		t.Errorf("default plan file: %v", err)
	}
	// --state keeps one plan per mentee, apart from the default one.
	anna, ben := filepath.Join(dir, "anna.json"), filepath.Join(dir, "ben.json")
	careerMustRun(t, env, "--state", anna, "plan", "set-current", "sre")
	careerMustRun(t, env, "--state", ben, "plan", "set-current", "qa-analyst")
	for file, want := range map[string]string{anna: "Site Reliability Engineer", ben: "Quality Assurance Analyst", "": "DevOps Engineer"} {
		args := []string{"plan", "show"}
		if file != "" {
			args = append([]string{"--state", file}, args...)
		}
		if out := careerMustRun(t, env, args...); !strings.Contains(out, "Current role: "+want) {
			t.Errorf("%s: %s", file, out)
		}
	}
	// A corrupt plan is moved aside with a warning naming both files.
	if err := os.WriteFile(anna, []byte("{oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := careerRun(t, env, "--state", anna, "plan", "show")
	if code != 0 || !strings.Contains(out, "No plan yet") {
		t.Errorf("corrupt plan: exit %d\n%s", code, out)
	}
	matches, _ := filepath.Glob(anna + ".corrupt-*")
	if len(matches) != 1 || !strings.Contains(errOut, "roledex: warning: plan file "+anna) || !strings.Contains(errOut, matches[0]) {
		t.Errorf("warning %q, moved files %q", errOut, matches)
	}
}
