package catalog

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// copyTree copies the catalog folder src to a new temporary folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// laterClock makes writeCache see every file as written long ago (files
// a test has just written would otherwise be too recent to keep).
func laterClock(t *testing.T) {
	t.Cleanup(func() { cacheNow = time.Now })
	cacheNow = func() time.Time { return time.Now().Add(time.Hour) }
}

func loadCached(dir, cache string) (*Catalog, Problems) {
	return Load(Source{FS: os.DirFS(dir), Name: "ours", Root: dir, Cache: cache})
}

// sameCatalog fails unless a and b hold the same entries, line numbers
// included, and the same problems.
func sameCatalog(t *testing.T, what string, a, b *Catalog, pa, pb Problems) {
	t.Helper()
	if !reflect.DeepEqual(a.Roles, b.Roles) || !reflect.DeepEqual(a.Pillars, b.Pillars) || !reflect.DeepEqual(a.Tasks, b.Tasks) {
		t.Errorf("%s: entries differ from a fresh parse", what)
	}
	if !reflect.DeepEqual(pa, pb) {
		t.Errorf("%s: problems differ:\n%v\nwant\n%v", what, pa, pb)
	}
}

func TestCacheSameAsParse(t *testing.T) {
	laterClock(t)
	for _, src := range []string{goodDir, brokenDir} {
		dir := copyTree(t, src)
		cache := filepath.Join(t.TempDir(), "c", "cache.gob")
		fresh, freshProbs := Load(Source{FS: os.DirFS(dir), Name: "ours", Root: dir})
		first, firstProbs := loadCached(dir, cache)
		sameCatalog(t, src+" (writing the cache)", first, fresh, firstProbs, freshProbs)
		st, err := os.Stat(cache)
		if err != nil {
			t.Fatalf("%s: no cache written: %v", src, err)
		}
		if perm := st.Mode().Perm(); perm != 0o600 {
			t.Errorf("cache mode %o, want 600", perm)
		}
		second, secondProbs := loadCached(dir, cache)
		sameCatalog(t, src+" (from the cache)", second, fresh, secondProbs, freshProbs)
	}
}

// rewriteCache decodes the cache file, lets edit change it and writes it
// back.
func rewriteCache(t *testing.T, file string, edit func(*folderCache)) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newDecoder(data).folderCache()
	if err != nil {
		t.Fatal(err)
	}
	edit(&c)
	e := &encoder{}
	e.folderCache(c)
	if err := os.WriteFile(file, e.b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestCacheUsedUntilFileChanges: an unchanged file is taken from the
// cache (a title planted in the cache shows), a changed or removed file
// is read again.
func TestCacheUsedUntilFileChanges(t *testing.T) {
	laterClock(t)
	dir := copyTree(t, goodDir)
	cache := filepath.Join(t.TempDir(), "cache.gob")
	loadCached(dir, cache)
	rewriteCache(t, cache, func(c *folderCache) {
		e := c.Files["roles/ops-engineer.md"]
		e.Role.Title = "Planted In The Cache"
		c.Files["roles/ops-engineer.md"] = e
	})
	c, _ := loadCached(dir, cache)
	if got := c.Role("ops-engineer").Title; got != "Planted In The Cache" {
		t.Fatalf("unchanged file not read from the cache: title %q", got)
	}

	file := filepath.Join(dir, "roles", "ops-engineer.md")
	data, _ := os.ReadFile(file)
	edited := strings.Replace(string(data), "title: ", "title: Renamed ", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _ = loadCached(dir, cache)
	if got := c.Role("ops-engineer").Title; !strings.HasPrefix(got, "Renamed ") {
		t.Errorf("changed file: title %q, want the edited one", got)
	}

	if err := os.Remove(filepath.Join(dir, "roles", "web-developer.md")); err != nil {
		t.Fatal(err)
	}
	c, _ = loadCached(dir, cache)
	if c.Role("web-developer") != nil {
		t.Error("a removed file still loads from the cache")
	}
}

// TestCacheRecentFilesNotKept: a file changed just before the cache is
// written is left out of it, since a change within the same clock tick
// would not show in its stamp.
func TestCacheRecentFilesNotKept(t *testing.T) {
	dir := copyTree(t, goodDir)
	cache := filepath.Join(t.TempDir(), "cache.gob")
	loadCached(dir, cache)
	rewriteCache(t, cache, func(c *folderCache) {
		if len(c.Files) != 0 {
			t.Errorf("%d files just written were cached", len(c.Files))
		}
	})
}

// TestCacheBadFile: a cache that is garbage, truncated or from another
// build is ignored and replaced.
func TestCacheBadFile(t *testing.T) {
	laterClock(t)
	dir := copyTree(t, goodDir)
	fresh, freshProbs := Load(Source{FS: os.DirFS(dir), Name: "ours", Root: dir})
	cache := filepath.Join(t.TempDir(), "cache.gob")
	loadCached(dir, cache)
	good, _ := os.ReadFile(cache)
	for name, data := range map[string][]byte{
		"garbage":   []byte("not a gob file at all"),
		"truncated": good[:len(good)/2],
		"empty":     nil,
	} {
		if err := os.WriteFile(cache, data, 0o600); err != nil {
			t.Fatal(err)
		}
		c, probs := loadCached(dir, cache)
		sameCatalog(t, name, c, fresh, probs, freshProbs)
	}
	rewriteCache(t, cache, func(c *folderCache) {
		c.Key = "another build"
		for k, e := range c.Files {
			if e.Role != nil {
				e.Role.Title = "From Another Build"
				c.Files[k] = e
			}
		}
	})
	c, _ := loadCached(dir, cache)
	for _, r := range c.Roles {
		if r.Title == "From Another Build" {
			t.Fatal("a cache of another build was used")
		}
	}
}
