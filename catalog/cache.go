package catalog

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// The parse cache keeps what the files of a user's folder parsed to, so a
// folder seen before loads without parsing again: YAML and goldmark cost
// ~0.4 ms a file, and a company catalog has a thousand of them. Each file
// is kept under its path with a stamp of what the file system says about
// it (size, modification and change times, inode); a file whose stamp
// differs is parsed again. The cache is a file (codec.go) in the user's cache
// folder, written atomically with mode 0600, and its key names the
// running executable (path, size, modification time), so any other build
// of roledex, with other parsing rules, starts afresh. Anything wrong
// with the file (missing, truncated, from another build) means an empty
// cache, never an error.

// cacheVersion changes whenever the shape of the cache file does.
const cacheVersion = 1

// maxCacheSize bounds what is read of a cache file.
const maxCacheSize = 512 << 20

// racyWindow: a file changed this recently when the cache is written is
// not kept, since a change within the same clock tick would not alter its
// stamp (git's "racily clean" entries).
const racyWindow = 2 * time.Second

// cacheNow is the clock writeCache reads; tests move it.
var cacheNow = time.Now

// fileStamp is what the file system says about a file; equal stamps are
// taken to mean equal contents.
type fileStamp struct {
	Size, ModTime, ChangeTime int64
	Inode                     uint64
}

func stampOf(info fs.FileInfo) fileStamp {
	s := fileStamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
	s.ChangeTime, s.Inode = sysStamp(info)
	return s
}

// recent reports whether the file changed within racyWindow of now.
func (s fileStamp) recent(now time.Time) bool {
	limit := now.Add(-racyWindow).UnixNano()
	return s.ModTime > limit || s.ChangeTime > limit
}

// cachedFile is the result of parsing one file.
type cachedFile struct {
	Stamp  fileStamp
	Shown  string // the path messages show
	Kind   kind
	ID     string
	Role   *Role
	Pillar *Pillar
	Task   *Task
	Probs  Problems
}

type folderCache struct {
	Key   string
	Files map[string]cachedFile // by path in the folder
}

// cacheMagic opens a cache file and names its format.
const cacheMagic = "roledex parse cache 2\n"

func (e *encoder) folderCache(c folderCache) {
	e.b = append(e.b, cacheMagic...)
	e.str(c.Key)
	paths := make([]string, 0, len(c.Files))
	for p := range c.Files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	e.uint(uint64(len(paths)))
	for _, p := range paths {
		f := c.Files[p]
		e.str(p)
		e.int(f.Stamp.Size)
		e.int(f.Stamp.ModTime)
		e.int(f.Stamp.ChangeTime)
		e.uint(f.Stamp.Inode)
		e.str(f.Shown)
		e.uint(uint64(f.Kind))
		e.str(f.ID)
		switch {
		case f.Role != nil:
			e.uint(1)
			e.role(f.Role)
		case f.Pillar != nil:
			e.uint(2)
			e.pillar(f.Pillar)
		case f.Task != nil:
			e.uint(3)
			e.task(f.Task)
		default:
			e.uint(0)
		}
		e.problems(f.Probs)
	}
}

func (d *decoder) folderCache() (folderCache, error) {
	c := folderCache{Files: map[string]cachedFile{}}
	if !strings.HasPrefix(d.s, cacheMagic) {
		return c, errCorrupt
	}
	d.s = d.s[len(cacheMagic):]
	c.Key = d.str()
	for range d.count() {
		p := d.str()
		f := cachedFile{Stamp: fileStamp{Size: d.int(), ModTime: d.int(), ChangeTime: d.int(), Inode: d.uint()},
			Shown: d.str(), Kind: kind(d.uint()), ID: d.str()}
		switch d.uint() {
		case 0:
		case 1:
			f.Role = d.role()
		case 2:
			f.Pillar = d.pillar()
		case 3:
			f.Task = d.task()
		default:
			d.fail()
		}
		f.Probs = d.problems()
		if d.err != nil {
			return c, d.err
		}
		c.Files[p] = f
	}
	if d.s != "" {
		return c, errCorrupt
	}
	return c, d.err
}

// cacheKey names this build of roledex.
var cacheKey = sync.OnceValue(func() string {
	key := fmt.Sprintf("roledex parse cache v%d", cacheVersion)
	exe, err := os.Executable()
	if err != nil {
		return key
	}
	if st, err := os.Stat(exe); err == nil {
		key += fmt.Sprintf(" %s %d %d", exe, st.Size(), st.ModTime().UnixNano())
	}
	return key
})

// readCache returns the cache in file, or an empty one.
func readCache(file string) folderCache {
	empty := folderCache{Key: cacheKey(), Files: map[string]cachedFile{}}
	if st, err := os.Stat(file); err != nil || !st.Mode().IsRegular() || st.Size() > maxCacheSize {
		return empty
	}
	data, err := readShared(file)
	if err != nil || len(data) > maxCacheSize {
		return empty
	}
	c, err := newDecoder(data).folderCache()
	if err != nil || c.Key != empty.Key {
		return empty
	}
	return c
}

// lookup returns the cached result for the job if its file is unchanged.
func (c folderCache) lookup(j *parseJob) bool {
	e, ok := c.Files[j.path]
	if !ok || e.Stamp != j.stamp || e.Shown != j.shown || e.Kind != j.kind || e.ID != j.id {
		return false
	}
	j.role, j.pillar, j.task, j.probs = e.Role, e.Pillar, e.Task, e.Probs
	return true
}

// writeCache records the jobs' results in file, atomically. Failing to
// write a cache is not worth a message: the next run parses again.
func writeCache(file string, jobs []parseJob) {
	now := cacheNow()
	c := folderCache{Key: cacheKey(), Files: map[string]cachedFile{}}
	for i := range jobs {
		j := &jobs[i]
		if !j.cacheable || j.stamp.recent(now) {
			continue
		}
		c.Files[j.path] = cachedFile{Stamp: j.stamp, Shown: j.shown, Kind: j.kind, ID: j.id,
			Role: j.role, Pillar: j.pillar, Task: j.task, Probs: j.probs}
	}
	e := &encoder{}
	e.folderCache(c)
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(file)+".*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.Write(e.b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Chmod(tmp.Name(), 0o600) != nil || os.Rename(tmp.Name(), file) != nil {
		os.Remove(tmp.Name())
	}
}
