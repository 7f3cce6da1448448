package catalog

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Kind says what part of the catalog a search hit matched.
type Kind string

// The kinds of text search looks through.
const (
	KindTitle          Kind = "title"
	KindAlias          Kind = "alias"
	KindSummary        Kind = "summary"
	KindResponsibility Kind = "responsibility"
	KindDimension      Kind = "dimension"
	KindTool           Kind = "tool"
	KindTask           Kind = "task"
	KindContribution   Kind = "contribution"
)

// kindWeight ranks kinds: a name match beats a match in body text.
var kindWeight = map[Kind]int{
	KindTitle: 300, KindAlias: 280, KindTask: 200, KindTool: 160,
	KindSummary: 120, KindResponsibility: 110, KindContribution: 60, KindDimension: 50,
}

// Scores. Every line that holds each word of the query scores at least
// scoreExact, every fuzzy match less: callers rely on it (a score of
// 1000 or more means "contains the words").
const (
	scoreExact = 1000
	// scoreWordStarts is added when every word of the query starts a word
	// of the line: "cert" in "TLS certificates" beats "cert" in
	// "recertification" whatever kind of line either is.
	scoreWordStarts = 600
	scoreFuzzy      = 500
	// Per word of the query: a whole word (or a plural of it) beats a
	// word start, which beats a match inside a word.
	qualityWhole = 40
	qualityStart = 20
	// scoreSame is added when the line is exactly the query.
	scoreSame = 200
)

// Entry is one searchable line of the catalog.
type Entry struct {
	Role   string // id of the role the line belongs to (a task's first owner)
	Task   string // id of the task, for task lines
	Kind   Kind
	Detail string // the dimension name, pillar title or task title
	Index  int    // position within the role's responsibilities or dimensions
	Text   string
}

// line is what a search reads of an entry, kept apart from the entries so
// the scan walks through compact memory.
type line struct {
	// lower is Text folded rune by rune (lower case, common Latin accents
	// removed), so rune positions in lower are rune positions in Text.
	lower  string
	mask   uint64    // which characters lower holds (see charMask)
	starts uint64    // which characters start a word of lower
	pairs  [2]uint64 // which pairs of adjacent bytes lower holds (see pairMask)
	// group numbers the lines that say the same thing (a role's title and
	// aliases, a task's title and aliases): only the best of a group is
	// kept. -1 for lines of no group.
	group  int32
	weight int16 // kindWeight of the entry's Kind
	ascii  bool  // lower is ASCII: byte offsets are rune positions
}

// appendLine appends text folded to buf and sets l's masks from it; it
// returns buf and where l's text starts and ends in it.
func (l *line) appendLine(buf []byte, text string) ([]byte, int, int) {
	from := len(buf)
	buf = slices.Grow(buf, len(text))[:from+len(text)]
	b := buf[from:]
	var mask, starts, lo, hi uint64
	// Without branches on the text: after is all ones where the last
	// byte ended a word (or at the start), so the next one starts one.
	after := ^uint64(0)
	var prev uint32
	for k := 0; k < len(text); k++ { // folded as it is copied
		c := text[k]
		if c >= utf8.RuneSelf {
			// Not ASCII: fold rune by rune, then the masks from the result.
			buf, l.ascii = appendFolded(buf[:from], text)
			lower := buf[from:]
			l.mask, l.starts, l.pairs = charMask(string(lower)), startMask(string(lower)), pairMask(string(lower))
			return buf, from, len(buf)
		}
		c = lowerASCII[c]
		b[k] = c
		bit := charBits[c]
		mask |= bit
		starts |= bit & after
		after = notWordBits[c]
		if k > 0 { // taken every time but the first: well predicted
			h := (prev<<8 | uint32(c)) * 0x9E3779B1 >> 25 // pairHash
			pb := uint64(1) << (h & 63)
			sel := uint64(h>>6) - 1 // all ones for the low word, zero for the high
			lo |= pb & sel
			hi |= pb &^ sel
		}
		prev = uint32(c)
	}
	l.ascii, l.mask, l.starts, l.pairs = true, mask, starts, [2]uint64{lo, hi}
	return buf, from, len(buf)
}

// appendLower is appendLine without the masks: every bit is set, so no
// check on them passes over the line.
func (l *line) appendLower(buf []byte, text string) ([]byte, int, int) {
	from := len(buf)
	buf = slices.Grow(buf, len(text))[:from+len(text)]
	b := buf[from:]
	var high byte
	for k := range b {
		c := text[k]
		high |= c
		b[k] = lowerASCII[c]
	}
	l.ascii = high < utf8.RuneSelf
	if !l.ascii {
		buf, l.ascii = appendFolded(buf[:from], text)
	}
	l.mask, l.starts, l.pairs = ^uint64(0), ^uint64(0), [2]uint64{^uint64(0), ^uint64(0)}
	return buf, from, len(buf)
}

var lowerASCII, notWordBits = func() (low [256]byte, notWord [256]uint64) {
	for c := range 256 {
		low[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			low[c] = byte(c) + 'a' - 'A'
		}
		if !(c < utf8.RuneSelf && isWordASCII(byte(c))) {
			notWord[c] = ^uint64(0)
		}
	}
	return
}()

// Hit is an entry that matched a query.
type Hit struct {
	*Entry
	Score int
	// Matched holds the rune positions in Text that matched, ascending.
	Matched []int
}

// ref is where a line of the index comes from: its text, its kind, and
// the indexes that find the rest of its Entry in the catalog (see
// Index.entry).
type ref struct {
	text string
	kind kindCode
	// owner is the role's index in Catalog.Roles, the task's in Tasks or
	// the pillar's in Pillars; sub the alias, tool, responsibility or
	// dimension index (an alias of a task: its index, -1 for the title),
	// or the pillar group; member the group member.
	owner, sub, member int32
	group              int32 // as line.group, known before the line is built
}

// kindCode is a Kind in a byte.
type kindCode uint8

const (
	codeTitle kindCode = iota
	codeAlias
	codeTask
	codeTool
	codeSummary
	codeResponsibility
	codeContribution
	codeDimension
)

var codeKinds = [...]Kind{
	codeTitle: KindTitle, codeAlias: KindAlias, codeTask: KindTask, codeTool: KindTool,
	codeSummary: KindSummary, codeResponsibility: KindResponsibility,
	codeContribution: KindContribution, codeDimension: KindDimension,
}

// chunkShift sets the size of a chunk: the lines that are built (folded,
// with their masks) at once, and that a search may pass over unbuilt and
// unread when none of them could make its results.
const (
	chunkShift = 10
	chunkSize  = 1 << chunkShift
)

// chunk is the state of chunkSize lines of the index.
type chunk struct {
	built  atomic.Bool
	mu     sync.Mutex
	weight int32 // the heaviest kindWeight of its lines
}

// exactBound is at least the exactBound of each of the chunk's lines.
func (ch *chunk) exactBound(q *query) int32 {
	b := scoreExact + int(ch.weight) + qualityWhole*len(q.terms) + scoreWordStarts
	if len(q.terms) == 1 {
		b += scoreSame
	}
	return int32(b)
}

// fuzzyBound is at least the fuzzyBound of each of the chunk's lines.
func (ch *chunk) fuzzyBound() int32 { return int32(scoreFuzzy) + ch.weight }

// entry makes the Entry of line i.
func (ix *Index) entry(i int32) Entry {
	f := &ix.refs[i]
	e := Entry{Kind: codeKinds[f.kind], Text: f.text}
	switch f.kind {
	case codeTask:
		t := ix.cat.Tasks[f.owner]
		e.Task, e.Detail = t.ID, t.Title
		if len(t.Owners) > 0 {
			e.Role = t.Owners[0]
		}
	case codeContribution:
		p := ix.cat.Pillars[f.owner]
		e.Role, e.Detail = p.Groups[f.sub].Members[f.member].Role, p.Title
	default:
		e.Role = ix.cat.Roles[f.owner].ID
		switch f.kind {
		case codeResponsibility:
			e.Index = int(f.sub)
		case codeDimension:
			e.Index, e.Detail = int(f.sub), Dimensions[f.sub].Name
		}
	}
	return e
}

// Index is the searchable form of a catalog. It is safe for concurrent
// use: the explorer runs each keystroke's search on its own goroutine.
type Index struct {
	cat *Catalog
	// refs[i] says where line i comes from; its Entry is made only for
	// a hit (see entry): 78,000 entries of six fields each were 6.8 MB
	// to write and fault in on every search of O*NET, for 20 hits.
	refs []ref
	// lines[i] is what search reads of refs[i], once its chunk is built
	// (see ensure): memory of lines nobody reads is never touched.
	lines   []line
	chunks  []chunk
	groups  int32     // number of groups of lines
	scratch sync.Pool // *searchState

	// ready is closed when NewIndex's background build has built every
	// chunk (benchmarks and tests wait for it; Search does not), and at
	// once by NewIndexOnDemand, which builds nothing ahead.
	ready chan struct{}

	mu     sync.Mutex
	narrow *narrowing // the last fuzzy-searched query's candidates
	// noNarrow turns narrowing off, for benchmarks of single queries.
	noNarrow bool
	// noChunkSkip makes every search read every chunk, for tests.
	noChunkSkip bool
	// light builds lines without masks (all bits set): for one search,
	// reading each line is cheaper than making masks to skip it.
	light bool
	// shardsForTest, when set, is how many shards a search may use,
	// whatever the number of lines.
	shardsForTest int
}

// NewIndex builds the search index of c.
func NewIndex(c *Catalog) *Index {
	ix := newIndex(c)
	// Folding the text and making the masks is most of the work: it runs
	// in the background (on several cores for a big catalog), so the
	// explorer draws its first frame meanwhile; a search builds what it
	// reads first itself.
	go ix.build()
	return ix
}

// NewIndexOnDemand is NewIndex for a search or two: nothing is built
// ahead, and a search builds only the lines it reads. roledex search over
// O*NET reads the titles and aliases, whose hits outrank every line of
// the lighter kinds, and leaves the 19,000 responsibilities unbuilt.
func NewIndexOnDemand(c *Catalog) *Index {
	ix := newIndex(c)
	ix.light = true
	close(ix.ready)
	return ix
}

// newIndex lists c's searchable lines; build then folds them and
// closes ready.
func newIndex(c *Catalog) *Index {
	n := 0
	for _, r := range c.Roles {
		n += 2 + len(r.Aliases) + len(r.Responsibilities) + len(r.Tools) + len(r.Dimensions)
	}
	for _, p := range c.Pillars {
		for _, g := range p.Groups {
			n += len(g.Members)
		}
	}
	for _, t := range c.Tasks {
		n += 1 + len(t.Aliases)
	}
	ix := &Index{cat: c, refs: make([]ref, 0, n)}
	groups := int32(0)
	add := func(f ref, group int32) {
		f.group = group
		ix.refs = append(ix.refs, f)
	}
	// Lines go in by kind, the heaviest first: the best hits of a short
	// query fill the results early, and lighter lines that cannot beat
	// them are skipped unread.
	for i, r := range c.Roles {
		add(ref{text: r.Title, kind: codeTitle, owner: int32(i)}, groups)
		for a, alias := range r.Aliases {
			add(ref{text: alias, kind: codeAlias, owner: int32(i), sub: int32(a)}, groups)
		}
		groups++
	}
	for i, t := range c.Tasks {
		add(ref{text: t.Title, kind: codeTask, owner: int32(i), sub: -1}, groups)
		for a, alias := range t.Aliases {
			add(ref{text: alias, kind: codeTask, owner: int32(i), sub: int32(a)}, groups)
		}
		groups++
	}
	for i, r := range c.Roles {
		for k, t := range r.Tools {
			add(ref{text: t, kind: codeTool, owner: int32(i), sub: int32(k)}, -1)
		}
	}
	for i, r := range c.Roles {
		add(ref{text: r.Summary, kind: codeSummary, owner: int32(i)}, -1)
	}
	for i, r := range c.Roles {
		for k, d := range r.Responsibilities {
			add(ref{text: d, kind: codeResponsibility, owner: int32(i), sub: int32(k)}, -1)
		}
	}
	for i, p := range c.Pillars {
		for g, grp := range p.Groups {
			for m, mem := range grp.Members {
				add(ref{text: mem.Contribution, kind: codeContribution, owner: int32(i), sub: int32(g), member: int32(m)}, -1)
			}
		}
	}
	for i, r := range c.Roles {
		for k, d := range r.Dimensions {
			if d != "" {
				add(ref{text: d, kind: codeDimension, owner: int32(i), sub: int32(k)}, -1)
			}
		}
	}
	ix.groups = groups
	// Allocated, not written: the pages of a chunk never built are never
	// touched.
	ix.lines = make([]line, len(ix.refs))
	ix.chunks = make([]chunk, (len(ix.refs)+chunkSize-1)/chunkSize)
	for i := range ix.refs {
		ch := &ix.chunks[i>>chunkShift]
		ch.weight = max(ch.weight, int32(kindWeight[codeKinds[ix.refs[i].kind]]))
	}
	ix.scratch.New = func() any { return &searchState{} }
	ix.ready = make(chan struct{})
	return ix
}

// setLower points each line at its folded text in buf, which is not
// changed afterwards: the block is shared, not copied.
func setLower(lines []line, spans [][2]int, buf []byte) {
	text := unsafe.String(unsafe.SliceData(buf), len(buf))
	for i := range lines {
		lines[i].lower = text[spans[i][0]:spans[i][1]]
	}
}

// build builds every chunk, front to back, on several cores for a big
// catalog, and closes ready.
func (ix *Index) build() {
	defer close(ix.ready)
	workers := 1
	if len(ix.refs) >= 20000 {
		workers = min(runtime.GOMAXPROCS(0), 4)
	}
	var next atomic.Int32
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := int(next.Add(1)) - 1; c < len(ix.chunks); c = int(next.Add(1)) - 1 {
				ix.ensure(c)
			}
		}()
	}
	wg.Wait()
}

// ensure builds chunk c unless it is built: a search and the background
// build may both come to it; one builds, the other waits for it.
func (ix *Index) ensure(c int) {
	ch := &ix.chunks[c]
	if ch.built.Load() {
		return
	}
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if !ch.built.Load() {
		ix.buildChunk(c)
		ch.built.Store(true)
	}
}

// buildChunk folds the text of chunk c's lines into one block, in index
// order (the scan then reads memory front to back), with their masks.
func (ix *Index) buildChunk(c int) {
	from, to := c<<chunkShift, min((c+1)<<chunkShift, len(ix.refs))
	size := 0
	for i := from; i < to; i++ {
		size += len(ix.refs[i].text)
	}
	buf := make([]byte, 0, size+size/16)
	var spans [chunkSize][2]int
	for i := from; i < to; i++ {
		f, l := &ix.refs[i], &ix.lines[i]
		l.group, l.weight = f.group, int16(kindWeight[codeKinds[f.kind]])
		var a, b int
		if ix.light {
			buf, a, b = l.appendLower(buf, f.text)
		} else {
			buf, a, b = l.appendLine(buf, f.text)
		}
		spans[i-from] = [2]int{a, b}
	}
	setLower(ix.lines[from:to], spans[:to-from], buf)
}

// Len returns the number of searchable lines.
func (ix *Index) Len() int { return len(ix.refs) }

// query is a parsed search query.
type query struct {
	folded   string    // the whole query, folded and trimmed
	terms    []string  // folded words
	pattern  string    // the words joined, for fuzzy matching
	runes    []rune    // pattern as runes, made when a non-ASCII line needs it
	n        int       // runes in pattern
	span     int       // widest fuzzy match allowed, in runes
	keepSpan int       // widest window kept for narrowing (see maxFuzzySkips)
	mask     uint64    // charMask of pattern
	starts   uint64    // charMask of the first letter of every term
	pairs    [2]uint64 // pairMask of every term
	fuzzy    bool      // pattern is long enough to match fuzzily
}

// Searchable reports whether query has words to search for once what
// Search drops is dropped: trailing ?, ! and ., and the opening of a
// question ("who handles") when words follow it.
func Searchable(query string) bool {
	_, ok := parseQuery(query)
	return ok
}

func parseQuery(s string) (query, bool) {
	folded, _ := fold(strings.TrimSpace(s))
	folded = stripQuestion(folded)
	if folded == "" {
		return query{}, false
	}
	q := query{folded: folded, terms: strings.Fields(folded)}
	q.pattern = strings.Join(q.terms, "")
	q.n = utf8.RuneCountInString(q.pattern)
	q.span = q.n + fuzzySkips(len(q.terms))
	q.keepSpan = q.n + maxFuzzySkips
	q.mask = charMask(q.pattern)
	for _, t := range q.terms {
		q.starts |= charMask(t[:1])
		p := pairMask(t)
		q.pairs[0] |= p[0]
		q.pairs[1] |= p[1]
	}
	q.fuzzy = q.n >= minFuzzy
	return q, true
}

func (q *query) patternRunes() []rune {
	if q.runes == nil {
		q.runes = []rune(q.pattern)
	}
	return q.runes
}

// cand is a matching entry before it becomes a Hit.
type cand struct {
	idx   int32
	score int32
}

// searchState is the scratch memory of one search, reused across searches.
type searchState struct {
	top      []cand   // the best hits so far: a min-heap (worst at the root) when limited
	runes    []rune   // a non-ASCII line decoded
	exact    []uint64 // bit per entry: it holds every word of the query
	groupHit []uint64 // bit per group: one of its lines holds every word
	keepIDs  []int32  // the lines a longer query could match
	// positions and ends collect the Matched slices of the hits being built.
	positions, ends []int
}

// groupBest is the best line so far of the group being scanned.
type groupBest struct {
	id   int32
	c    cand
	have bool
}

// offer takes a matching line: straight to the results, or as its
// group's best so far.
func (ix *Index) offer(st *searchState, g *groupBest, c cand, group int32, limit int) {
	if group < 0 {
		ix.keep(st, c, limit)
	} else if !g.have || ix.better(c, g.c) {
		g.c, g.have = c, true
	}
}

// flush ends a group: its best line goes to the results, and in the
// exact pass the group is marked so the fuzzy pass leaves it alone.
func (ix *Index) flush(st *searchState, groupHit []uint64, g *groupBest, limit int, exact bool) {
	if !g.have {
		return
	}
	ix.keep(st, g.c, limit)
	if exact && g.id >= 0 {
		// Atomically: two shards may end groups of the same 64-bit word.
		atomic.OrUint64(&groupHit[g.id>>6], 1<<(g.id&63))
	}
	g.have = false
}

// keep adds c to the results; with a limit, only the best limit stay.
func (ix *Index) keep(st *searchState, c cand, limit int) {
	if limit <= 0 {
		st.top = append(st.top, c)
		return
	}
	if len(st.top) < limit {
		st.top = append(st.top, c)
		ix.siftUp(st.top, len(st.top)-1)
		return
	}
	if ix.better(c, st.top[0]) {
		st.top[0] = c
		ix.siftDown(st.top, 0)
	}
}

// narrowed returns the lines worth searching for a query: those kept by
// an earlier query that this one extends, or ok false for all lines.
func (ix *Index) narrowed(folded string) (ids []int32, ok bool) {
	ix.mu.Lock()
	n := ix.narrow
	ix.mu.Unlock()
	if n == nil || ix.noNarrow || !strings.HasPrefix(folded, n.folded) {
		return nil, false
	}
	return n.ids, true
}

// remember keeps the lines that could match a query extending folded.
func (ix *Index) remember(folded string, ids []int32) {
	ix.mu.Lock()
	ix.narrow = &narrowing{folded: folded, ids: ids}
	ix.mu.Unlock()
}

// resetBits returns a cleared bit set of n bits, reusing b.
func resetBits(b []uint64, n int) []uint64 {
	w := (n + 63) / 64
	if cap(b) < w {
		return make([]uint64, w)
	}
	b = b[:w]
	clear(b)
	return b
}

// narrowing remembers the lines that could match any query that
// extends an earlier one, so typing on searches only those.
type narrowing struct {
	folded string  // the earlier query, folded and trimmed
	ids    []int32 // ascending entry indexes
}

// maxFuzzyScore bounds every fuzzy score: below it, no exact match.
const maxFuzzyScore = scoreFuzzy + 300

// minFuzzy is the shortest query matched fuzzily, in runes: two or three
// letters with a skip allowed match half of every sentence ("sre" in
// "measure"), which is noise, not an answer.
const minFuzzy = 4

// exactBound is the best score l could get for q as an exact match.
func exactBound(l *line, q *query) int32 {
	b := scoreExact + int(l.weight) + qualityWhole*len(q.terms) - min(len(l.lower)/4, 60)
	if l.starts&q.starts == q.starts {
		b += scoreWordStarts
	}
	if len(q.terms) == 1 && len(l.lower) == len(q.terms[0]) {
		b += scoreSame
	}
	return int32(b)
}

// fuzzyBound is the best score l could get for q as a fuzzy match.
func fuzzyBound(l *line, q *query) int32 {
	return int32(fuzzyScore(l.lower, q.n, q.n) + int(l.weight))
}

// scan is one search over the index's lines: what the shards of a pass
// share. Each shard reads its own range of lines and keeps its own best
// hits; exact is written by one shard per 64-bit word, groupHit
// atomically.
type scan struct {
	ix       *Index
	q        *query
	subset   []int32 // the lines to read when narrowed
	narrowed bool
	limit    int
	exact    []uint64
	groupHit []uint64
}

// line returns the index of the k-th line to read.
func (sc *scan) line(k int) int {
	if sc.narrowed {
		return int(sc.subset[k])
	}
	return k
}

// beaten reports whether a line (or chunk) whose best possible score is
// bound cannot make the results: they are full and their worst beats it.
func (st *searchState) beaten(limit int, bound int32) bool {
	return limit > 0 && len(st.top) == limit && bound < st.top[0].score
}

// passOver reports whether chunk c can be passed over unread: no line of
// it could make the results, whose best possible score is bound. A
// narrowed scan reads its lines, few and chosen, as they come.
func (sc *scan) passOver(st *searchState, bound int32) bool {
	return !sc.narrowed && !sc.ix.noChunkSkip && st.beaten(sc.limit, bound)
}

// exactPass offers the lines k in [from, to) that hold every word.
func (sc *scan) exactPass(st *searchState, from, to int) {
	ix, q, limit := sc.ix, sc.q, sc.limit
	grp := groupBest{id: -1}
	cur := -1 // the chunk being read
	for k := from; k < to; k++ {
		i := sc.line(k)
		if c := i >> chunkShift; c != cur {
			cur = c
			if sc.passOver(st, ix.chunks[c].exactBound(q)) {
				// No line of the chunk can make the results: each would
				// be passed over below; the chunk is, unbuilt.
				k = min(to, (c+1)<<chunkShift) - 1
				continue
			}
			ix.ensure(c)
		}
		e := &ix.lines[i]
		if e.group != grp.id {
			ix.flush(st, sc.groupHit, &grp, limit, true)
			grp.id = e.group
		}
		if e.mask&q.mask != q.mask {
			continue // a character of the query is missing: no match of either kind
		}
		if e.pairs[0]&q.pairs[0] != q.pairs[0] || e.pairs[1]&q.pairs[1] != q.pairs[1] {
			continue // two letters of a word are never side by side: no exact match
		}
		if st.beaten(limit, exactBound(e, q)) {
			// Cannot make the results (so they are full of exact hits, and
			// the fuzzy pass will not run).
			continue
		}
		score, ok := scoreExactMatch(e, q.terms)
		if !ok {
			continue
		}
		sc.exact[i>>6] |= 1 << (i & 63)
		ix.offer(st, &grp, cand{int32(i), int32(score)}, e.group, limit)
	}
	ix.flush(st, sc.groupHit, &grp, limit, true)
}

// fuzzyPass offers the lines k in [from, to) that match fuzzily, and
// keeps in st.keepIDs the lines that could match a query extending this
// one: every line that holds each word, or the pattern's letters in
// order however far apart.
func (sc *scan) fuzzyPass(st *searchState, from, to int) {
	ix, q, limit := sc.ix, sc.q, sc.limit
	keepIDs := st.keepIDs // a shard's segments add to one list
	grp := groupBest{id: -1}
	cur := -1 // the chunk being read
	for k := from; k < to; k++ {
		i := sc.line(k)
		if c := i >> chunkShift; c != cur {
			cur = c
			if sc.passOver(st, ix.chunks[c].fuzzyBound()) {
				// No line of the chunk can make the results; a longer
				// query may, so the lines are kept unread, as below:
				// those whose characters cover the query's when the
				// chunk is built, every one when it is not.
				end := min(to, (c+1)<<chunkShift)
				built := ix.chunks[c].built.Load()
				for j := k; j < end; j++ {
					if !built || ix.lines[j].mask&q.mask == q.mask {
						keepIDs = append(keepIDs, int32(j))
					}
				}
				k = end - 1
				continue
			}
			ix.ensure(c)
		}
		e := &ix.lines[i]
		if e.group != grp.id {
			ix.flush(st, sc.groupHit, &grp, limit, false)
			grp.id = e.group
		}
		if sc.exact[i>>6]&(1<<(i&63)) != 0 {
			keepIDs = append(keepIDs, int32(i))
			continue
		}
		if e.mask&q.mask != q.mask {
			continue
		}
		if e.group >= 0 && sc.groupHit[e.group>>6]&(1<<(e.group&63)) != 0 {
			// Another name of the group holds every word and outranks
			// any fuzzy match; a longer query may not, so keep the line.
			keepIDs = append(keepIDs, int32(i))
			continue
		}
		if st.beaten(limit, fuzzyBound(e, q)) {
			keepIDs = append(keepIDs, int32(i)) // unread: it might match a longer query
			continue
		}
		span, ok, near := fuzzySpan(st, e, q)
		if near {
			keepIDs = append(keepIDs, int32(i))
		}
		if ok {
			score := fuzzyScore(e.lower, span, q.n) + int(e.weight)
			ix.offer(st, &grp, cand{int32(i), int32(score)}, e.group, limit)
		}
	}
	ix.flush(st, sc.groupHit, &grp, limit, false)
	st.keepIDs = keepIDs
}

// shardFrom is how many lines a search reads before it splits the work
// across cores. The explorer runs each search on a goroutine of its own,
// off the UI loop; the first fuzzy query over O*NET's 78,000 lines read
// them all in 10 ms on one core.
const shardFrom = 20000

// maxShards is the most goroutines a search takes.
const maxShards = 4

// segmentSize is about how many lines a shard reads at a time. Shards
// take segments in turn until none is left, so the work evens out
// however it lies: the names, at the front, cost the most to read, and
// a fixed half of the lines gave one core two thirds of them.
const segmentSize = chunkSize

// shards cuts the n lines to read into segments, cuts[s] to cuts[s+1]
// (see cutAt), and says how many goroutines read them; nil cuts and one
// goroutine when the search is not worth splitting.
func (ix *Index) shards(subset []int32, narrowed bool, n int) (cuts []int, workers int) {
	workers, from, size := min(runtime.GOMAXPROCS(0), maxShards), shardFrom, segmentSize
	if ix.shardsForTest > 0 {
		// Several segments a shard, even in a small catalog.
		workers, from, size = ix.shardsForTest, 0, max(64, n/(4*ix.shardsForTest))
	}
	if n < from || workers < 2 {
		return nil, 1
	}
	line := func(k int) int {
		if narrowed {
			return int(subset[k])
		}
		return k
	}
	cuts = make([]int, 1, n/size+2) // cuts[0] = 0
	for c := size; c < n; c += size {
		for c < n && !ix.cutAt(line(c-1), line(c)) {
			c++
		}
		if c >= n {
			break
		}
		cuts = append(cuts, c)
	}
	cuts = append(cuts, n)
	if len(cuts) < 3 {
		return nil, 1
	}
	return cuts, min(workers, len(cuts)-1)
}

// searchShards runs both passes with workers goroutines over the
// segments and leaves the best hits in st.top.
func (ix *Index) searchShards(st *searchState, query query, base scan, cuts []int, workers int) {
	q := &query
	q.patternRunes() // made now: the shards read q at once
	sc := &base
	sc.q = q
	states := make([]*searchState, workers)
	states[0] = st
	for w := 1; w < len(states); w++ {
		states[w] = ix.scratch.Get().(*searchState)
		states[w].top, states[w].keepIDs = states[w].top[:0], states[w].keepIDs[:0]
		defer ix.scratch.Put(states[w])
	}
	// Exact pass: lines that hold every word.
	inShards(states, cuts, sc.exactPass)
	// Fuzzy pass, unless limit exact hits already outrank any fuzzy one.
	merged := ix.merge(nil, states, sc.limit)
	full := sc.limit > 0 && len(merged) == sc.limit && merged[0].score > maxFuzzyScore
	if q.fuzzy && !full {
		inShards(states, cuts, sc.fuzzyPass)
		ix.remember(q.folded, mergeSorted(states))
		merged = ix.merge(merged[:0], states, sc.limit)
	}
	st.top = append(st.top[:0], merged...)
}

// mergeSorted merges the shards' kept lines into one ascending list
// (each shard's is ascending: it takes segments front to back), as a
// later narrowed search reads them: a group's lines side by side.
func mergeSorted(states []*searchState) []int32 {
	size := 0
	for _, ws := range states {
		size += len(ws.keepIDs)
	}
	out := make([]int32, 0, size)
	at := make([]int, len(states))
	for len(out) < size {
		best := -1
		for w, ws := range states {
			if at[w] < len(ws.keepIDs) && (best < 0 || ws.keepIDs[at[w]] < states[best].keepIDs[at[best]]) {
				best = w
			}
		}
		out = append(out, states[best].keepIDs[at[best]])
		at[best]++
	}
	return out
}

// cutAt reports whether shards may meet between lines a and b (a < b):
// not inside a group (its names compete for one place in the results)
// nor inside a 64-line word of the bit set of exact lines, which shards
// write without locking.
func (ix *Index) cutAt(a, b int) bool {
	g := ix.refs[b].group
	return a>>6 != b>>6 && (g < 0 || g != ix.refs[a].group)
}

// inShards runs pass over the segments, states[w] for goroutine w: each
// takes the next segment not yet taken until there is none.
func inShards(states []*searchState, cuts []int, pass func(st *searchState, from, to int)) {
	var next atomic.Int32
	var wg sync.WaitGroup
	for w := range states {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := int(next.Add(1)) - 1; g < len(cuts)-1; g = int(next.Add(1)) - 1 {
				pass(states[w], cuts[g], cuts[g+1])
			}
		}()
	}
	wg.Wait()
}

// merge appends the shards' hits to dst and keeps the best limit of them
// (all when limit ≤ 0), as a heap like searchState.top.
func (ix *Index) merge(dst []cand, states []*searchState, limit int) []cand {
	m := &searchState{top: dst[:0]}
	for _, ws := range states {
		for _, c := range ws.top {
			ix.keep(m, c, limit)
		}
	}
	return m.top
}

// Search returns up to limit hits for query, best first (limit ≤ 0: all).
// Lines that contain every word of the query rank above fuzzy matches;
// within those, lines where every word starts a word come first, then
// titles and aliases above tasks and tools above body text, whole words
// above word starts, and short lines above long ones. Only the best line
// of a role's names (title and aliases) and of each task is kept.
//
// Fuzzy matching starts at four letters: the query's letters in order,
// skipping at most fuzzySkips letters of the line. Matched holds rune
// positions (the text is folded rune by rune: lower case, common Latin
// accents removed, so "developpeur" finds "Développeur").
//
// Search reads the lines in one pass per kind of match, with short cuts
// that never change the answer: a mask of the characters of each line
// (and one of its adjacent pairs) rejects most lines without reading
// them; lines are stored heaviest kind first, and once limit hits are
// found a line whose best possible score is lower is skipped; the fuzzy
// pass is skipped when limit lines already hold every word; and a query
// that extends the previous one (the user typed on) reads only the lines
// the previous one kept as able to match it.
func (ix *Index) Search(query string, limit int) []Hit {
	q, ok := parseQuery(query)
	if !ok {
		return nil
	}
	st := ix.scratch.Get().(*searchState)
	defer ix.scratch.Put(st)
	sc := scan{ix: ix, limit: limit} // q is set in the branch taken below
	sc.subset, sc.narrowed = ix.narrowed(q.folded)
	n := len(ix.refs)
	if sc.narrowed {
		n = len(sc.subset)
	}
	st.exact = resetBits(st.exact, len(ix.refs))
	st.groupHit = resetBits(st.groupHit, int(ix.groups))
	sc.exact, sc.groupHit = st.exact, st.groupHit
	st.top, st.keepIDs = st.top[:0], st.keepIDs[:0]

	if cuts, workers := ix.shards(sc.subset, sc.narrowed, n); workers > 1 {
		// By value, and without q in sc: nothing of a search on one
		// goroutine (the usual case) then has to move to the heap.
		ix.searchShards(st, q, sc, cuts, workers)
	} else {
		one := sc
		one.q = &q
		one.exactPass(st, 0, n)
		full := limit > 0 && len(st.top) == limit && st.top[0].score > maxFuzzyScore
		if q.fuzzy && !full {
			one.fuzzyPass(st, 0, n)
			ix.remember(q.folded, slices.Clone(st.keepIDs))
		}
	}

	if len(st.top) == 0 {
		return nil
	}
	slices.SortFunc(st.top, func(a, b cand) int {
		if ix.better(a, b) {
			return -1
		}
		if ix.better(b, a) {
			return 1
		}
		return 0
	})
	// Every hit's positions go into one block, cut up below.
	positions, ends := st.positions[:0], st.ends[:0]
	for _, c := range st.top {
		positions = matchPositions(st, &ix.lines[c.idx], &q, positions)
		ends = append(ends, len(positions))
	}
	st.positions, st.ends = positions, ends
	all := slices.Clone(positions)
	hits := make([]Hit, len(st.top))
	entries := make([]Entry, len(st.top))
	from := 0
	for k, c := range st.top {
		to := ends[k]
		entries[k] = ix.entry(c.idx)
		hits[k] = Hit{Entry: &entries[k], Score: int(c.score), Matched: all[from:to:to]}
		from = to
	}
	return hits
}

// better orders candidates: higher score, then text, then catalog order.
func (ix *Index) better(a, b cand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	ta, tb := ix.refs[a.idx].text, ix.refs[b.idx].text
	if ta != tb {
		return ta < tb
	}
	return a.idx < b.idx
}

// The heap keeps the worst kept candidate at its root.
func (ix *Index) siftUp(h []cand, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !ix.better(h[p], h[i]) {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func (ix *Index) siftDown(h []cand, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		w := l
		if r := l + 1; r < len(h) && ix.better(h[l], h[r]) {
			w = r
		}
		if !ix.better(h[i], h[w]) {
			return
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}

// scoreExactMatch scores a line that contains every term as a substring.
func scoreExactMatch(e *line, terms []string) (int, bool) {
	score := scoreExact + int(e.weight)
	starts := true
	for _, t := range terms {
		pos, q := bestOccurrence(e.lower, t)
		if pos < 0 {
			return 0, false
		}
		score += q
		if q == 0 {
			starts = false
		}
	}
	if starts {
		score += scoreWordStarts
	}
	// A short line that is mostly the query is a better answer than a long one.
	score -= min(len(e.lower)/4, 60)
	if len(terms) == 1 && e.lower == terms[0] {
		score += scoreSame
	}
	return score, true
}

// bestOccurrence finds t in s, preferring a whole word, then a word start.
// It returns the byte offset and the quality (qualityWhole, qualityStart
// or 0), or -1.
func bestOccurrence(s, t string) (int, int) {
	best, bestQ := -1, -1
	for off := 0; off <= len(s)-len(t); {
		i := strings.Index(s[off:], t)
		if i < 0 {
			break
		}
		i += off
		q := 0
		if i == 0 || !isWordBefore(s, i) {
			q = qualityStart
			if endsWord(s, i+len(t)) {
				q = qualityWhole
			}
		}
		if q > bestQ {
			best, bestQ = i, q
			if q == qualityWhole {
				break
			}
		}
		// Step past the first rune of the match (t may start with a
		// multi-byte rune).
		_, n := utf8.DecodeRuneInString(s[i:])
		off = i + n
	}
	return best, bestQ
}

// endsWord reports whether a word ends at byte j of s: at the end, before
// a non-letter, or before a plural or possessive ending ("nurse" in
// "nurses", "engineer" in "engineer's").
func endsWord(s string, j int) bool {
	if j >= len(s) || !isWordAt(s, j) {
		return true
	}
	rest := s[j:]
	for _, suffix := range [...]string{"s", "es", "'s"} {
		if strings.HasPrefix(rest, suffix) && (len(rest) == len(suffix) || !isWordAt(rest, len(suffix))) {
			return true
		}
	}
	return false
}

// isWordBefore reports whether the rune that ends before byte i of s is a
// letter or digit.
func isWordBefore(s string, i int) bool {
	if c := s[i-1]; c < utf8.RuneSelf {
		return isWordASCII(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordAt reports whether the rune at byte i of s is a letter or digit.
func isWordAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return isWordASCII(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

func fuzzyScore(lower string, span, n int) int {
	return scoreFuzzy - 10*(span-n) - min(len(lower)/4, 60)
}

// fuzzySpan returns the narrowest stretch of e's text, in runes, that
// holds the pattern's letters in order, and ok when it is at most q.span
// wide. near reports a stretch at most q.keepSpan wide: a line a longer
// query could still match.
func fuzzySpan(st *searchState, e *line, q *query) (span int, ok, near bool) {
	var start int
	if e.ascii {
		if q.n != len(q.pattern) {
			return 0, false, false // a non-ASCII letter cannot be in ASCII text
		}
		start, span = windowBytes(e.lower, q.pattern, q.keepSpan)
	} else {
		st.runes = appendRunes(st.runes[:0], e.lower)
		start, span = windowRunes(st.runes, q.patternRunes(), q.keepSpan)
	}
	return span, start >= 0 && span <= q.span, start >= 0
}

// windowBytes finds the narrowest window of s, at most limit bytes wide,
// that holds p as a subsequence: its start and width, or start -1. Within
// a window the letters are matched leftmost first.
func windowBytes(s, p string, limit int) (start, width int) {
	start = -1
	if len(p) == 0 || len(p) > len(s) {
		return
	}
	i := strings.IndexByte(s, p[0])
	if i < 0 {
		return
	}
	// Cheap rejection first: are the letters there in order at all?
	for j, k := i, 1; k < len(p); k++ {
		x := strings.IndexByte(s[j+1:], p[k])
		if x < 0 {
			return
		}
		j += 1 + x
	}
	for {
		// A window from i that is not narrower than the best so far is no
		// use: read no further than one that would be.
		reach := limit
		if start >= 0 {
			reach = min(reach, width-1)
		}
		end := min(len(s), i+reach)
		j, k := i, 1
		for x := i + 1; x < end && k < len(p); x++ {
			if s[x] == p[k] {
				j, k = x, k+1
			}
		}
		if k == len(p) {
			if w := j - i + 1; start < 0 || w < width {
				start, width = i, w
				if w == len(p) {
					return
				}
			}
		} else if end == len(s) {
			return // the text ran out: no later start gets further
		}
		next := strings.IndexByte(s[i+1:], p[0])
		if next < 0 {
			return
		}
		i += 1 + next
	}
}

// windowRunes is windowBytes for text and pattern as runes.
func windowRunes(s, p []rune, limit int) (start, width int) {
	start = -1
	if len(p) == 0 || len(p) > len(s) {
		return
	}
	for i := 0; i < len(s); i++ {
		if s[i] != p[0] {
			continue
		}
		end := min(len(s), i+limit)
		j, k := i, 1
		for x := i + 1; x < end && k < len(p); x++ {
			if s[x] == p[k] {
				j, k = x, k+1
			}
		}
		if k == len(p) {
			if w := j - i + 1; start < 0 || w < width {
				start, width = i, w
				if w == len(p) {
					return
				}
			}
		}
	}
	return
}

// matchPositions appends the rune positions of q in e's text to out: the
// best occurrence of every term for a line that holds them all, else the
// letters of the narrowest fuzzy window.
func matchPositions(st *searchState, e *line, q *query, out []int) []int {
	start := len(out)
	if _, ok := scoreExactMatch(e, q.terms); ok {
		for _, t := range q.terms {
			pos, _ := bestOccurrence(e.lower, t)
			r := pos
			if !e.ascii {
				r = utf8.RuneCountInString(e.lower[:pos])
			}
			for k := range utf8.RuneCountInString(t) {
				out = append(out, r+k)
			}
		}
		slices.Sort(out[start:])
		return append(out[:start], slices.Compact(out[start:])...)
	}
	if e.ascii {
		i, _ := windowBytes(e.lower, q.pattern, q.span)
		if i < 0 {
			return out
		}
		out = append(out, i)
		for k, j := 1, i; k < len(q.pattern); k++ {
			j += 1 + strings.IndexByte(e.lower[j+1:], q.pattern[k])
			out = append(out, j)
		}
		return out
	}
	st.runes = appendRunes(st.runes[:0], e.lower)
	p := q.patternRunes()
	i, _ := windowRunes(st.runes, p, q.span)
	if i < 0 {
		return out
	}
	out = append(out, i)
	for k, j := 1, i+1; k < len(p); j++ {
		if st.runes[j] == p[k] {
			out = append(out, j)
			k++
		}
	}
	return out
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// MatchText scores one text against a query the way Search does: every
// word of the query as a substring first (whole words and word starts
// best), else a compact fuzzy match. It returns the rune positions that
// matched, and ok false when the text does not match. A score of 1000 or
// more means the text contains every word.
func MatchText(text, query string) (score int, matched []int, ok bool) {
	q, ok := parseQuery(query)
	if !ok {
		return 0, nil, true
	}
	var e line
	e.lower, e.ascii = fold(text)
	if charMask(e.lower)&q.mask != q.mask {
		return 0, nil, false
	}
	var st searchState
	if sc, ok := scoreExactMatch(&e, q.terms); ok {
		return sc, matchPositions(&st, &e, &q, make([]int, 0, q.n)), true
	}
	if !q.fuzzy {
		return 0, nil, false
	}
	span, ok, _ := fuzzySpan(&st, &e, &q)
	if !ok {
		return 0, nil, false
	}
	return fuzzyScore(e.lower, span, q.n), matchPositions(&st, &e, &q, make([]int, 0, q.n)), true
}

// fuzzySkips is how many letters of the text a fuzzy match may skip: two
// ("postmrtm" finds "postmortem", "k8s" does not find "kubernetes"), and
// one more for each further word of the query, up to maxFuzzySkips (the
// spaces between the words of the text are skipped too). It does not
// grow with the length of the query, so a line that does not match a
// query within maxFuzzySkips cannot match any query that extends it:
// that is what makes narrowing exact.
func fuzzySkips(words int) int {
	return min(2+max(words-1, 0), maxFuzzySkips)
}

const maxFuzzySkips = 4

// charMask has a bit for each ASCII letter and digit s holds, and bit 63
// for any other rune outside ASCII punctuation and space. A line can only
// match a query whose mask it covers.
func charMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= charBits[s[i]]
	}
	return m
}

// charBits is the charMask bit of each byte: letters and digits have
// their own, punctuation and space share 26 more, and every byte of a
// non-ASCII rune sets bit 63.
var charBits = func() (t [256]uint64) {
	for c := range 256 {
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = 1 << (c - 'a')
		case c >= 'A' && c <= 'Z':
			t[c] = 1 << (c - 'A')
		case c >= '0' && c <= '9':
			t[c] = 1 << (26 + c - '0')
		case c >= utf8.RuneSelf:
			t[c] = 1 << 63
		default:
			t[c] = 1 << (36 + c%26)
		}
	}
	return t
}()

// startMask is charMask of the characters that start a word of s (the
// first of s, and each letter or digit after another character).
func startMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if i == 0 || !isWordBefore(s, i) {
			m |= charMask(s[i : i+n])
		}
		i += n
	}
	return m
}

// pairMask has a bit (of 128) for each pair of adjacent bytes of s: a
// line can only contain a word whose pairs it covers.
func pairMask(s string) [2]uint64 {
	var m [2]uint64
	for i := 0; i+1 < len(s); i++ {
		h := pairHash(s[i], s[i+1])
		m[h>>6] |= 1 << (h & 63)
	}
	return m
}

func pairHash(a, b byte) uint32 {
	return (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 25
}

// fold lower-cases s rune by rune and removes the accents of common Latin
// letters (é → e), so "developpeur" finds "Développeur". Every rune maps
// to exactly one rune: rune positions in the result are rune positions in
// s. It reports whether the result is ASCII.
func fold(s string) (string, bool) {
	simple := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			simple = false
			break
		}
	}
	if simple {
		return s, true
	}
	b, ascii := appendFolded(make([]byte, 0, len(s)), s)
	return string(b), ascii
}

// appendFolded appends s folded to b and reports whether what it
// appended is ASCII.
func appendFolded(b []byte, s string) ([]byte, bool) {
	ascii := true
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf {
			j++
		}
		if j > i { // a run of ASCII
			n := len(b)
			b = append(b, s[i:j]...)
			for k := n; k < len(b); k++ {
				if c := b[k]; c >= 'A' && c <= 'Z' {
					b[k] = c + 'a' - 'A'
				}
			}
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		r = foldRune(r)
		if r >= utf8.RuneSelf {
			ascii = false
		}
		b = utf8.AppendRune(b, r)
		i += size
	}
	return b, ascii
}

// latinFold maps U+00C0…U+017F to their base letters, lower case; a space
// means the rune has no single-letter base (ß, æ, þ…) and only lower-cases.
const latinFold = "" +
	"aaaaaa ceeeeiiii" + // U+00C0
	"dnooooo ouuuuy  " + // U+00D0
	"aaaaaa ceeeeiiii" + // U+00E0
	"dnooooo ouuuuy y" + // U+00F0
	"aaaaaaccccccccdd" + // U+0100
	"ddeeeeeeeeeegggg" + // U+0110
	"gggghhhhiiiiiiii" + // U+0120
	"ii  jjkk lllllll" + // U+0130
	"lllnnnnnn   oooo" + // U+0140
	"oo  rrrrrrssssss" + // U+0150
	"ssttttttuuuuuuuu" + // U+0160
	"uuuuwwyyyzzzzzzs" // U+0170

func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r >= 0xC0 && r <= 0x17F {
		if c := latinFold[r-0xC0]; c != ' ' {
			return rune(c)
		}
	}
	return unicode.ToLower(r)
}
