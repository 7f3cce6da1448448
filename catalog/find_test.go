package catalog

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/roledex/roledex/content"
)

// handmade builds an indexed catalog from roles given as
// "id|Title|alias;alias".
func handmade(t *testing.T, specs ...string) *Catalog {
	t.Helper()
	roles := map[string]*Role{}
	for _, s := range specs {
		parts := strings.Split(s, "|")
		r := &Role{ID: parts[0], Title: parts[1], Track: TrackIC}
		if len(parts) > 2 && parts[2] != "" {
			r.Aliases = strings.Split(parts[2], ";")
		}
		roles[r.ID] = r
	}
	c := newCatalog(roles, map[string]*Pillar{}, map[string]*Task{})
	c.index()
	return c
}

func TestFindGoodCatalog(t *testing.T) {
	c := loadGood(t)
	tests := []struct{ query, want string }{
		{"ops-engineer", "ops-engineer"},                   // id
		{"Operations Engineer", "ops-engineer"},            // title
		{"OpsEng", "ops-engineer"},                         // alias
		{"opseng", "ops-engineer"},                         // alias, any case
		{"OPERATIONS ENGINEER", "ops-engineer"},            // title, upper case
		{"ops engineer", "ops-engineer"},                   // id with spaces, alias too
		{"ops_engineer!", "ops-engineer"},                  // punctuation ignored
		{"  Web---Developer ", "web-developer"},            // runs of punctuation and spaces
		{"Frontend Developer", "web-developer"},            // alias with a space
		{"fe dev", "web-developer"},                        // short alias
		{"CTO", "chief-technology-officer"},                // abbreviation alias
		{"tech lead", "delivery-lead"},                     // alias
		{"em", "engineering-manager"},                      // two-letter alias
		{"chief", "chief-technology-officer"},              // prefix of a title at a word boundary
		{"deliv", "delivery-lead"},                         // prefix inside a word, 3+ letters
		{"Chief Technology", "chief-technology-officer"},   // multi-word prefix
		{"Operations Engineer (Ops)", "ops-engineer"},      // "Name (Abbr)": the name
		{"Head of Tech (CTO)", "chief-technology-officer"}, // "Name (Abbr)": else the abbreviation
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			r, err := c.Find(tc.query)
			if err != nil {
				t.Fatalf("Find(%q) error: %v", tc.query, err)
			}
			if r.ID != tc.want {
				t.Errorf("Find(%q) = %s, want %s", tc.query, r.ID, tc.want)
			}
		})
	}
}

func TestFindUnknown(t *testing.T) {
	c := loadGood(t)
	tests := []struct {
		query       string
		suggestions []string
		msg         string
	}{
		{"web developr", []string{"web-developer"}, `no role "web developr" (did you mean web-developer?)`},
		{"opsengineer", []string{"ops-engineer"}, `no role "opsengineer" (did you mean ops-engineer?)`},
		{"astronaut", nil, `no role "astronaut" (roledex list shows them all)`},
		{"", nil, `no role "" (roledex list shows them all)`},
		{"---", nil, `no role "---" (roledex list shows them all)`},
		{"de", []string{"engineering-manager"}, ""}, // too short for a prefix; "em" is near
		{"\x1b[31mred", nil, `no role "^[[31mred" (roledex list shows them all)`},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			r, err := c.Find(tc.query)
			if err == nil {
				t.Fatalf("Find(%q) = %s, want an error", tc.query, r.ID)
			}
			var nf *NotFoundError
			if !errors.As(err, &nf) {
				t.Fatalf("error is %T, want *NotFoundError", err)
			}
			if nf.Ambiguous {
				t.Errorf("not ambiguous, got %v", nf)
			}
			if !reflect.DeepEqual(nf.Suggestions, tc.suggestions) {
				t.Errorf("suggestions = %q, want %q", nf.Suggestions, tc.suggestions)
			}
			if tc.msg != "" && err.Error() != tc.msg {
				t.Errorf("message = %q, want %q", err.Error(), tc.msg)
			}
		})
	}
}

func TestFindPrecedence(t *testing.T) {
	c := handmade(t,
		"tech-lead|Tech Lead|TL",
		"team-lead|Team Lead|Tech Lead;Lead", // its alias collides with a title
		"lead|Lead Engineer|",                // an id that is another role's alias
		"data-analyst|Data Analyst|",
		"data-admin|Data Admin|",
		"data-architect|Data Architect|",
	)
	tests := []struct{ query, want string }{
		{"Tech Lead", "tech-lead"}, // a title beats an alias
		{"lead", "lead"},           // an id beats an alias
		{"TL", "tech-lead"},
		{"team", "team-lead"},
		{"data arch", "data-architect"}, // unique prefix
	}
	for _, tc := range tests {
		r, err := c.Find(tc.query)
		if err != nil || r.ID != tc.want {
			t.Errorf("Find(%q) = %v, %v; want %s", tc.query, r, err, tc.want)
		}
	}

	// "data" starts Data Admin and Data Analyst... titles of different
	// lengths: the shortest wins.
	if r, err := c.Find("data"); err != nil || r.ID != "data-admin" {
		t.Errorf("Find(data) = %v, %v; want the shortest title, data-admin", r, err)
	}
	// Two equally short titles are ambiguous.
	c2 := handmade(t, "cloud-admin|Cloud Admin|", "cloud-owner|Cloud Owner|", "cloud-engineer|Cloud Engineer|")
	_, err := c2.Find("cloud")
	var nf *NotFoundError
	if !errors.As(err, &nf) || !nf.Ambiguous || !reflect.DeepEqual(nf.Suggestions, []string{"cloud-admin", "cloud-owner"}) {
		t.Fatalf("Find(cloud) = %v, want ambiguous between cloud-admin and cloud-owner", err)
	}
	if got, want := err.Error(), `"cloud" could mean cloud-admin, cloud-owner: say which`; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}

func TestCatalogNames(t *testing.T) {
	c := loadGood(t)
	want := []string{"chief-technology-officer", "delivery-lead", "engineering-manager", "ops-engineer", "web-developer"}
	if got := c.Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
}

func TestFindBuiltInCatalog(t *testing.T) {
	c, _ := Load(Source{FS: content.FS, Name: "content"})
	tests := []struct{ query, want string }{
		{"platform", "platform-engineer"},
		{"Platform", "platform-engineer"},
		{"sre", "site-reliability-engineer"},
		{"SysAdmin", "system-administrator"},
		{"site reliability engineer (SRE)", "site-reliability-engineer"},
		{"devops", "devops-engineer"},
		{"DevOps Engineer", "devops-engineer"},
		{"vp of engineering", "vp-of-engineering"},
	}
	for _, tc := range tests {
		r, err := c.Find(tc.query)
		if err != nil {
			t.Errorf("Find(%q): %v", tc.query, err)
			continue
		}
		if r.ID != tc.want {
			t.Errorf("Find(%q) = %s, want %s", tc.query, r.ID, tc.want)
		}
	}
	_, err := c.Find("plattform engineer")
	var nf *NotFoundError
	if !errors.As(err, &nf) || len(nf.Suggestions) == 0 || nf.Suggestions[0] != "platform-engineer" {
		t.Errorf("Find(plattform engineer) = %v, want a suggestion of platform-engineer", err)
	}
}

// TestNormalize checks the byte-wise normalize against the plain
// definition: lower case, runs of anything but letters and digits as one
// space, no space at either end.
func TestNormalize(t *testing.T) {
	plain := func(s string) string {
		var words []string
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			words = append(words, w)
		}
		return strings.Join(words, " ")
	}
	for _, s := range []string{"", "--", "SRE", "Site-Reliability  Engineer", " site reliability engineer ",
		"Développeur · Logiciel", "ÉCOLE", "C++ / C#", "a1_b2", "Інженер з надійності", "日本語のテキスト", "\xff\xfeBad UTF-8", "İstanbul"} {
		if got, want := normalize(s), plain(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	}
}
