// Package plan keeps a mentee's career plan: the current role, the target
// roles, a shortlist, the gap items ticked off and free notes. The plan is
// a small versioned JSON file (docs/plan-file.md), saved on every change,
// written atomically and merged with changes another roledex made to the
// same file in the meantime.
package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Version is the plan file format this package reads and writes.
const Version = 1

// FileName is the plan file's name in the state directory.
const FileName = "plan.json"

// maxFileSize is the largest plan file read; a bigger one is not a plan.
const maxFileSize = 4 << 20

// State is one mentee's plan, as saved in the plan file.
type State struct {
	Version int `json:"version"`
	// Current is the id of the mentee's current role; empty when not set.
	Current string `json:"current"`
	// Targets are the ids of the roles the mentee aims for, in the order
	// they were added.
	Targets []string `json:"targets"`
	// Shortlist holds role ids worth a closer look.
	Shortlist []string `json:"shortlist"`
	// Ticked maps a target role id to the ids of the gap items the mentee
	// has worked through (catalog.GapItem.ID), sorted.
	Ticked map[string][]string `json:"ticked"`
	// Notes is free markdown text.
	Notes string `json:"notes"`
	// Updated is when the plan was last saved.
	Updated time.Time `json:"updated,omitzero"`
}

// New returns an empty plan of the current version.
func New() State {
	return State{Version: Version, Targets: []string{}, Shortlist: []string{}, Ticked: map[string][]string{}}
}

// Clone returns a deep copy of s.
func (s State) Clone() State {
	c := s
	c.Targets = slices.Clone(s.Targets)
	c.Shortlist = slices.Clone(s.Shortlist)
	c.Ticked = make(map[string][]string, len(s.Ticked))
	for k, v := range s.Ticked {
		c.Ticked[k] = slices.Clone(v)
	}
	return c
}

// HasTarget reports whether id is one of the targets.
func (s State) HasTarget(id string) bool { return slices.Contains(s.Targets, id) }

// IsTicked reports whether gap item item is ticked for target.
func (s State) IsTicked(target, item string) bool { return slices.Contains(s.Ticked[target], item) }

// SetTicked ticks or unticks gap item item for target.
func (s *State) SetTicked(target, item string, on bool) {
	if s.Ticked == nil {
		s.Ticked = map[string][]string{}
	}
	list := slices.DeleteFunc(slices.Clone(s.Ticked[target]), func(x string) bool { return x == item })
	if on {
		list = append(list, item)
	}
	if len(list) == 0 {
		delete(s.Ticked, target)
		return
	}
	sort.Strings(list)
	s.Ticked[target] = list
}

// AddTarget appends id to the targets unless it is there already.
func (s *State) AddTarget(id string) {
	if !slices.Contains(s.Targets, id) {
		s.Targets = append(s.Targets, id)
	}
}

// RemoveTarget removes id from the targets. Its ticks are kept, so adding
// the target back restores them.
func (s *State) RemoveTarget(id string) {
	s.Targets = slices.DeleteFunc(s.Targets, func(x string) bool { return x == id })
}

// normalize makes a state read from a file or changed by a caller
// well-formed: no nil collections, no empty or repeated ids, sorted ticks.
func (s *State) normalize() {
	s.Targets = uniq(s.Targets)
	s.Shortlist = uniq(s.Shortlist)
	ticked := map[string][]string{}
	for k, v := range s.Ticked {
		if v = uniq(v); k != "" && len(v) > 0 {
			sort.Strings(v)
			ticked[k] = v
		}
	}
	s.Ticked = ticked
	s.Current = strings.TrimSpace(s.Current)
}

func uniq(in []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, x := range in {
		if x = strings.TrimSpace(x); x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// DefaultPath returns where the plan lives when --state is not given:
// $XDG_STATE_HOME/roledex/plan.json, else ~/.local/state/roledex/plan.json;
// on Windows %LocalAppData%\roledex\plan.json, else the user config
// folder (%AppData%).
func DefaultPath() (string, error) { return PathFromEnv(runtime.GOOS, os.Getenv) }

// PathFromEnv is DefaultPath for a given operating system and environment.
func PathFromEnv(goos string, getenv func(string) string) (string, error) {
	abs := func(p string) bool {
		if goos == "windows" {
			return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') || strings.HasPrefix(p, `\\`)
		}
		return strings.HasPrefix(p, "/")
	}
	join := func(elem ...string) string {
		if goos == "windows" {
			return strings.Join(elem, `\`)
		}
		return filepath.Join(elem...)
	}
	if goos == "windows" {
		for _, v := range []string{"LocalAppData", "LOCALAPPDATA", "AppData", "APPDATA"} {
			if d := getenv(v); d != "" && abs(d) {
				return join(strings.TrimRight(d, `\/`), "roledex", FileName), nil
			}
		}
		if d, err := os.UserConfigDir(); err == nil && goos == runtime.GOOS {
			return join(d, "roledex", FileName), nil
		}
		return "", errors.New("cannot find the folder for roledex's state: %LocalAppData% is not set (use --state FILE)")
	}
	// The XDG base directory spec says to ignore relative paths.
	if d := getenv("XDG_STATE_HOME"); d != "" && abs(d) {
		return join(d, "roledex", FileName), nil
	}
	if h := getenv("HOME"); h != "" && abs(h) {
		return join(h, ".local", "state", "roledex", FileName), nil
	}
	return "", errors.New("cannot find the folder for roledex's state: neither XDG_STATE_HOME nor HOME is set (use --state FILE)")
}

// Warning reports something the user should know about the plan file:
// a file moved aside, or a concurrent change that could not be merged
// cleanly.
type Warning struct {
	// Path is the plan file.
	Path string
	// MovedTo is where an unreadable or newer file was moved; empty for
	// merge warnings.
	MovedTo string
	// Message is the whole warning as a sentence; it names both paths.
	Message string
}

// String returns the warning's sentence.
func (w Warning) String() string { return w.Message }

// Store is a plan file and the plan it holds. Its methods are safe for
// concurrent use; several processes may open the same file.
type Store struct {
	mu   sync.Mutex
	path string
	// state is the plan as last read from or written to the file: the
	// base of the three-way merge with a concurrent writer's changes.
	state    State
	warnings []Warning
	now      func() time.Time
}

// fileStatus is what reading the plan file found.
type fileStatus int

const (
	fileOK fileStatus = iota
	fileMissing
	fileCorrupt
	fileNewer
)

// Open reads the plan at path. A missing file is an empty plan (created
// on the first Update). A file that is not a plan, or was written by a
// newer roledex, is moved aside and reported in a Warning, and the store
// starts empty. The error is for a file that cannot be read at all.
func Open(path string) (*Store, []Warning, error) { return open(path, time.Now) }

func open(path string, now func() time.Time) (*Store, []Warning, error) {
	if path == "" {
		return nil, nil, errors.New("no plan file given")
	}
	s := &Store{path: path, now: now}
	if err := s.reload(); err != nil {
		return nil, nil, err
	}
	return s, s.takeWarnings(), nil
}

// Path returns the plan file's path.
func (s *Store) Path() string { return s.path }

// State returns a copy of the plan.
func (s *Store) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.Clone()
}

// Reload re-reads the file, picking up changes another process saved.
func (s *Store) Reload() ([]Warning, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.reload(); err != nil {
		return nil, err
	}
	return s.takeWarnings(), nil
}

// Warnings returns the warnings of the updates since the last call, and
// forgets them.
func (s *Store) Warnings() []Warning {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.takeWarnings()
}

func (s *Store) takeWarnings() []Warning {
	w := s.warnings
	s.warnings = nil
	return w
}

func (s *Store) reload() error {
	st, status, reason, err := readState(s.path)
	if err != nil {
		return err
	}
	switch status {
	case fileOK:
		s.state = st
		return nil
	case fileMissing:
		s.state = New()
		return nil
	}
	// Look again under the lock: another roledex may be replacing the
	// file right now, and a good file must never be moved aside.
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	unlock, err := acquireLock(s.path + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	st, status, reason, err = readState(s.path)
	if err != nil {
		return err
	}
	s.state = New()
	switch status {
	case fileOK:
		s.state = st
	case fileCorrupt, fileNewer:
		if err := s.moveAside(status, reason); err != nil {
			return err
		}
	}
	return nil
}

// moveAside renames a file that is not a plan this roledex can use to
// <file>.corrupt-<time> or <file>.newer-<time>, and records a warning.
func (s *Store) moveAside(status fileStatus, reason string) error {
	kind := "corrupt"
	if status == fileNewer {
		kind = "newer"
	}
	stamp := s.now().UTC().Format("20060102T150405Z")
	dst := s.path + "." + kind + "-" + stamp
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s.%s-%s-%d", s.path, kind, stamp, i)
	}
	if err := os.Rename(s.path, dst); err != nil {
		return fmt.Errorf("plan file %s %s, and moving it aside failed: %w", s.path, reason, err)
	}
	msg := fmt.Sprintf("plan file %s %s; moved it to %s and started a new plan", s.path, reason, dst)
	if status == fileNewer {
		msg += " (a newer roledex can still read the moved file)"
	}
	s.warnings = append(s.warnings, Warning{Path: s.path, MovedTo: dst, Message: msg})
	return nil
}

// readState reads and checks the plan file. reason says, for a corrupt or
// newer file, what is wrong with it.
func readState(path string) (st State, status fileStatus, reason string, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, fileMissing, "", nil
	}
	if err != nil {
		return State{}, 0, "", fmt.Errorf("cannot read plan file: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return State{}, 0, "", fmt.Errorf("plan file %s is not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return State{}, 0, "", fmt.Errorf("cannot read plan file: %w", err)
	}
	if len(data) > maxFileSize {
		return State{}, fileCorrupt, fmt.Sprintf("is larger than %d MiB, too large for a plan", maxFileSize>>20), nil
	}
	var head struct {
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return State{}, fileCorrupt, "is not valid plan JSON (" + jsonProblem(err) + ")", nil
	}
	var version int
	if err := json.Unmarshal(head.Version, &version); err != nil || len(head.Version) == 0 || version < 1 {
		return State{}, fileCorrupt, "has no valid format version", nil
	}
	if version > Version {
		return State{}, fileNewer, fmt.Sprintf("was written by a newer roledex (format version %d; this roledex reads version %d)", version, Version), nil
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return State{}, fileCorrupt, "is not valid plan JSON (" + jsonProblem(err) + ")", nil
	}
	st.normalize()
	return st, fileOK, "", nil
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q holds a %s where a %s belongs", te.Field, te.Value, te.Type)
	}
	return err.Error()
}

// Update applies change to the plan and saves it. Under the plan's lock
// file it re-reads the file, merges what another process saved since this
// store last read or wrote it (see merge), and replaces the file
// atomically. After an error the file and the store are unchanged.
func (s *Store) Update(change func(*State)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return fmt.Errorf("cannot create the plan folder: %w", err)
	}
	unlock, err := acquireLock(s.path + ".lock")
	if err != nil {
		return err
	}
	defer unlock()
	disk, status, reason, err := readState(s.path)
	if err != nil {
		return err
	}
	base := s.state.Clone()
	switch status {
	case fileMissing:
		// Deleted (or never written): nothing to merge.
		disk = base.Clone()
	case fileCorrupt, fileNewer:
		if err := s.moveAside(status, reason); err != nil {
			return err
		}
		disk = base.Clone()
	}
	ours := base.Clone()
	change(&ours)
	ours.normalize()
	merged, warns := merge(s.path, base, disk, ours)
	merged.Version = Version
	merged.Updated = s.now().UTC().Truncate(time.Second)
	data, err := json.MarshalIndent(merged, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(s.path, append(data, '\n')); err != nil {
		return fmt.Errorf("cannot save plan: %w", err)
	}
	s.state = merged
	s.warnings = append(s.warnings, warns...)
	return nil
}

// merge combines the plan this store last saw (base) with the file as it
// is now (theirs, changed by another process) and with this store's change
// (ours):
//
//   - targets, shortlist and each target's ticks: both sides' additions
//     are kept and both sides' removals applied;
//   - current: if both sides changed it, ours (the last writer) wins, with
//     a warning;
//   - notes: if both sides changed them, both versions are kept, ours
//     first, then a marker line and theirs, with a warning.
func merge(path string, base, theirs, ours State) (State, []Warning) {
	var warns []Warning
	m := theirs.Clone()
	m.Current = ours.Current
	if ours.Current == base.Current {
		m.Current = theirs.Current
	} else if theirs.Current != base.Current && theirs.Current != ours.Current {
		warns = append(warns, Warning{Path: path, Message: fmt.Sprintf(
			"another roledex changed the current role in %s to %q at the same time; keeping %q", path, theirs.Current, ours.Current)})
	}
	m.Targets = merge3(base.Targets, theirs.Targets, ours.Targets)
	m.Shortlist = merge3(base.Shortlist, theirs.Shortlist, ours.Shortlist)
	keys := map[string]bool{}
	for _, st := range []State{base, theirs, ours} {
		for k := range st.Ticked {
			keys[k] = true
		}
	}
	m.Ticked = map[string][]string{}
	for k := range keys {
		if v := merge3(base.Ticked[k], theirs.Ticked[k], ours.Ticked[k]); len(v) > 0 {
			sort.Strings(v)
			m.Ticked[k] = v
		}
	}
	switch {
	case ours.Notes == base.Notes:
		m.Notes = theirs.Notes
	case theirs.Notes == base.Notes || theirs.Notes == ours.Notes:
		m.Notes = ours.Notes
	default:
		m.Notes = strings.TrimRight(ours.Notes, "\n") + "\n\n" + notesMarker(theirs.Updated) + "\n\n" + strings.TrimLeft(theirs.Notes, "\n")
		warns = append(warns, Warning{Path: path, Message: fmt.Sprintf(
			"another roledex changed the notes in %s at the same time; both versions are kept, separated by a line starting %q", path, notesMarkerPrefix)})
	}
	return m, warns
}

// notesMarkerPrefix starts the line that separates two versions of the
// notes kept after concurrent edits.
const notesMarkerPrefix = "--- Notes saved by another roledex session"

func notesMarker(at time.Time) string {
	when := ""
	if !at.IsZero() {
		when = " at " + at.UTC().Format("2006-01-02 15:04 UTC")
	}
	return notesMarkerPrefix + when + " (both versions kept) ---"
}

// merge3 applies ours' changes against base to theirs: what ours added is
// appended (in ours' order), what ours removed is taken out. Theirs' own
// additions and removals stay.
func merge3(base, theirs, ours []string) []string {
	inBase := map[string]bool{}
	for _, x := range base {
		inBase[x] = true
	}
	inOurs := map[string]bool{}
	for _, x := range ours {
		inOurs[x] = true
	}
	out := []string{}
	seen := map[string]bool{}
	for _, x := range theirs {
		if inBase[x] && !inOurs[x] || seen[x] {
			continue // removed by us
		}
		seen[x] = true
		out = append(out, x)
	}
	for _, x := range ours {
		if !inBase[x] && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// writeFileAtomic replaces path with data: a temporary file in the same
// folder is written, flushed to disk and renamed over path, so readers see
// the old or the new plan, never a mix. The file is readable by its owner
// only.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return err
	}
	if _, err = io.Copy(f, bytes.NewReader(data)); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	// On Windows a reader holding the file open makes the rename fail for
	// a moment; try a few times.
	for i := 0; ; i++ {
		if err = os.Rename(tmp, path); err == nil || i == 10 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir flushes a folder's entries (the rename) to disk where the
// system allows it; Windows does not, and it is skipped there.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
