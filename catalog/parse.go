package catalog

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// MaxSummary is the longest summary a role or pillar may have, in characters.
const MaxSummary = 200

// MaxBlocks is the most markdown blocks (paragraphs, list items, quotes,
// headings…) the body of a role file may hold.
const MaxBlocks = 2000

var idRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var md = goldmark.New()

type roleFront struct {
	Title     string   `yaml:"title"`
	Aliases   []string `yaml:"aliases"`
	Family    string   `yaml:"family"`
	Track     string   `yaml:"track"`
	Summary   string   `yaml:"summary"`
	Tools     []string `yaml:"tools"`
	ReportsTo []string `yaml:"reports_to"`
	NextRoles []string `yaml:"next_roles"`
	Related   []string `yaml:"related"`
}

type pillarFront struct {
	Title   string `yaml:"title"`
	Order   int    `yaml:"order"`
	Summary string `yaml:"summary"`
	Groups  []struct {
		Name  string `yaml:"name"`
		Roles []struct {
			Role         string `yaml:"role"`
			Contribution string `yaml:"contribution"`
		} `yaml:"roles"`
	} `yaml:"groups"`
}

type taskFront struct {
	Title    string   `yaml:"title"`
	Aliases  []string `yaml:"aliases"`
	Owners   []string `yaml:"owners"`
	Helpers  []string `yaml:"helpers"`
	SmallOrg []string `yaml:"small_org"`
	Pillars  []string `yaml:"pillars"`
}

// fileParser collects the problems of one file.
type fileParser struct {
	path  string
	probs *Problems
	bad   bool
}

func (p *fileParser) report(line int, msg string) {
	p.probs.add(p.path, line, "%s", msg)
	p.bad = true
}

func (p *fileParser) reportf(line int, format string, args ...any) {
	p.report(line, fmt.Sprintf(format, args...))
}

// parseRole parses a role file. It returns nil when the file cannot be used.
func parseRole(path, id string, data []byte, probs *Problems) *Role {
	p := &fileParser{path: path, probs: probs}
	doc, err := splitFrontMatter(data)
	if err != nil {
		le := err.(*lineError)
		p.report(le.line, le.msg)
		return nil
	}
	var f roleFront
	node := decodeFront(doc, &f, p.report)
	if node == nil {
		return nil
	}
	lines := map[string]int{}
	for _, k := range []string{"title", "family", "track", "summary", "aliases", "tools", "reports_to", "next_roles", "related"} {
		itemLines(node, k, doc.frontLine-1, lines)
	}
	r := &Role{
		ID:        id,
		Title:     clean(f.Title),
		Aliases:   cleanList(f.Aliases),
		Family:    clean(f.Family),
		Summary:   clean(f.Summary),
		Tools:     cleanList(f.Tools),
		ReportsTo: cleanList(f.ReportsTo),
		NextRoles: cleanList(f.NextRoles),
		Related:   cleanList(f.Related),
		Path:      path,
		Lines:     lines,
	}
	p.required(lines, doc.frontLine, "title", r.Title)
	p.required(lines, doc.frontLine, "family", r.Family)
	p.required(lines, doc.frontLine, "summary", r.Summary)
	if len([]rune(r.Summary)) > MaxSummary {
		p.reportf(lines["summary"], "summary is %d characters; keep it to one line of at most %d", len([]rune(r.Summary)), MaxSummary)
	}
	if t, ok := ParseTrack(f.Track); ok {
		r.Track = t
	} else if strings.TrimSpace(f.Track) == "" {
		p.reportf(doc.frontLine, "missing required field \"track\"")
	} else {
		p.reportf(lines["track"], "unknown track %q: use individual contributor, lead, manager or executive", Sanitize(f.Track))
	}
	p.roleBody(r, doc)
	if p.bad {
		return nil
	}
	return r
}

func (p *fileParser) required(lines map[string]int, frontLine int, field, value string) {
	if value == "" {
		line := lines[field]
		if line == 0 {
			line = frontLine
		}
		p.reportf(line, "missing required field %q", field)
	}
}

// section is a level-2 heading of a body and the blocks under it.
type section struct {
	name   string
	line   int
	blocks []ast.Node
}

// sections splits a markdown body into its level-2 sections.
func (p *fileParser) sections(body []byte, bodyLine int, src *source) []section {
	var out []section
	for n := src.doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			out = append(out, section{name: src.text(h), line: src.line(h)})
			continue
		}
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			p.reportf(src.line(h), "a level-1 heading is not used in catalog files; the title comes from the front matter")
			continue
		}
		if len(out) == 0 {
			p.reportf(src.line(n), "text before the first ## section; put it under ## Notes")
			continue
		}
		out[len(out)-1].blocks = append(out[len(out)-1].blocks, n)
	}
	return out
}

func (p *fileParser) roleBody(r *Role, doc document) {
	src := newSource(doc.body, doc.bodyLine)
	if n := src.nthBlock(MaxBlocks + 1); n != nil {
		// The page renderer takes time that grows with the square of the
		// number of list items: 100,000 one-line items, well under the
		// size limit, took minutes.
		p.reportf(src.line(n), "more than %d paragraphs, list items and other blocks: keep a role page shorter", MaxBlocks)
		return
	}
	seen := map[string]int{}
	for _, s := range p.sections(doc.body, doc.bodyLine, src) {
		key := strings.ToLower(s.name)
		if prev, dup := seen[key]; dup {
			p.reportf(s.line, "section %q is given twice (first on line %d)", s.name, prev)
			continue
		}
		seen[key] = s.line
		switch key {
		case "responsibilities":
			p.responsibilities(r, s, src)
		case "dimensions":
			p.dimensions(r, s, src)
		case "notes":
			r.Notes = Sanitize(src.raw(s.blocks))
		default:
			p.reportf(s.line, "unknown section %q: use Responsibilities, Dimensions or Notes", Sanitize(s.name))
		}
	}
	if _, ok := seen["responsibilities"]; !ok {
		p.reportf(doc.bodyLine, "missing section \"## Responsibilities\"")
	}
	if _, ok := seen["dimensions"]; !ok {
		p.reportf(doc.bodyLine, "missing section \"## Dimensions\"")
	}
}

func (p *fileParser) responsibilities(r *Role, s section, src *source) {
	for _, b := range s.blocks {
		list, ok := b.(*ast.List)
		if !ok {
			p.reportf(src.line(b), "Responsibilities must be a bullet list")
			continue
		}
		for item := list.FirstChild(); item != nil; item = item.NextSibling() {
			if t := clean(src.raw(children(item))); t != "" {
				r.Responsibilities = append(r.Responsibilities, t)
			}
		}
	}
	if len(r.Responsibilities) == 0 {
		p.reportf(s.line, "Responsibilities has no items")
	}
}

func (p *fileParser) dimensions(r *Role, s section, src *source) {
	// cur is the dimension being read; noHeading before the first ###,
	// rejected under a heading already reported (its text is skipped
	// rather than reported a second time).
	const noHeading, rejected = -1, -2
	cur := noHeading
	var parts []ast.Node
	given := map[int]int{}
	flush := func() {
		if cur >= 0 {
			r.Dimensions[cur] = clean(src.raw(parts))
		}
		parts = nil
	}
	for _, b := range s.blocks {
		if h, ok := b.(*ast.Heading); ok && h.Level == 3 {
			flush()
			name := src.text(h)
			cur = DimensionIndex(name)
			if cur < 0 {
				p.reportf(src.line(h), "unknown dimension %q (known: %s)", Sanitize(name), dimensionNames())
				cur = rejected
				continue
			}
			if prev, dup := given[cur]; dup {
				p.reportf(src.line(h), "dimension %q is given twice (first on line %d)", Dimensions[cur].Name, prev)
				cur = rejected
				continue
			}
			given[cur] = src.line(h)
			continue
		}
		switch cur {
		case noHeading:
			p.reportf(src.line(b), "text under Dimensions must follow a ### dimension heading")
		case rejected:
		default:
			parts = append(parts, b)
		}
	}
	flush()
}

func dimensionNames() string {
	names := make([]string, len(Dimensions))
	for i, d := range Dimensions {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

// parsePillar parses a pillar file. It returns nil when the file cannot be used.
func parsePillar(path, id string, data []byte, probs *Problems) *Pillar {
	p := &fileParser{path: path, probs: probs}
	doc, err := splitFrontMatter(data)
	if err != nil {
		le := err.(*lineError)
		p.report(le.line, le.msg)
		return nil
	}
	var f pillarFront
	node := decodeFront(doc, &f, p.report)
	if node == nil {
		return nil
	}
	lines := map[string]int{}
	for _, k := range []string{"title", "summary", "groups"} {
		itemLines(node, k, doc.frontLine-1, lines)
	}
	pl := &Pillar{ID: id, Title: clean(f.Title), Order: f.Order, Summary: clean(f.Summary),
		Body: Sanitize(strings.TrimSpace(string(doc.body))), Path: path}
	p.required(lines, doc.frontLine, "title", pl.Title)
	p.required(lines, doc.frontLine, "summary", pl.Summary)
	if len(f.Groups) == 0 {
		p.reportf(doc.frontLine, "missing required field \"groups\"")
	}
	groupsNode := mapValue(node, "groups")
	for gi, g := range f.Groups {
		grp := Group{Name: clean(g.Name)}
		gnode := seqItem(groupsNode, gi)
		if grp.Name == "" {
			p.reportf(nodeLine(gnode, doc), "group %d has no name", gi+1)
		}
		rolesNode := mapValue(gnode, "roles")
		for mi, m := range g.Roles {
			line := nodeLine(seqItem(rolesNode, mi), doc)
			mem := Member{Role: clean(m.Role), Contribution: clean(m.Contribution), Line: line}
			if mem.Role == "" {
				p.reportf(line, "group %q: entry %d has no role", grp.Name, mi+1)
			}
			if mem.Contribution == "" {
				p.reportf(line, "group %q: role %q has no contribution", grp.Name, mem.Role)
			}
			grp.Members = append(grp.Members, mem)
		}
		pl.Groups = append(pl.Groups, grp)
	}
	if p.bad {
		return nil
	}
	return pl
}

// parseTask parses a task file. It returns nil when the file cannot be used.
func parseTask(path, id string, data []byte, probs *Problems) *Task {
	p := &fileParser{path: path, probs: probs}
	doc, err := splitFrontMatter(data)
	if err != nil {
		le := err.(*lineError)
		p.report(le.line, le.msg)
		return nil
	}
	var f taskFront
	node := decodeFront(doc, &f, p.report)
	if node == nil {
		return nil
	}
	lines := map[string]int{}
	for _, k := range []string{"title", "aliases", "owners", "helpers", "small_org", "pillars"} {
		itemLines(node, k, doc.frontLine-1, lines)
	}
	t := &Task{ID: id, Title: clean(f.Title), Aliases: cleanList(f.Aliases), Owners: cleanList(f.Owners),
		Helpers: cleanList(f.Helpers), SmallOrg: cleanList(f.SmallOrg), Pillars: cleanList(f.Pillars),
		Body: Sanitize(strings.TrimSpace(string(doc.body))), Path: path, Lines: lines}
	p.required(lines, doc.frontLine, "title", t.Title)
	if len(t.Owners) == 0 {
		line := lines["owners"]
		if line == 0 {
			line = doc.frontLine
		}
		p.reportf(line, "missing required field \"owners\"")
	}
	if p.bad {
		return nil
	}
	return t
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func seqItem(s *yaml.Node, i int) *yaml.Node {
	if s == nil || s.Kind != yaml.SequenceNode || i >= len(s.Content) {
		return nil
	}
	return s.Content[i]
}

func nodeLine(n *yaml.Node, doc document) int {
	if n == nil {
		return doc.frontLine
	}
	return doc.frontLine - 1 + n.Line
}

// clean sanitizes s and folds its runs of white space into single spaces.
func clean(s string) string {
	return Sanitize(strings.Join(strings.Fields(s), " "))
}

func cleanList(in []string) []string {
	var out []string
	for _, s := range in {
		if c := clean(s); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// source is a parsed markdown body with helpers to map nodes back to text
// and file lines.
type source struct {
	src      []byte
	doc      ast.Node
	baseLine int
}

func newSource(body []byte, baseLine int) *source {
	return &source{src: body, doc: md.Parser().Parse(text.NewReader(body)), baseLine: baseLine}
}

// start returns the byte offset where n's text begins, or -1.
func (s *source) start(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if x := s.start(c); x >= 0 {
			return x
		}
	}
	return -1
}

// nthBlock returns the n-th block node of the document in document
// order (1-based), or nil when there are fewer.
func (s *source) nthBlock(n int) ast.Node {
	var found ast.Node
	count := 0
	ast.Walk(s.doc, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock || c == s.doc {
			return ast.WalkContinue, nil
		}
		if count++; count == n {
			found = c
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

func (s *source) line(n ast.Node) int {
	off := s.start(n)
	if off < 0 {
		return s.baseLine
	}
	return s.baseLine + bytes.Count(s.src[:off], []byte("\n"))
}

// text returns the raw text of a heading.
func (s *source) text(h *ast.Heading) string {
	var b strings.Builder
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		b.Write(seg.Value(s.src))
	}
	return strings.TrimSpace(b.String())
}

// raw returns the source markdown of the given blocks, lines joined with
// newlines and blocks separated by blank lines.
func (s *source) raw(blocks []ast.Node) string {
	var parts []string
	for _, b := range blocks {
		parts = append(parts, s.blockText(b))
	}
	return strings.TrimSpace(strings.Join(parts, "\n\n"))
}

func (s *source) blockText(n ast.Node) string {
	if l := n.Lines(); n.Type() == ast.TypeBlock && l != nil && l.Len() > 0 && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
		var b strings.Builder
		for i := 0; i < l.Len(); i++ {
			seg := l.At(i)
			b.Write(seg.Value(s.src))
		}
		return strings.TrimSpace(b.String())
	}
	// A container (list, quote…) or a code block: take its whole source span.
	first, last := s.start(n), s.end(n)
	if first < 0 || last < first {
		return ""
	}
	return strings.TrimSpace(string(s.src[lineStart(s.src, first):last]))
}

func (s *source) end(n ast.Node) int {
	best := -1
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			best = l.At(l.Len() - 1).Stop
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if x := s.end(c); x > best {
			best = x
		}
	}
	return best
}

func lineStart(src []byte, off int) int {
	i := bytes.LastIndexByte(src[:off], '\n')
	return i + 1
}

func children(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}
