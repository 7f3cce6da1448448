package catalog

// Benchmarks of loading and searching at three scales: the built-in
// catalog, O*NET 29.3 (18.8k task statements, 52k alternate titles) and a
// synthetic catalog of 100k responsibilities. Run them with
//
//	go test ./catalog -run '^$' -bench . -benchmem -count 6
//
// (see docs/performance.md for the figures and the machine).

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/roledex/roledex/content"
)

// typedQueries are typed letter by letter in the keystroke benchmarks:
// every prefix is one search, as the explorer runs one per keystroke.
var typedQueries = []string{
	"sre", "oncall", "ssl cert", "k8s", "postmortem", "database administrator",
	"inspect equipment", "patient care", "kubernetes", "monitor network traffic",
}

// keystrokes returns every non-blank prefix of the typed queries.
func keystrokes() []string {
	var out []string
	for _, q := range typedQueries {
		for i := 1; i <= len(q); i++ {
			if strings.TrimSpace(q[:i]) != "" {
				out = append(out, q[:i])
			}
		}
	}
	return out
}

var builtInCat struct {
	once sync.Once
	cat  *Catalog
}

func loadBuiltIn(tb testing.TB) *Catalog {
	builtInCat.once.Do(func() {
		builtInCat.cat, _ = Load(Source{FS: content.FS, Name: "content"})
	})
	return builtInCat.cat
}

// scales are the catalogs benchmarks run on; the O*NET one is skipped
// when its corpus is absent.
var scales = []struct {
	name string
	load func(testing.TB) *Catalog
}{
	{"embedded", loadBuiltIn},
	{"onet", func(tb testing.TB) *Catalog { c, _ := loadONet(tb); return c }},
	{"synthetic100k", func(tb testing.TB) *Catalog { c, _ := loadSynthetic(tb); return c }},
}

func BenchmarkLoad(b *testing.B) {
	b.Run("embedded", func(b *testing.B) {
		for b.Loop() {
			Load(Source{FS: content.FS, Name: "content"})
		}
	})
	b.Run("embedded-snapshot", func(b *testing.B) { // what roledex does at start-up
		for b.Loop() {
			Load(Source{FS: content.FS, Name: "content", Snapshot: content.Snapshot})
		}
	})
	b.Run("onet", func(b *testing.B) {
		_, dir := loadONet(b)
		for b.Loop() {
			loadWithBuiltIn(dir)
		}
	})
	// As roledex --catalog DIR loads a folder it has seen before: the
	// built-in catalog from its snapshot, the folder from the parse cache.
	b.Run("onet-cached", func(b *testing.B) {
		_, dir := loadONet(b)
		file := filepath.Join(b.TempDir(), "cache.gob")
		srcs := []Source{{FS: content.FS, Name: "content", Snapshot: content.Snapshot},
			{FS: os.DirFS(dir), Name: "catalog", Root: dir, Cache: file}}
		Load(srcs...) // writes the cache
		for b.Loop() {
			Load(srcs...)
		}
	})
	b.Run("synthetic100k", func(b *testing.B) {
		_, dir := loadSynthetic(b)
		for b.Loop() {
			loadWithBuiltIn(dir)
		}
	})
}

func BenchmarkNewIndex(b *testing.B) {
	for _, sc := range scales {
		b.Run(sc.name, func(b *testing.B) {
			c := sc.load(b)
			for b.Loop() {
				<-NewIndex(c).ready // the build finishes in the background
			}
		})
	}
}

// BenchmarkSearchKeystroke is the search the explorer runs per keystroke
// (limit 200, as ui.searchLimit): ns/op is the mean over every prefix of
// typedQueries, max-ms the slowest single keystroke.
func BenchmarkSearchKeystroke(b *testing.B) {
	for _, sc := range scales {
		b.Run(sc.name, func(b *testing.B) {
			ix := NewIndex(sc.load(b))
			benchKeystrokes(b, ix, 200)
		})
	}
}

func benchKeystrokes(b *testing.B, ix *Index, limit int) {
	<-ix.ready // NewIndex finishes in the background
	ks := keystrokes()
	var worst time.Duration
	worstQ := ""
	times := make([][]time.Duration, len(ks))
	for k := range times { // not grown while timed
		times[k] = make([]time.Duration, 0, b.N/len(ks)+1)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := ks[i%len(ks)]
		t0 := time.Now()
		ix.Search(q, limit)
		d := time.Since(t0)
		if d > worst {
			worst, worstQ = d, q
		}
		times[i%len(ks)] = append(times[i%len(ks)], d)
	}
	b.StopTimer()
	// max-ms is the slowest single search, with whatever the machine did
	// meanwhile; slowest-key-p50-ms the slowest keystroke by its median
	// over the runs (with at least three runs of each).
	b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
	if b.N >= 3*len(ks) {
		var slowest time.Duration
		slowQ := ""
		for k, t := range times {
			slices.Sort(t)
			if m := t[len(t)/2]; m > slowest {
				slowest, slowQ = m, ks[k]
			}
		}
		b.ReportMetric(float64(slowest.Microseconds())/1000, "slowest-key-p50-ms")
		if testing.Verbose() {
			b.Logf("slowest keystroke by median: %q", slowQ)
		}
	}
	if testing.Verbose() {
		b.Logf("slowest single keystroke: %q", worstQ)
	}
}

// BenchmarkSearchQuery searches whole queries, one sub-benchmark each.
func BenchmarkSearchQuery(b *testing.B) {
	queries := []string{"s", "e", "ma", "sre", "onca", "ssl cert", "postmortem", "database administrator", "xyzzy"}
	for _, sc := range scales {
		for _, q := range queries {
			b.Run(sc.name+"/"+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
				ix := NewIndex(sc.load(b))
				ix.noNarrow = true // each search from scratch
				<-ix.ready
				b.ReportAllocs()
				for b.Loop() {
					ix.Search(q, 200)
				}
			})
		}
	}
}

// BenchmarkSearchCLI is roledex search's call: all hits, then the first 20.
func BenchmarkSearchCLI(b *testing.B) {
	for _, sc := range scales {
		b.Run(sc.name, func(b *testing.B) {
			ix := NewIndex(sc.load(b))
			ix.noNarrow = true // one search per process
			<-ix.ready
			b.ReportAllocs()
			for b.Loop() {
				ix.Search("database administrator", 20)
			}
		})
	}
}

// BenchmarkSearchOnce is all roledex search does after loading: an index
// built on demand and one search (20 hits) in it.
func BenchmarkSearchOnce(b *testing.B) {
	for _, sc := range scales {
		for _, q := range []string{"database administrator", "inspect equipment", "ssl cert"} {
			b.Run(sc.name+"/"+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
				c := sc.load(b)
				b.ReportAllocs()
				for b.Loop() {
					NewIndexOnDemand(c).Search(q, 20)
				}
			})
		}
	}
}

// BenchmarkMatchText is the role list's filter: one title per call.
func BenchmarkMatchText(b *testing.B) {
	c := loadBuiltIn(b)
	var titles []string
	for _, r := range c.Roles {
		titles = append(titles, r.Title)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		MatchText(titles[i%len(titles)], "eng")
	}
}

// TestSearchKeystrokeTimes prints the per-keystroke times at each scale
// (median and slowest of 5 rounds) with -v; it checks nothing about time,
// only that every search answers. Use the benchmarks for figures.
func TestSearchKeystrokeTimes(t *testing.T) {
	if !testing.Verbose() || os.Getenv("ROLEDEX_TIMES") == "" {
		t.Skip("set ROLEDEX_TIMES=1 and -v to print keystroke times")
	}
	for _, sc := range scales {
		ix := NewIndex(sc.load(t))
		var ds []time.Duration
		for range 5 {
			for _, q := range keystrokes() {
				t0 := time.Now()
				ix.Search(q, 200)
				ds = append(ds, time.Since(t0))
			}
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%s (%d lines): p50 %v, p99 %v, max %v", sc.name, ix.Len(), ds[len(ds)/2], ds[len(ds)*99/100], ds[len(ds)-1])
	}
}
