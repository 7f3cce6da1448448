package catalog

import (
	"encoding/binary"
	"errors"
	"slices"
	"unsafe"
)

// The codec writes parsed entries in a compact binary form, for the
// built-in snapshot and the parse cache. gob spent 35 MB of allocations
// and most of the time of a warm `roledex --catalog DIR` decoding the
// O*NET folder's 5 MB; this form decodes with its strings cut from the
// input itself (no copy) and nothing but the slices and maps the model
// holds. Lengths are uvarints, numbers zigzag varints, a string its
// length and bytes. Decoding never trusts a length: a damaged input
// gives errCorrupt, never a panic (FuzzDecode).

var errCorrupt = errors.New("catalog codec: damaged data")

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// lines writes a line table in key order, so equal tables give equal
// bytes.
func (e *encoder) lines(m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.int(int64(m[k]))
	}
}

func (e *encoder) role(r *Role) {
	e.str(r.ID)
	e.str(r.Title)
	e.strs(r.Aliases)
	e.str(r.Family)
	e.str(string(r.Track))
	e.str(r.Summary)
	e.strs(r.Tools)
	e.strs(r.ReportsTo)
	e.strs(r.NextRoles)
	e.strs(r.Related)
	e.strs(r.Responsibilities)
	for _, d := range r.Dimensions {
		e.str(d)
	}
	e.str(r.Notes)
	e.str(r.Path)
	e.lines(r.Lines)
}

func (e *encoder) pillar(p *Pillar) {
	e.str(p.ID)
	e.str(p.Title)
	e.int(int64(p.Order))
	e.str(p.Summary)
	e.str(p.Body)
	e.uint(uint64(len(p.Groups)))
	for _, g := range p.Groups {
		e.str(g.Name)
		e.uint(uint64(len(g.Members)))
		for _, m := range g.Members {
			e.str(m.Role)
			e.str(m.Contribution)
			e.int(int64(m.Line))
		}
	}
	e.str(p.Path)
}

func (e *encoder) task(t *Task) {
	e.str(t.ID)
	e.str(t.Title)
	e.strs(t.Aliases)
	e.strs(t.Owners)
	e.strs(t.Helpers)
	e.strs(t.SmallOrg)
	e.strs(t.Pillars)
	e.str(t.Body)
	e.str(t.Path)
	e.lines(t.Lines)
}

func (e *encoder) problems(ps Problems) {
	e.uint(uint64(len(ps)))
	for _, p := range ps {
		e.str(p.Path)
		e.int(int64(p.Line))
		e.str(p.Msg)
		e.bool(p.Warning)
	}
}

// decoder reads what encoder wrote. The first error sticks: every read
// after it returns zero values, and err says the input was damaged.
type decoder struct {
	s   string // the input; decoded strings are slices of it
	err error
}

// newDecoder decodes data, which the caller must not change afterwards:
// the strings decoded share its memory.
func newDecoder(data []byte) *decoder {
	return &decoder{s: unsafe.String(unsafe.SliceData(data), len(data))}
}

func (d *decoder) fail() { d.err = errCorrupt; d.s = "" }

func (d *decoder) uint() uint64 {
	v, n := uvarint(d.s)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.s = d.s[n:]
	return v
}

func uvarint(s string) (uint64, int) {
	var v uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, -1
			}
			return v | uint64(c)<<(7*i), i + 1
		}
		v |= uint64(c&0x7f) << (7 * i)
	}
	return 0, -1
}

func (d *decoder) int() int64 {
	u := d.uint()
	return int64(u>>1) ^ -int64(u&1)
}

func (d *decoder) bool() bool {
	if len(d.s) == 0 {
		d.fail()
		return false
	}
	v := d.s[0]
	d.s = d.s[1:]
	return v == 1
}

// count reads a length of items that take at least one byte each: no
// damaged length can make a slice larger than the input.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.s)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count()
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) lines() map[string]int {
	n := d.count()
	if n == 0 {
		return nil
	}
	m := make(map[string]int, n)
	for range n {
		k := d.str()
		m[k] = int(d.int())
	}
	return m
}

func (d *decoder) role() *Role {
	r := &Role{ID: d.str(), Title: d.str(), Aliases: d.strs(), Family: d.str(), Track: Track(d.str()),
		Summary: d.str(), Tools: d.strs(), ReportsTo: d.strs(), NextRoles: d.strs(), Related: d.strs(),
		Responsibilities: d.strs()}
	for i := range r.Dimensions {
		r.Dimensions[i] = d.str()
	}
	r.Notes, r.Path, r.Lines = d.str(), d.str(), d.lines()
	return r
}

func (d *decoder) pillar() *Pillar {
	p := &Pillar{ID: d.str(), Title: d.str(), Order: int(d.int()), Summary: d.str(), Body: d.str()}
	if n := d.count(); n > 0 {
		p.Groups = make([]Group, n)
		for i := range p.Groups {
			g := &p.Groups[i]
			g.Name = d.str()
			if m := d.count(); m > 0 {
				g.Members = make([]Member, m)
				for j := range g.Members {
					g.Members[j] = Member{Role: d.str(), Contribution: d.str(), Line: int(d.int())}
				}
			}
		}
	}
	p.Path = d.str()
	return p
}

func (d *decoder) task() *Task {
	return &Task{ID: d.str(), Title: d.str(), Aliases: d.strs(), Owners: d.strs(), Helpers: d.strs(),
		SmallOrg: d.strs(), Pillars: d.strs(), Body: d.str(), Path: d.str(), Lines: d.lines()}
}

func (d *decoder) problems() Problems {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make(Problems, n)
	for i := range out {
		out[i] = Problem{Path: d.str(), Line: int(d.int()), Msg: d.str(), Warning: d.bool()}
	}
	return out
}

// entries writes roles, pillars and tasks, each list with its length.
func (e *encoder) entries(l loaded) {
	e.uint(uint64(len(l.roles)))
	for _, r := range l.roles {
		e.role(r)
	}
	e.uint(uint64(len(l.pillars)))
	for _, p := range l.pillars {
		e.pillar(p)
	}
	e.uint(uint64(len(l.tasks)))
	for _, t := range l.tasks {
		e.task(t)
	}
}

func (d *decoder) entries() loaded {
	var l loaded
	for range d.count() {
		l.roles = append(l.roles, d.role())
	}
	for range d.count() {
		l.pillars = append(l.pillars, d.pillar())
	}
	for range d.count() {
		l.tasks = append(l.tasks, d.task())
	}
	return l
}
