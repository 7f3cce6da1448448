package catalog

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// MaxFileSize is the largest catalog file roledex reads; larger files are
// skipped with a warning.
const MaxFileSize = 1 << 20

// Source is a folder of catalog files.
type Source struct {
	// FS holds the files: roles/, pillars/ and tasks/ with *.md inside.
	FS fs.FS
	// Name is the folder as the user knows it; messages show paths under it.
	Name string
	// Snapshot, when set, holds the entries already parsed (see
	// Catalog.Snapshot); FS is then not read. If it cannot be decoded, FS
	// is parsed instead.
	Snapshot []byte
	// Root is the folder on disk when FS is os.DirFS(Root). It lets the
	// loader follow symbolic links that stay inside it and refuse the rest;
	// without it, symbolic links are skipped.
	Root string
	// Cache, when set, is a file where the parsed files of this folder are
	// kept between runs (see cache.go): files unchanged since are not
	// parsed again.
	Cache string
}

type kind int

const (
	kindNone kind = iota
	kindRole
	kindPillar
	kindTask
)

// kindOf tells what a file holds from the nearest roles/, pillars/ or
// tasks/ folder above it.
func kindOf(p string) kind {
	dirs := strings.Split(path.Dir(p), "/")
	for i := len(dirs) - 1; i >= 0; i-- {
		switch dirs[i] {
		case "roles":
			return kindRole
		case "pillars":
			return kindPillar
		case "tasks":
			return kindTask
		}
	}
	return kindNone
}

// loaded is what one source contributes before merging.
type loaded struct {
	roles   []*Role
	pillars []*Pillar
	tasks   []*Task
}

// Load reads every source in order and builds a catalog. Entries of a later
// source replace entries of an earlier one with the same id. Every problem
// found is returned; files with problems are left out and the rest load.
func Load(sources ...Source) (*Catalog, Problems) {
	var probs Problems
	roles := map[string]*Role{}
	pillars := map[string]*Pillar{}
	tasks := map[string]*Task{}
	for _, src := range sources {
		l := loadSource(src, &probs)
		for _, r := range l.roles {
			roles[r.ID] = r
		}
		for _, p := range l.pillars {
			pillars[p.ID] = p
		}
		for _, t := range l.tasks {
			tasks[t.ID] = t
		}
	}
	c := newCatalog(roles, pillars, tasks)
	c.validate(&probs)
	c.index()
	probs.sort()
	return c, probs.capPerFile()
}

// parseJob is one file to read and parse.
type parseJob struct {
	path, shown, id string
	kind            kind
	role            *Role
	pillar          *Pillar
	task            *Task
	probs           Problems
	// stamp is the file's, when a cache is in use; cacheable is false for
	// files that may not be cached (symbolic links: their target's
	// changes do not show in the link's stamp).
	stamp     fileStamp
	cacheable bool
	cached    bool // the result came from the cache
}

func loadSource(src Source, probs *Problems) loaded {
	if src.Snapshot != nil {
		if l, err := decodeSnapshot(src.Snapshot); err == nil {
			return l
		}
	}
	var l loaded
	var jobs []parseJob
	// The cache is read and decoded while the walk below looks at every
	// file's stamp: the two take about as long (O*NET: ~900 files).
	var cache folderCache
	cacheRead := make(chan struct{})
	if src.Cache != "" {
		go func() {
			defer close(cacheRead)
			cache = readCache(src.Cache)
		}()
	} else {
		close(cacheRead)
	}
	firstSeen := map[string]string{}
	// found counts the catalog files, stray the other .md files: a folder
	// without catalog files is a mistake worth naming.
	found, stray, unreadable := 0, 0, false
	display := func(p string) string {
		if src.Name == "" {
			return p
		}
		return path.Join(src.Name, p)
	}
	err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			unreadable = unreadable || p == "."
			probs.warn(display(p), 0, "cannot read: %v", cleanErr(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != "." && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".md") || strings.HasPrefix(name, ".") {
			return nil
		}
		k := kindOf(p)
		if k == kindNone {
			if !strings.EqualFold(name, "README.md") {
				stray++
			}
			return nil
		}
		found++
		shown := display(p)
		if d.Type()&fs.ModeSymlink != 0 {
			if why := src.checkLink(p); why != "" {
				probs.warn(shown, 0, "skipped: %s", why)
				return nil
			}
		} else if !d.Type().IsRegular() {
			probs.warn(shown, 0, "skipped: not a regular file (%s)", typeName(d.Type()))
			return nil
		}
		id := strings.TrimSuffix(name, ".md")
		if !idRe.MatchString(id) {
			probs.add(shown, 1, "file name %q is not a valid id: use lower-case letters, digits and hyphens", Sanitize(name))
			return nil
		}
		key := string(rune('0'+k)) + id
		if prev, dup := firstSeen[key]; dup {
			probs.add(shown, 1, "duplicate id %q: also defined in %s", id, prev)
			return nil
		}
		firstSeen[key] = shown
		job := parseJob{path: p, shown: shown, id: id, kind: k}
		if src.Cache != "" && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				job.stamp, job.cacheable = stampOf(info), true
			}
		}
		jobs = append(jobs, job)
		return nil
	})
	<-cacheRead
	for i := range jobs {
		if jobs[i].cacheable {
			jobs[i].cached = cache.lookup(&jobs[i])
		}
	}
	if err != nil {
		probs.add(display("."), 0, "cannot read catalog folder: %v", cleanErr(err))
	}
	if found == 0 && err == nil && !unreadable {
		hint := ""
		switch {
		case stray == 1:
			hint = " (1 .md file here is outside those folders)"
		case stray > 1:
			hint = fmt.Sprintf(" (%d .md files here are outside those folders)", stray)
		}
		probs.add(display("."), 0, "no catalog files: put roles in roles/<id>.md, pillars in pillars/<id>.md, tasks in tasks/<id>.md%s", hint)
	}
	if parsed := parseAll(src, jobs); src.Cache != "" && (parsed > 0 || len(jobs) != len(cache.Files)) {
		writeCache(src.Cache, jobs)
	}
	// Results in walk order, so problems and entries come out the same
	// way every time.
	for i := range jobs {
		j := &jobs[i]
		*probs = append(*probs, j.probs...)
		switch {
		case j.role != nil:
			l.roles = append(l.roles, j.role)
		case j.pillar != nil:
			l.pillars = append(l.pillars, j.pillar)
		case j.task != nil:
			l.tasks = append(l.tasks, j.task)
		}
	}
	return l
}

// parseAll reads and parses the files not found in the cache on every
// core: each file is independent, and parsing (YAML and markdown) is
// most of loading. It returns how many it parsed.
func parseAll(src Source, jobs []parseJob) int {
	var todo []int
	for i := range jobs {
		if !jobs[i].cached {
			todo = append(todo, i)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				jobs[i].run(src)
			}
		}()
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	return len(todo)
}

func (j *parseJob) run(src Source) {
	data, ok := readLimited(src.FS, j.path, j.shown, &j.probs)
	if !ok {
		return
	}
	switch j.kind {
	case kindRole:
		j.role = parseRole(j.shown, j.id, data, &j.probs)
	case kindPillar:
		j.pillar = parsePillar(j.shown, j.id, data, &j.probs)
	case kindTask:
		j.task = parseTask(j.shown, j.id, data, &j.probs)
	}
}

// checkLink says why the symbolic link at p may not be read, or "" when
// it leads to a regular file inside the catalog folder.
func (src Source) checkLink(p string) string {
	if src.Root == "" {
		return "symbolic link (not followed)"
	}
	root, err := filepath.EvalSymlinks(src.Root)
	if err != nil {
		return "cannot resolve the catalog folder: " + cleanErr(err)
	}
	target, err := filepath.EvalSymlinks(filepath.Join(src.Root, filepath.FromSlash(p)))
	if err != nil {
		return "symbolic link cannot be resolved (broken, or a loop): " + cleanErr(err)
	}
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "symbolic link leads outside the catalog folder"
	}
	st, err := os.Stat(target)
	if err != nil {
		return cleanErr(err)
	}
	if !st.Mode().IsRegular() {
		return "symbolic link leads to a " + typeName(st.Mode().Type()) + ", not a file"
	}
	return ""
}

func readLimited(fsys fs.FS, p, shown string, probs *Problems) ([]byte, bool) {
	f, err := fsys.Open(p)
	if err != nil {
		probs.warn(shown, 0, "skipped: %v", cleanErr(err))
		return nil, false
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		probs.warn(shown, 0, "skipped: not a regular file (%s)", typeName(st.Mode().Type()))
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		probs.warn(shown, 0, "skipped: %v", cleanErr(err))
		return nil, false
	}
	if len(data) > MaxFileSize {
		probs.warn(shown, 0, "skipped: larger than the %d KiB limit", MaxFileSize>>10)
		return nil, false
	}
	return data, true
}

func typeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "directory"
	}
	return "special file"
}

// cleanErr keeps file-system errors to their message, sanitized.
func cleanErr(err error) string {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return Sanitize(pe.Err.Error())
	}
	return Sanitize(err.Error())
}

// sortRoles orders roles by title, then id.
func sortRoles(rs []*Role) {
	// Each title lowered once, not at every comparison.
	type keyed struct {
		key string
		r   *Role
	}
	ks := make([]keyed, len(rs))
	for i, r := range rs {
		ks[i] = keyed{strings.ToLower(r.Title), r}
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].key != ks[j].key {
			return ks[i].key < ks[j].key
		}
		return ks[i].r.ID < ks[j].r.ID
	})
	for i, k := range ks {
		rs[i] = k.r
	}
}
