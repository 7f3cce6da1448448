package plan

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

var fixedNow = time.Date(2026, 3, 14, 9, 26, 53, 0, time.UTC)

// openAt opens path with a fixed clock.
func openAt(t *testing.T, path string) (*Store, []Warning) {
	t.Helper()
	s, warns, err := open(path, func() time.Time { return fixedNow })
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s, warns
}

func update(t *testing.T, s *Store, change func(*State)) {
	t.Helper()
	if err := s.Update(change); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "roledex", "plan.json")
	s, warns := openAt(t, path)
	if len(warns) != 0 {
		t.Errorf("warnings for a missing file: %v", warns)
	}
	if got := s.State(); !reflect.DeepEqual(got, New()) {
		t.Errorf("missing file gives %+v, want an empty plan", got)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("Open created the file (err %v)", err)
	}
	update(t, s, func(st *State) {
		st.Current = "devops-engineer"
		st.AddTarget("sre-lead")
		st.AddTarget("vp-infrastructure")
		st.AddTarget("sre-lead")
		st.Shortlist = append(st.Shortlist, "platform-engineer")
		st.SetTicked("sre-lead", "tool-pagerduty", true)
		st.SetTicked("sre-lead", "dimension-scope", true)
		st.Notes = "Talk about on-call.\n- ask for a rotation"
	})
	want := State{Version: 1, Current: "devops-engineer", Targets: []string{"sre-lead", "vp-infrastructure"},
		Shortlist: []string{"platform-engineer"},
		Ticked:    map[string][]string{"sre-lead": {"dimension-scope", "tool-pagerduty"}},
		Notes:     "Talk about on-call.\n- ask for a rotation", Updated: fixedNow}
	if got := s.State(); !reflect.DeepEqual(got, want) {
		t.Errorf("after Update:\n%+v\nwant\n%+v", got, want)
	}
	again, warns := openAt(t, path)
	if len(warns) != 0 {
		t.Errorf("warnings reading our own file: %v", warns)
	}
	if got := again.State(); !reflect.DeepEqual(got, want) {
		t.Errorf("read back:\n%+v\nwant\n%+v", got, want)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatalf("file is not JSON: %v\n%s", err, raw)
	}
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if want := []string{"current", "notes", "shortlist", "targets", "ticked", "updated", "version"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("file keys = %q, want %q", keys, want)
	}
	if !strings.Contains(string(raw), `"version": 1`) || !strings.Contains(string(raw), `"updated": "2026-03-14T09:26:53Z"`) {
		t.Errorf("file:\n%s", raw)
	}
	// Ticks come off again, and an empty list disappears.
	update(t, again, func(st *State) {
		st.SetTicked("sre-lead", "tool-pagerduty", false)
		st.SetTicked("sre-lead", "dimension-scope", false)
		st.RemoveTarget("sre-lead")
	})
	if got := again.State(); len(got.Ticked) != 0 || !reflect.DeepEqual(got.Targets, []string{"vp-infrastructure"}) {
		t.Errorf("after unticking: %+v", got)
	}
}

func TestAtomicReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.json")
	// A file someone made readable by all is replaced by a private one.
	if err := os.WriteFile(path, []byte(`{"version": 1, "current": "qa-analyst"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	s, _ := openAt(t, path)
	for i := 0; i < 5; i++ {
		update(t, s, func(st *State) { st.AddTarget(fmt.Sprintf("role-%d", i)) })
	}
	if got := dirNames(t, dir); !reflect.DeepEqual(got, []string{"plan.json"}) {
		t.Errorf("folder holds %q, want only plan.json (no temporary or lock files)", got)
	}
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if perm := after.Mode().Perm(); perm != 0o600 {
			t.Errorf("permissions %v, want 0600", perm)
		}
		if os.SameFile(before, after) {
			t.Errorf("the file was rewritten in place, not replaced by a rename")
		}
	}
	if got, _ := openAt(t, path); got.State().Current != "qa-analyst" || len(got.State().Targets) != 5 {
		t.Errorf("read back %+v", got.State())
	}
}

func TestAtomicWriteFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// A folder where the file should be makes the final rename fail.
	path := filepath.Join(dir, "plan.json")
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("{}")); err == nil {
		t.Fatal("writing over a folder succeeded")
	}
	if got := dirNames(t, dir); !reflect.DeepEqual(got, []string{"plan.json"}) {
		t.Errorf("folder holds %q after a failed write, want no temporary file", got)
	}
	// The store refuses to treat a folder as a plan, and does not move it.
	if _, _, err := Open(path); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Open(folder) error = %v", err)
	}
}

func TestCorruptFileMovedAside(t *testing.T) {
	cases := map[string]string{
		"syntax":      `{"version": 1, "current": "sre"`,
		"empty":       ``,
		"null":        `null`,
		"array":       `["sre-lead"]`,
		"no version":  `{"current": "sre-lead"}`,
		"zero":        `{"version": 0}`,
		"text":        `{"version": "1"}`,
		"wrong type":  `{"version": 1, "targets": "sre-lead"}`,
		"binary junk": "\x00\x01\xff",
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "plan.json")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			s, warns, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			moved := path + ".corrupt-"
			if len(warns) != 1 || !strings.HasPrefix(warns[0].MovedTo, moved) || warns[0].Path != path {
				t.Fatalf("warnings = %+v, want one naming %s and %s…", warns, path, moved)
			}
			w := warns[0]
			if !strings.Contains(w.Message, path) || !strings.Contains(w.Message, w.MovedTo) {
				t.Errorf("message %q does not name both paths", w.Message)
			}
			if got, err := os.ReadFile(w.MovedTo); err != nil || string(got) != content {
				t.Errorf("moved file holds %q (%v), want the original", got, err)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("the corrupt file is still at %s", path)
			}
			if !reflect.DeepEqual(s.State(), New()) {
				t.Errorf("state = %+v, want a new plan", s.State())
			}
			update(t, s, func(st *State) { st.Current = "sre-lead" })
			if got := dirNames(t, dir); len(got) != 2 {
				t.Errorf("folder holds %q, want the new plan and the moved file", got)
			}
		})
	}
}

func TestCorruptFileFoundByUpdate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.json")
	s, _ := openAt(t, path)
	update(t, s, func(st *State) { st.AddTarget("sre-lead") })
	// Another program breaks the file while the store is open.
	if err := os.WriteFile(path, []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(st *State) { st.AddTarget("cto") })
	warns := s.Warnings()
	if len(warns) != 1 || warns[0].MovedTo != path+".corrupt-20260314T092653Z" {
		t.Fatalf("warnings = %+v", warns)
	}
	if got, _ := os.ReadFile(warns[0].MovedTo); string(got) != "garbage" {
		t.Errorf("moved file holds %q", got)
	}
	// What this store knew is saved again, with the change.
	if got, _ := openAt(t, path); !reflect.DeepEqual(got.State().Targets, []string{"sre-lead", "cto"}) {
		t.Errorf("targets = %q", got.State().Targets)
	}
	if len(s.Warnings()) != 0 {
		t.Errorf("Warnings did not forget what it returned")
	}
}

func TestNewerVersionMovedAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.json")
	// A future format may change field types too: the version decides.
	content := `{"version": 2, "targets": {"sre-lead": {"priority": 1}}, "notes": ["a", "b"]}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s, warns := openAt(t, path)
	if len(warns) != 1 || warns[0].MovedTo != path+".newer-20260314T092653Z" {
		t.Fatalf("warnings = %+v", warns)
	}
	if m := warns[0].Message; !strings.Contains(m, "version 2") || !strings.Contains(m, path) || !strings.Contains(m, warns[0].MovedTo) {
		t.Errorf("message = %q", m)
	}
	if got, _ := os.ReadFile(warns[0].MovedTo); string(got) != content {
		t.Errorf("moved file holds %q", got)
	}
	if !reflect.DeepEqual(s.State(), New()) {
		t.Errorf("state = %+v", s.State())
	}
	// A second newer file in the same second does not replace the first.
	if err := os.WriteFile(path, []byte(`{"version": 7}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, warns = openAt(t, path)
	if len(warns) != 1 || warns[0].MovedTo != path+".newer-20260314T092653Z-2" {
		t.Fatalf("second warnings = %+v", warns)
	}
	if got, _ := os.ReadFile(path + ".newer-20260314T092653Z"); string(got) != content {
		t.Errorf("first moved file was overwritten: %q", got)
	}
}

func TestTwoWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.json")
	seed, _ := openAt(t, path)
	update(t, seed, func(st *State) {
		st.Current = "devops-engineer"
		st.Targets = []string{"sre-lead", "cto"}
		st.Notes = "first session"
	})
	a, _ := openAt(t, path)
	b, _ := openAt(t, path)
	// Different fields: both changes survive, whatever the order.
	update(t, a, func(st *State) {
		st.Current = "site-reliability-engineer"
		st.RemoveTarget("cto")
		st.SetTicked("sre-lead", "tool-pagerduty", true)
	})
	update(t, b, func(st *State) {
		st.AddTarget("vp-infrastructure")
		st.Shortlist = append(st.Shortlist, "platform-engineer")
		st.SetTicked("sre-lead", "dimension-scope", true)
		st.Notes += "\nsecond session"
	})
	want := State{Version: 1, Current: "site-reliability-engineer", Targets: []string{"sre-lead", "vp-infrastructure"},
		Shortlist: []string{"platform-engineer"},
		Ticked:    map[string][]string{"sre-lead": {"dimension-scope", "tool-pagerduty"}},
		Notes:     "first session\nsecond session", Updated: fixedNow}
	disk, _ := openAt(t, path)
	if got := disk.State(); !reflect.DeepEqual(got, want) {
		t.Errorf("file after two writers:\n%+v\nwant\n%+v", got, want)
	}
	if !reflect.DeepEqual(b.State(), want) {
		t.Errorf("second writer's view = %+v", b.State())
	}
	if w := append(a.Warnings(), b.Warnings()...); len(w) != 0 {
		t.Errorf("warnings for a clean merge: %v", w)
	}

	// The same field: current goes to the last writer, notes keep both.
	for _, s := range []*Store{a, b} {
		if w, err := s.Reload(); err != nil || len(w) != 0 {
			t.Fatalf("Reload: %v %v", w, err)
		}
	}
	update(t, a, func(st *State) { st.Current = "cloud-engineer"; st.Notes = "A's notes" })
	update(t, b, func(st *State) { st.Current = "platform-engineer"; st.Notes = "B's notes" })
	got := b.State()
	if got.Current != "platform-engineer" {
		t.Errorf("current = %q, want the last writer's", got.Current)
	}
	if !strings.HasPrefix(got.Notes, "B's notes\n\n"+notesMarkerPrefix) || !strings.HasSuffix(got.Notes, "---\n\nA's notes") {
		t.Errorf("notes =\n%s", got.Notes)
	}
	warns := b.Warnings()
	if len(warns) != 2 || !strings.Contains(warns[0].Message, "cloud-engineer") || !strings.Contains(warns[1].Message, "notes") {
		t.Errorf("warnings = %v", warns)
	}
	// A, updating later, picks the merged notes up without a new conflict.
	update(t, a, func(st *State) { st.AddTarget("cto") })
	if got := a.State(); got.Notes != b.State().Notes || got.Current != "platform-engineer" || len(a.Warnings()) != 0 {
		t.Errorf("later update: %+v", got)
	}
}

func TestConcurrentWritersLoseNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.json")
	const writers, each = 6, 8
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// One store per writer: they share nothing but the file.
			s, _, err := Open(path)
			if err != nil {
				errs <- err
				return
			}
			for i := 0; i < each; i++ {
				if err := s.Update(func(st *State) { st.AddTarget(fmt.Sprintf("w%d-%d", w, i)) }); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s, _ := openAt(t, path)
	if got := len(s.State().Targets); got != writers*each {
		t.Errorf("%d targets saved, want %d: %q", got, writers*each, s.State().Targets)
	}
	if got := dirNames(t, dir); !reflect.DeepEqual(got, []string{"plan.json"}) {
		t.Errorf("folder holds %q", got)
	}
}

func TestLock(t *testing.T) {
	oldTimeout, oldStale := lockTimeout, staleAfter
	t.Cleanup(func() { lockTimeout, staleAfter = oldTimeout, oldStale })
	lockTimeout, staleAfter = 300*time.Millisecond, 10*time.Second

	path := filepath.Join(t.TempDir(), "plan.json")
	s, _ := openAt(t, path)
	// A live lock makes Update wait, then give up, naming the lock file.
	if err := os.WriteFile(path+".lock", []byte("someone else"), 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err := s.Update(func(st *State) { st.Current = "x" })
	if err == nil || !strings.Contains(err.Error(), path+".lock") {
		t.Fatalf("Update under a live lock: %v", err)
	}
	if waited := time.Since(start); waited < lockTimeout {
		t.Errorf("gave up after %v, before the %v timeout", waited, lockTimeout)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the plan was written without the lock")
	}
	// A lock left by a crashed process is broken once it is stale.
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(path+".lock", old, old); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(st *State) { st.Current = "x" })
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Errorf("lock file left behind: %v", err)
	}
	// Release leaves a lock that is not ours alone.
	release, err := acquireLock(path + ".lock")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".lock", []byte("taken over"), 0o600); err != nil {
		t.Fatal(err)
	}
	release()
	if got, _ := os.ReadFile(path + ".lock"); string(got) != "taken over" {
		t.Errorf("release removed another process's lock")
	}
}

func TestMerge3(t *testing.T) {
	cases := []struct{ base, theirs, ours, want []string }{
		{nil, nil, []string{"a"}, []string{"a"}},
		{[]string{"a", "b"}, []string{"a", "b", "c"}, []string{"b", "d"}, []string{"b", "c", "d"}},
		{[]string{"a"}, []string{}, []string{"a"}, []string{}},                           // they removed a
		{[]string{"a"}, []string{"a"}, []string{}, []string{}},                           // we removed a
		{[]string{}, []string{"x"}, []string{"x"}, []string{"x"}},                        // both added x
		{[]string{"a", "b"}, []string{"b", "a"}, []string{"a", "b"}, []string{"b", "a"}}, // their order
	}
	for _, c := range cases {
		if got := merge3(c.base, c.theirs, c.ours); !reflect.DeepEqual(got, c.want) {
			t.Errorf("merge3(%q, %q, %q) = %q, want %q", c.base, c.theirs, c.ours, got, c.want)
		}
	}
}

func TestPathFromEnv(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	cases := []struct {
		goos string
		env  func(string) string
		want string
	}{
		{"linux", env("XDG_STATE_HOME", "/x/state", "HOME", "/home/m"), "/x/state/roledex/plan.json"},
		{"linux", env("XDG_STATE_HOME", "relative/state", "HOME", "/home/m"), "/home/m/.local/state/roledex/plan.json"},
		{"darwin", env("HOME", "/Users/m"), "/Users/m/.local/state/roledex/plan.json"},
		{"windows", env("LocalAppData", `C:\Users\m\AppData\Local`, "AppData", `C:\Users\m\AppData\Roaming`), `C:\Users\m\AppData\Local\roledex\plan.json`},
		{"windows", env("APPDATA", `C:\Users\m\AppData\Roaming\`), `C:\Users\m\AppData\Roaming\roledex\plan.json`},
	}
	for _, c := range cases {
		got, err := PathFromEnv(c.goos, c.env)
		if err != nil || filepath.ToSlash(got) != filepath.ToSlash(c.want) {
			t.Errorf("%s: %q, %v; want %q", c.goos, got, err, c.want)
		}
	}
	if got, err := PathFromEnv("linux", env()); err == nil {
		t.Errorf("no HOME: %q, want an error", got)
	}
}
