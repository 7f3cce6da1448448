package catalog

import (
	"os"
	"path"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/roledex/roledex/internal/hostile"
	"github.com/roledex/roledex/internal/termcheck"
)

// TestLoadHostileFolder loads the hostile folder: every bad file gives
// exactly one problem, at the line in the file where it is; the valid
// hostile entries load; nothing hangs; and no text the catalog holds can
// drive a terminal, in any field of any entry.
func TestLoadHostileFolder(t *testing.T) {
	dir := hostile.Dir(t, "../testdata/hostile")
	type result struct {
		c     *Catalog
		probs Problems
	}
	done := make(chan result, 1)
	go func() {
		c, probs := Load(Source{FS: os.DirFS(dir), Name: "h", Root: dir})
		done <- result{c, probs}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("loading the hostile folder hung")
	}
	want := map[string]string{}
	for _, p := range hostile.Problems() {
		want["h/"+p.File] = "h/" + p.Want
	}
	got := map[string][]string{}
	for _, p := range r.probs {
		got[p.Path] = append(got[p.Path], p.Error())
	}
	for file, w := range want {
		if len(got[file]) != 1 || !strings.HasPrefix(got[file][0], w) {
			t.Errorf("%s: problems %q, want one starting %q", file, got[file], w)
		}
	}
	for file, msgs := range got {
		if _, ok := want[file]; !ok {
			t.Errorf("%s: unexpected problems %q", file, msgs)
		}
	}
	for _, id := range hostile.Valid {
		if r.c.Role(id) == nil {
			t.Errorf("valid hostile role %s did not load", id)
		}
	}
	if r.c.Pillar("hostile-pillar") == nil || r.c.Task("hostile-task") == nil {
		t.Error("the hostile pillar or task did not load")
	}
	for _, x := range []any{r.c.Roles, r.c.Pillars, r.c.Tasks} {
		eachString(reflect.ValueOf(x), "", func(where, s string) {
			if err := termcheck.Text(s, false); err != nil {
				t.Errorf("%s: %v", where, err)
			}
		})
	}
	// Escapes arrive as visible text, not as nothing.
	e := r.c.Role("escapes")
	for _, s := range []struct{ field, text, want string }{
		{"title", e.Title, "Evil ^[[31mRed^[[0m <U+009B>2J Title <U+202E>esrever<U+202C> ^Gbell ^?"},
		{"tools", strings.Join(e.Tools, "|"), "tool ^[[41m|ok-tool"},
		// Markdown reads a lone carriage return as the end of a line.
		{"notes", e.Notes, "A lone\ncarriage return and a C1 CSI <U+009B>2J in the notes."},
		{"responsibility", e.Responsibilities[3], "a lone carriage return"},
		{"pillar group", r.c.Pillar("hostile-pillar").Groups[0].Name, "Group ^[[5mblink <U+2066>isolate<U+2069>"},
		{"task alias", r.c.Task("hostile-task").Aliases[0], "alias ^[]0;pwned^G"},
	} {
		if !strings.Contains(s.text, s.want) {
			t.Errorf("%s = %q, want it to hold %q", s.field, s.text, s.want)
		}
	}
}

// eachString calls f with every exported string reachable from v, and
// where it is.
func eachString(v reflect.Value, where string, f func(where, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachString(v.Elem(), where, f)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if sf := v.Type().Field(i); sf.IsExported() && sf.Name != "Path" {
				eachString(v.Field(i), path.Join(where, sf.Name), f)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			eachString(v.Index(i), where, f)
		}
	case reflect.String:
		f(where, v.String())
	}
}
