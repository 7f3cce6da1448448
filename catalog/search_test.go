package catalog

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/roledex/roledex/content"
)

// searchCatalog is a small handmade catalog for ranking tests.
func searchCatalog() *Catalog {
	roles := map[string]*Role{
		"backup-admin": {ID: "backup-admin", Title: "Backup Administrator", Aliases: []string{"Backup Admin", "Vault Keeper"},
			Summary: "Keeps copies of everything.", Responsibilities: []string{"Tests restores every month."}},
		"ops": {ID: "ops", Title: "Operator", Summary: "Runs the night shift.",
			Responsibilities: []string{
				"Checks every backup before the weekend.",
				"Acts as vault keeper for the office keys.",
				"Starts the batch servers.",
				"Draws art for the status page.",
			},
			Tools: []string{"Restic Backup"}},
		"dev": {ID: "dev", Title: "Entwickler", Summary: "Schreibt Software.",
			Responsibilities: []string{"Déploie über Nacht les services."}},
	}
	roles["dev"].Dimensions[DimensionIndex("Scope")] = "Größe der Kaffeemaschine."
	tasks := map[string]*Task{
		"nightly-backup": {ID: "nightly-backup", Title: "Nightly backup", Aliases: []string{"backup job"}, Owners: []string{"backup-admin", "ops"}},
	}
	c := newCatalog(roles, map[string]*Pillar{}, tasks)
	c.index()
	return c
}

func TestSearchBuiltInSSL(t *testing.T) {
	c, _ := Load(Source{FS: content.FS, Name: "content"})
	hits := NewIndex(c).Search("ssl cert", 10)
	if len(hits) == 0 {
		t.Fatal("no hits for ssl cert")
	}
	if h := hits[0]; h.Kind != KindTask || h.Task != "ssl-certificate-management" {
		t.Errorf("first hit = %s %s %q, want the SSL certificate task", h.Kind, h.Task, h.Text)
	}
	if c.Task("ssl-certificate-management") == nil || hits[0].Role != c.Task("ssl-certificate-management").Owners[0] {
		t.Errorf("a task hit belongs to its first owner, got %q", hits[0].Role)
	}
}

func TestSearchNamesAboveBodyText(t *testing.T) {
	ix := NewIndex(searchCatalog())
	hits := ix.Search("backup", 0)
	if len(hits) < 4 {
		t.Fatalf("hits = %v", hits)
	}
	// The task title "Nightly backup" and alias "backup job" are a task;
	// the role title must still come before every body line.
	firstBody := -1
	titleAt := -1
	for i, h := range hits {
		switch h.Kind {
		case KindTitle, KindAlias:
			if titleAt < 0 {
				titleAt = i
			}
		case KindResponsibility, KindDimension, KindSummary, KindContribution:
			if firstBody < 0 {
				firstBody = i
			}
		}
	}
	if titleAt < 0 || firstBody < 0 || titleAt > firstBody {
		t.Errorf("title at %d, first body hit at %d: names must rank above body text; hits %v", titleAt, firstBody, kinds(hits))
	}
	if hits[titleAt].Role != "backup-admin" || hits[titleAt].Text != "Backup Administrator" {
		t.Errorf("name hit = %+v", hits[titleAt])
	}
	// One name hit per role: "Backup Admin" is the same answer again.
	names := 0
	tasks := 0
	for _, h := range hits {
		if h.Role == "backup-admin" && (h.Kind == KindTitle || h.Kind == KindAlias) {
			names++
		}
		if h.Task == "nightly-backup" {
			tasks++
		}
	}
	if names != 1 || tasks != 1 {
		t.Errorf("name hits for backup-admin = %d, task hits = %d; want 1 each", names, tasks)
	}

	// An alias beats the same words in a responsibility.
	hits = ix.Search("vault keeper", 0)
	if len(hits) < 2 || hits[0].Kind != KindAlias || hits[0].Role != "backup-admin" {
		t.Errorf("vault keeper: %v, want the alias first", kinds(hits))
	}
	found := false
	for _, h := range hits {
		if h.Kind == KindResponsibility && h.Role == "ops" {
			found = true
		}
	}
	if !found {
		t.Error("vault keeper: the responsibility that mentions it is missing")
	}
}

func kinds(hits []Hit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, string(h.Kind)+":"+h.Text)
	}
	return out
}

func TestSearchWholeWordFirst(t *testing.T) {
	ix := NewIndex(searchCatalog())
	hits := ix.Search("art", 0)
	if len(hits) < 2 {
		t.Fatalf("hits = %v", kinds(hits))
	}
	if hits[0].Text != "Draws art for the status page." {
		t.Errorf("first hit %q: a whole word beats a match inside \"Starts\"", hits[0].Text)
	}
	if want := []int{6, 7, 8}; !reflect.DeepEqual(hits[0].Matched, want) {
		t.Errorf("matched = %v, want %v", hits[0].Matched, want)
	}
}

func TestSearchMatchedAreRunePositions(t *testing.T) {
	ix := NewIndex(searchCatalog())
	tests := []struct {
		query, text string
		matched     []int
	}{
		// "Déploie über": é is two bytes, ü two more; runes count once each.
		{"über", "Déploie über Nacht les services.", []int{8, 9, 10, 11}},
		{"nacht über", "Déploie über Nacht les services.", []int{8, 9, 10, 11, 13, 14, 15, 16, 17}},
		{"kaffee", "Größe der Kaffeemaschine.", []int{10, 11, 12, 13, 14, 15}},
		// Fuzzy: k-a-f-e with one f skipped.
		{"kafe", "Größe der Kaffeemaschine.", []int{10, 11, 12, 14}},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			var hit *Hit
			for _, h := range ix.Search(tc.query, 0) {
				if h.Text == tc.text {
					hit = &h
					break
				}
			}
			if hit == nil {
				t.Fatalf("%q not found", tc.text)
			}
			if !reflect.DeepEqual(hit.Matched, tc.matched) {
				t.Errorf("matched = %v, want %v", hit.Matched, tc.matched)
			}
			runes := []rune(tc.text)
			for _, m := range hit.Matched {
				if m >= len(runes) {
					t.Fatalf("position %d past the %d runes of %q", m, len(runes), tc.text)
				}
			}
		})
	}
}

func TestSearchLimitsAndEmpty(t *testing.T) {
	ix := NewIndex(searchCatalog())
	if ix.Len() == 0 {
		t.Fatal("empty index")
	}
	all := ix.Search("backup", 0)
	if got := ix.Search("backup", 2); len(got) != 2 || !reflect.DeepEqual(got, all[:2]) {
		t.Errorf("limit 2 = %v, want the first two of %v", kinds(got), kinds(all))
	}
	for _, q := range []string{"", "   "} {
		if got := ix.Search(q, 0); got != nil {
			t.Errorf("Search(%q) = %v, want nil", q, got)
		}
	}
	if got := ix.Search("zzzqqq", 0); len(got) != 0 {
		t.Errorf("nonsense query found %v", kinds(got))
	}
	// Substring matches rank above fuzzy ones.
	hits := ix.Search("restic", 0)
	if len(hits) == 0 || hits[0].Text != "Restic Backup" || hits[0].Kind != KindTool || hits[0].Score < 1000 {
		t.Errorf("restic: %v", kinds(hits))
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hits not sorted by score: %d after %d", hits[i].Score, hits[i-1].Score)
		}
	}
}

func TestMatchText(t *testing.T) {
	tests := []struct {
		text, query string
		ok          bool
		matched     []int
	}{
		{"Certificate renewal", "cert", true, []int{0, 1, 2, 3}},
		{"Certificate renewal", "RENEW cert", true, []int{0, 1, 2, 3, 12, 13, 14, 15, 16}},
		{"Größe", "öße", true, []int{2, 3, 4}},
		{"Postmortem", "postmrtm", true, []int{0, 1, 2, 3, 4, 6, 7, 9}},
		{"Kubernetes", "k8s", false, nil},
		{"Anything", "", true, nil},
		{"Certificate renewal", "xyz", false, nil},
	}
	for _, tc := range tests {
		_, matched, ok := MatchText(tc.text, tc.query)
		if ok != tc.ok || !reflect.DeepEqual(matched, tc.matched) {
			t.Errorf("MatchText(%q, %q) = %v, %v; want %v, %v", tc.text, tc.query, matched, ok, tc.matched, tc.ok)
		}
		for _, m := range matched {
			if m >= utf8.RuneCountInString(tc.text) {
				t.Errorf("MatchText(%q, %q): position %d is past the text", tc.text, tc.query, m)
			}
		}
	}
}
