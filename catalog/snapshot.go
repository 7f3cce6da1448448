package catalog

import (
	"fmt"
	"strings"
)

// A snapshot is a catalog already parsed, validated and sanitized, in the
// codec's form (codec.go). The built-in catalog ships one next to its
// markdown so that start-up does not parse a hundred files (YAML and
// goldmark cost tens of milliseconds); a test re-parses the markdown and
// fails when the snapshot is stale. User folders have the parse cache
// (cache.go) instead.

// snapshotMagic opens a snapshot and names its format; it changes
// whenever the format does.
const snapshotMagic = "roledex snapshot 3\n"

// Snapshot encodes the catalog's entries.
func (c *Catalog) Snapshot() ([]byte, error) {
	e := &encoder{b: []byte(snapshotMagic)}
	e.entries(loaded{roles: c.Roles, pillars: c.Pillars, tasks: c.Tasks})
	return e.b, nil
}

// decodeSnapshot reads entries written by Snapshot.
func decodeSnapshot(data []byte) (loaded, error) {
	d := newDecoder(data)
	if !strings.HasPrefix(d.s, snapshotMagic) {
		return loaded{}, fmt.Errorf("not a snapshot of this version")
	}
	d.s = d.s[len(snapshotMagic):]
	l := d.entries()
	if d.err == nil && d.s != "" {
		d.err = errCorrupt
	}
	return l, d.err
}
