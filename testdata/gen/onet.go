package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// socGroups names the SOC major groups (the first two digits of an
// O*NET-SOC code); they become role families.
var socGroups = map[string]string{
	"11": "Management",
	"13": "Business and Financial Operations",
	"15": "Computer and Mathematical",
	"17": "Architecture and Engineering",
	"19": "Life, Physical, and Social Science",
	"21": "Community and Social Service",
	"23": "Legal",
	"25": "Educational Instruction and Library",
	"27": "Arts, Design, Entertainment, Sports, and Media",
	"29": "Healthcare Practitioners and Technical",
	"31": "Healthcare Support",
	"33": "Protective Service",
	"35": "Food Preparation and Serving Related",
	"37": "Building and Grounds Cleaning and Maintenance",
	"39": "Personal Care and Service",
	"41": "Sales and Related",
	"43": "Office and Administrative Support",
	"45": "Farming, Fishing, and Forestry",
	"47": "Construction and Extraction",
	"49": "Installation, Maintenance, and Repair",
	"51": "Production",
	"53": "Transportation and Material Moving",
	"55": "Military Specific",
}

type occupation struct {
	code, title, description string
	tasks                    []string
	aliases                  []string
	aliasSeen                map[string]bool
	related                  []string // codes, in O*NET's order
}

// WriteONet converts the O*NET corpus in src (the TSV files of
// shared/corpora/onet-29.3) into a roledex catalog folder at dst: one role
// per occupation that has task statements, its tasks as responsibilities,
// its alternate and short titles as aliases, its related occupations as
// related roles, its description as the Primary role dimension, and the
// attribution line in the role's Notes and in dst/README.md.
func WriteONet(src, dst string) (Stats, error) {
	var st Stats
	byCode := map[string]*occupation{}
	var order []*occupation
	err := readTSV(filepath.Join(src, "occupation-data.tsv"), func(get func(string) string) error {
		o := &occupation{code: get("O*NET-SOC Code"), title: get("Title"), description: get("Description"), aliasSeen: map[string]bool{}}
		if o.code == "" || o.title == "" {
			return fmt.Errorf("occupation without code or title")
		}
		o.aliasSeen[strings.ToLower(o.title)] = true
		byCode[o.code] = o
		order = append(order, o)
		return nil
	})
	if err != nil {
		return st, err
	}
	err = readTSV(filepath.Join(src, "task-statements.tsv"), func(get func(string) string) error {
		if o := byCode[get("O*NET-SOC Code")]; o != nil && get("Task") != "" {
			o.tasks = append(o.tasks, get("Task"))
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	err = readTSV(filepath.Join(src, "alternate-titles.tsv"), func(get func(string) string) error {
		o := byCode[get("O*NET-SOC Code")]
		if o == nil {
			return nil
		}
		for _, a := range []string{get("Alternate Title"), get("Short Title")} {
			a = strings.Join(strings.Fields(a), " ")
			if a != "" && !o.aliasSeen[strings.ToLower(a)] {
				o.aliasSeen[strings.ToLower(a)] = true
				o.aliases = append(o.aliases, a)
			}
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	err = readTSV(filepath.Join(src, "related-occupations.tsv"), func(get func(string) string) error {
		if o := byCode[get("O*NET-SOC Code")]; o != nil {
			o.related = append(o.related, get("Related O*NET-SOC Code"))
		}
		return nil
	})
	if err != nil {
		return st, err
	}

	// Only occupations with tasks become roles: a role needs responsibilities.
	ids := map[string]string{} // code → id
	taken := map[string]bool{}
	var roles []*occupation
	for _, o := range order {
		if len(o.tasks) == 0 {
			continue
		}
		id := kebab(o.title)
		if taken[id] {
			id += "-" + kebab(o.code)
		}
		taken[id] = true
		ids[o.code] = id
		roles = append(roles, o)
	}
	if len(roles) == 0 {
		return st, fmt.Errorf("%s: no occupation has task statements", src)
	}
	for _, o := range roles {
		r := &role{
			id:               ids[o.code],
			title:            o.title,
			family:           socGroups[o.code[:2]],
			track:            onetTrack(o),
			summary:          summarize(o.description, 200),
			aliases:          o.aliases,
			responsibilities: o.tasks,
			primary:          o.description,
			notes: "O*NET-SOC code " + o.code + ".\n\n" +
				"Source: " + Attribution,
		}
		if r.family == "" {
			r.family = "Other"
		}
		seen := map[string]bool{}
		for _, code := range o.related {
			if id, ok := ids[code]; ok && id != r.id && !seen[id] {
				seen[id] = true
				r.related = append(r.related, id)
			}
		}
		if err := st.write(dst, r); err != nil {
			return st, err
		}
	}
	readme := "# O*NET 29.3 as a roledex catalog\n\n" +
		"Attribution: " + Attribution + "\n\n" +
		"Converted from the O*NET 29.3 TSV files by roledex's testdata/gen\n" +
		"(`go test ./catalog -run TestWriteONet -onet.out=DIR`): one role per\n" +
		"occupation with task statements, the tasks as responsibilities, the\n" +
		"alternate and short titles as aliases, the related occupations as related\n" +
		"roles, and the occupation's description as its Primary role.\n\n" +
		"Load it with `roledex --catalog DIR`.\n\n" + st.String() + ".\n"
	if err := os.WriteFile(filepath.Join(dst, "README.md"), []byte(readme), 0o644); err != nil {
		return st, err
	}
	return st, nil
}

// onetTrack guesses the career track from the occupation's code and title.
func onetTrack(o *occupation) string {
	t := strings.ToLower(o.title)
	switch {
	case strings.HasPrefix(o.code, "11-1011"):
		return "executive"
	case strings.Contains(t, "supervisor"):
		return "lead"
	case strings.HasPrefix(o.code, "11-") || strings.Contains(t, "manager"):
		return "manager"
	}
	return "individual contributor"
}
