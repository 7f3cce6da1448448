package catalog

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

// A snapshot is a catalog already parsed, validated and sanitized, in
// gob form. The built-in catalog ships one next to its markdown so that
// start-up does not parse a hundred files (YAML and goldmark cost tens of
// milliseconds); a test re-parses the markdown and fails when the
// snapshot is stale. User folders are always parsed.

// snapshotVersion changes whenever the shape of the snapshot does.
const snapshotVersion = 2

type snapshot struct {
	Version int
	Roles   []*Role
	Pillars []*Pillar
	Tasks   []*Task
}

// Snapshot encodes the catalog's entries.
func (c *Catalog) Snapshot() ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(snapshot{Version: snapshotVersion, Roles: c.Roles, Pillars: c.Pillars, Tasks: c.Tasks})
	return b.Bytes(), err
}

// decodeSnapshot reads entries written by Snapshot.
func decodeSnapshot(data []byte) (loaded, error) {
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return loaded{}, err
	}
	if s.Version != snapshotVersion {
		return loaded{}, fmt.Errorf("snapshot version %d, want %d", s.Version, snapshotVersion)
	}
	return loaded{roles: s.Roles, pillars: s.Pillars, tasks: s.Tasks}, nil
}
