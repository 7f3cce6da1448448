package catalog

import (
	"reflect"
	"strings"
	"testing"
)

// fill sets every field of the struct v points to (recursively) to a
// value that is not zero, so a round trip misses no field: a field added
// to the model but not to the codec fails TestCodecRoundTrip.
func fill(v reflect.Value, seed *int) {
	*seed++
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), seed)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), seed)
			}
		}
	case reflect.String:
		v.SetString(strings.Repeat("é", *seed%3) + "x" + string(rune('a'+*seed%26)))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*seed) * -7)
	case reflect.Uint64:
		v.SetUint(uint64(*seed) << 40)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), seed)
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), seed)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := 0; i < 3; i++ {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, seed)
			fill(e, seed)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	}
}

func TestCodecRoundTrip(t *testing.T) {
	seed := 0
	var l loaded
	for i := 0; i < 2; i++ {
		var r *Role
		var p *Pillar
		var k *Task
		fill(reflect.ValueOf(&r).Elem(), &seed)
		fill(reflect.ValueOf(&p).Elem(), &seed)
		fill(reflect.ValueOf(&k).Elem(), &seed)
		l.roles, l.pillars, l.tasks = append(l.roles, r), append(l.pillars, p), append(l.tasks, k)
	}
	e := &encoder{}
	e.entries(l)
	d := newDecoder(e.b)
	got := d.entries()
	if d.err != nil || d.s != "" {
		t.Fatalf("decode: %v, %d bytes left", d.err, len(d.s))
	}
	if !reflect.DeepEqual(got, l) {
		t.Fatalf("round trip changed the entries:\n%+v\nwant\n%+v", got.roles[0], l.roles[0])
	}

	var c folderCache
	fill(reflect.ValueOf(&c).Elem(), &seed)
	for k, f := range c.Files { // one entry kind per file, as the loader makes them
		f.Pillar, f.Task = nil, nil
		c.Files[k] = f
	}
	e = &encoder{}
	e.folderCache(c)
	back, err := newDecoder(e.b).folderCache()
	if err != nil || !reflect.DeepEqual(back, c) {
		t.Fatalf("cache round trip: %v", err)
	}
	// Equal caches encode to equal bytes, whatever the map order.
	e2 := &encoder{}
	e2.folderCache(back)
	if string(e2.b) != string(e.b) {
		t.Error("encoding the same cache twice gave different bytes")
	}
}

// FuzzDecode feeds damaged snapshots and caches to the decoders: they
// must return an error or entries, never panic or allocate without bound.
func FuzzDecode(f *testing.F) {
	e := &encoder{b: []byte(snapshotMagic)}
	e.entries(loaded{roles: []*Role{{ID: "a", Title: "A", Aliases: []string{"x"}, Lines: map[string]int{"title": 2}}},
		pillars: []*Pillar{{ID: "p", Groups: []Group{{Name: "g", Members: []Member{{Role: "a", Line: 3}}}}}},
		tasks:   []*Task{{ID: "t", Owners: []string{"a"}}}})
	f.Add(e.b)
	c := &encoder{}
	c.folderCache(folderCache{Key: "k", Files: map[string]cachedFile{"roles/a.md": {Shown: "x/roles/a.md", Kind: kindRole, ID: "a",
		Role: &Role{ID: "a"}, Probs: Problems{{Path: "x", Line: 1, Msg: "m"}}}}})
	f.Add(c.b)
	f.Add([]byte(snapshotMagic + "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if l, err := decodeSnapshot(data); err == nil {
			for _, r := range l.roles {
				_ = r.Title
			}
		}
		_, _ = newDecoder(data).folderCache()
	})
}
