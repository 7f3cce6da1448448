package plan

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/content"
)

// FuzzReadState: any plan file is read as a plan, or found corrupt or
// newer, never a panic; a plan read from it exports as markdown.
func FuzzReadState(f *testing.F) {
	for _, seed := range []string{
		`{"version":1,"current":"devops-engineer","targets":["sre-lead"],"ticked":{"sre-lead":["resp:1"]},"notes":"hi"}`,
		`{"version":99}`,
		`{"version":"1"}`,
		`{"version":1,"targets":[1,2]}`,
		`not json`,
		``,
		`{"version":1,"notes":"\u001b[31m"}`,
	} {
		f.Add([]byte(seed))
	}
	cat, _ := catalog.Load(catalog.Source{FS: content.FS, Name: "content", Snapshot: content.Snapshot})
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "plan.json")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		st, status, _, err := readState(path)
		if err != nil {
			t.Fatalf("a regular file gave an error: %v", err)
		}
		if status == fileOK {
			_ = Export(cat, st, time.Unix(0, 0).UTC())
		}
	})
}
