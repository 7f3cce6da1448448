package catalog

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The tests in this file read the four seed documents themselves
// (shared/seeds, next to the repository, or $ROLEDEX_SEEDS) and pull
// every role name out of them, so a name added to a seed or missed by
// hand cannot slip through. Without the seeds they are skipped; the
// hand-kept seedNames list in content_test.go then stands in, and
// TestSeedNamesListComplete keeps that list equal to what the seeds name.

// seedDir finds the seed documents, or "" when they are not around.
func seedDir() string {
	for _, d := range []string{os.Getenv("ROLEDEX_SEEDS"), "../../shared/seeds", "../shared/seeds"} {
		if d == "" {
			continue
		}
		if m, _ := filepath.Glob(filepath.Join(d, "00[0-3]_*.txt")); len(m) == 4 {
			return d
		}
	}
	return ""
}

// seedText reads the seed whose file name starts with prefix ("002").
func seedText(t *testing.T, dir, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if len(m) != 1 {
		t.Fatalf("seed %s: %d files", prefix, len(m))
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// unbold maps the mathematical bold letters seed 000 uses for its
// headings (𝐃𝐞𝐯𝐎𝐩𝐬) to plain ASCII.
func unbold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x1D400 && r <= 0x1D419:
			return 'A' + (r - 0x1D400)
		case r >= 0x1D41A && r <= 0x1D433:
			return 'a' + (r - 0x1D41A)
		}
		return r
	}, s)
}

// roleNouns are the words that, standing alone, make a slash part a variant of the
// part before it: "Quality Assurance Analyst / Engineer" names a
// Quality Assurance Engineer, "Incident Response Manager / Team Member" an
// Incident Response Team Member.
var roleNouns = map[string]bool{
	"Engineer": true, "Manager": true, "Lead": true, "Analyst": true, "Specialist": true,
	"Officer": true, "Technician": true, "Champion": true, "Team Member": true,
	"Developer": true, "Architect": true, "Owner": true, "Administrator": true,
	"Coordinator": true, "Planner": true,
}

// expandLabel turns a slash-joined seed label into the names it stands
// for, and adds the short and long forms of a parenthesised abbreviation
// ("Security Operations Center (SOC) Analyst" → "SOC Analyst").
func expandLabel(label string) []string {
	var names []string
	base := ""
	for _, part := range strings.Split(label, "/") {
		part = strings.TrimSpace(part)
		words := strings.Fields(part)
		if suffix := base != "" && roleNouns[part]; suffix {
			bw := strings.Fields(base)
			part = strings.Join(append(bw[:len(bw)-1:len(bw)-1], words...), " ")
		} else {
			base = part
		}
		names = append(names, part)
		if open := strings.Index(part, "("); open > 0 {
			if end := strings.Index(part, ")"); end > open {
				head, abbr, rest := strings.TrimSpace(part[:open]), part[open+1:end], strings.TrimSpace(part[end+1:])
				names = append(names, strings.TrimSpace(head+" "+rest), strings.TrimSpace(abbr+" "+rest))
			}
		}
	}
	return names
}

// seedBullet is one role label of seed 002, with where it stands.
type seedBullet struct {
	pillar, group, label string
}

// seed002 walks the pillar guide: pillar titles, group headings and the
// "• Label – contribution" lines under them.
func seed002(text string) []seedBullet {
	pillars := map[string]bool{"Operational Excellence": true, "Security": true, "Reliability": true,
		"Performance Efficiency": true, "Cost Optimization": true, "Sustainability": true}
	var out []seedBullet
	pillar, group := "", ""
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line == "Roles":
		case strings.HasPrefix(line, "•"):
			label, _, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "•")), " – ")
			out = append(out, seedBullet{pillar, group, strings.TrimSpace(label)})
		case pillars[line]:
			pillar, group = line, ""
		default:
			group = line
		}
	}
	return out
}

// seedMention is a role a seed names in running text, where no pattern
// can pick it out: the phrase as it stands in the seed and the name a
// reader would look up for it.
type seedMention struct {
	seed, phrase string
	names        []string
}

var seedMentions = []seedMention{
	{"000", "Solution Architect - Decides", []string{"Solution Architect"}},
	{"000", "dedicated system designer", []string{"System Designer"}},
	{"000", "senior engineers or developers", []string{"Software Engineer", "Software Developer"}},
	{"001", "Reports to Engineering Manager, VP Engineering, or CTO", []string{"Engineering Manager", "VP Engineering", "CTO"}},
	{"001", "Reports to CEO", []string{"CEO"}},
	{"001", "Manages EMs/Directors", []string{"EM", "Engineering Manager", "Director of Engineering"}},
	{"001", "software engineers and SREs", []string{"Software Engineer", "SRE"}},
	{"001", "infrastructure or platform team", []string{"Infrastructure Engineer", "Platform Engineer"}},
	{"001", "path to SRE Lead, Platform Engineering Manager, or VP Infrastructure", []string{"SRE Lead", "Platform Engineering Manager", "VP Infrastructure"}},
	{"001", "→ VP / CTO", []string{"VP of Engineering", "CTO"}},
	{"003", "**System Administrator (SysAdmin)**", []string{"SysAdmin"}},
}

// namesFromSeeds returns every role name the four seeds hold, each once,
// in the order met.
func namesFromSeeds(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	add := func(ns ...string) {
		for _, n := range ns {
			n = strings.Join(strings.Fields(n), " ")
			if n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	texts := map[string]string{}
	for _, s := range []string{"000", "001", "002", "003"} {
		texts[s] = seedText(t, dir, s)
	}

	// 000: the title line, the bold headings, the one-line summaries.
	bullet := regexp.MustCompile(`^•\s*(.+?) - `)
	for i, raw := range strings.Split(texts["000"], "\n") {
		line := strings.TrimSpace(raw)
		plain := unbold(line)
		switch {
		case strings.Contains(line, "≠") && i < 20:
			for _, n := range strings.Split(line, "≠") {
				add(n)
			}
		case plain != line && !strings.HasPrefix(line, "•"):
			add(expandLabel(plain)...)
		case bullet.MatchString(line):
			add(expandLabel(bullet.FindStringSubmatch(line)[1])...)
		}
	}

	// 001: the three compared roles from the table header.
	for _, line := range strings.Split(texts["001"], "\n") {
		if strings.HasPrefix(line, "| Dimension |") {
			for _, cell := range strings.Split(line, "|")[2:] {
				add(cell)
			}
		}
	}

	// 002: every name in every slash label.
	for _, b := range seed002(texts["002"]) {
		add(expandLabel(b.label)...)
	}

	// 003: the bold role headings and the small-organisation bullets.
	bold := regexp.MustCompile(`^(?:#+|-)\s*\*\*(?:\d+\.\s*)?([^*]+)\*\*\s*$`)
	for _, line := range strings.Split(texts["003"], "\n") {
		if m := bold.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			if m[1] != "Other Relevant Roles" && m[1] != "In Smaller Organizations" {
				add(expandLabel(m[1])...)
			}
		}
	}

	for _, m := range seedMentions {
		if !strings.Contains(texts[m.seed], m.phrase) {
			t.Errorf("seed %s no longer says %q", m.seed, m.phrase)
		}
		add(m.names...)
	}
	return names
}

// findExact resolves a name through titles and aliases only, without the
// prefix fallback of Find, so that a name counts as found only when the
// catalog really carries it.
func findExact(c *Catalog, name string) *Role {
	if open, end := strings.Index(name, "("), strings.Index(name, ")"); open > 0 && end > open {
		name = name[:open] + name[end+1:] // the parts are looked up on their own
	}
	if r := c.names()[normalize(name)]; r != nil {
		return r
	}
	return nil
}

func TestSeedNamesResolve(t *testing.T) {
	dir := seedDir()
	if dir == "" {
		t.Skip("seed documents not found (set ROLEDEX_SEEDS)")
	}
	c := builtIn(t)
	names := namesFromSeeds(t, dir)
	if len(names) < 150 {
		t.Errorf("only %d names pulled from the seeds; is the extraction broken?", len(names))
	}
	for _, n := range names {
		if testing.Verbose() {
			if r := findExact(c, n); r != nil {
				t.Logf("%-45s → %s", n, r.ID)
			}
		}
		if findExact(c, n) == nil {
			if r, err := c.Find(n); err == nil {
				t.Errorf("seed name %q is not a title or alias; Find only guesses %s", n, r.ID)
			} else {
				t.Errorf("seed name %q: %v", n, err)
			}
		}
	}
}

// TestSeedNamesListComplete keeps the hand list in content_test.go (which
// runs where the seeds are absent) in step with the seeds.
func TestSeedNamesListComplete(t *testing.T) {
	dir := seedDir()
	if dir == "" {
		t.Skip("seed documents not found (set ROLEDEX_SEEDS)")
	}
	for _, n := range namesFromSeeds(t, dir) {
		if !slices.Contains(seedNames, n) {
			t.Errorf("seedNames in content_test.go lacks %q", n)
		}
	}
}

// TestSeedPillarGroups checks seed 002 against content/pillars: every
// group of every pillar exists under the same name, and every role its
// label names is a member of that group with a contribution. A group may
// hold more roles than the seed names (the SRE Lead in Reliability, the
// CFO in Cost Optimization), so membership is checked as a superset of the
// seed's, never as equality.
func TestSeedPillarGroups(t *testing.T) {
	dir := seedDir()
	if dir == "" {
		t.Skip("seed documents not found (set ROLEDEX_SEEDS)")
	}
	c := builtIn(t)
	byTitle := map[string]*Pillar{}
	for _, p := range c.Pillars {
		byTitle[p.Title] = p
	}
	for _, b := range seed002(seedText(t, dir, "002")) {
		p := byTitle[b.pillar]
		if p == nil {
			t.Errorf("no pillar titled %q", b.pillar)
			continue
		}
		var group *Group
		for i := range p.Groups {
			if p.Groups[i].Name == b.group {
				group = &p.Groups[i]
			}
		}
		if group == nil {
			t.Errorf("%s: no group %q", p.ID, b.group)
			continue
		}
		var ids []string
		for _, n := range expandLabel(b.label) {
			if r := findExact(c, n); r != nil && !slices.Contains(ids, r.ID) {
				ids = append(ids, r.ID)
			}
		}
		for _, id := range ids {
			found := false
			for _, m := range group.Members {
				if m.Role == id {
					found = m.Contribution != ""
				}
			}
			if !found {
				t.Errorf("%s / %s: %q names %s, which has no contribution there", p.ID, b.group, b.label, id)
			}
		}
	}
}
