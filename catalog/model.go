// Package catalog is roledex's domain: roles, pillars and tasks, loaded from
// markdown files with YAML front matter, validated, sanitized and indexed.
// It has no terminal code; the cli and ui packages present what it holds.
package catalog

import "strings"

// Track is the kind of career ladder a role sits on.
type Track string

// The four tracks a role can be on.
const (
	TrackIC        Track = "individual contributor"
	TrackLead      Track = "lead"
	TrackManager   Track = "manager"
	TrackExecutive Track = "executive"
)

// Tracks lists the tracks in ladder order.
var Tracks = []Track{TrackIC, TrackLead, TrackManager, TrackExecutive}

// ParseTrack returns the track named by s (case-insensitive; "ic" is
// accepted for individual contributor) and whether it is known.
func ParseTrack(s string) (Track, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "ic" {
		return TrackIC, true
	}
	for _, t := range Tracks {
		if string(t) == s {
			return t, true
		}
	}
	return "", false
}

// Rank orders tracks from individual contributor (0) to executive (3).
func (t Track) Rank() int {
	for i, x := range Tracks {
		if x == t {
			return i
		}
	}
	return -1
}

// Dimension is one of the ten aspects along which roles are compared.
type Dimension struct {
	Key  string // stable snake_case key used in JSON
	Name string // the heading used in role files
}

// Dimensions lists the ten comparison dimensions in their canonical order.
var Dimensions = []Dimension{
	{"primary_role", "Primary role"},
	{"reporting_relationship", "Reporting relationship"},
	{"scope", "Scope"},
	{"decision_making_authority", "Decision-making authority"},
	{"strategic_planning", "Strategic planning"},
	{"team_management", "Team management"},
	{"meeting_involvement", "Meeting involvement"},
	{"project_management", "Project management"},
	{"communication", "Communication"},
	{"professional_development", "Professional development"},
}

// DimensionIndex returns the position of the dimension whose name or key
// matches s case-insensitively, or -1.
func DimensionIndex(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, d := range Dimensions {
		if strings.ToLower(d.Name) == s || d.Key == s {
			return i
		}
	}
	return -1
}

// Role is one engineering role of the catalog.
type Role struct {
	ID               string
	Title            string
	Aliases          []string
	Family           string
	Track            Track
	Summary          string
	Tools            []string
	ReportsTo        []string
	NextRoles        []string
	Related          []string
	Responsibilities []string
	// Dimensions holds the text of each of the ten dimensions, indexed like
	// the package-level Dimensions; an empty string means not given.
	Dimensions [10]string
	Notes      string
	// Path is where the role was loaded from, for messages.
	Path string
	// Lines maps a field or section to its line in Path, for messages.
	Lines map[string]int
}

// Names returns the title, the id and the aliases: every name the role
// answers to.
func (r *Role) Names() []string {
	out := make([]string, 0, 2+len(r.Aliases))
	out = append(out, r.Title, r.ID)
	return append(out, r.Aliases...)
}

// Pillar is one of the Well-Architected pillars with the roles that take
// part in it.
type Pillar struct {
	ID      string
	Title   string
	Order   int
	Summary string
	Body    string
	Groups  []Group
	Path    string
}

// RoleCount returns how many distinct roles take part in the pillar (a
// role may sit in two of its groups).
func (p *Pillar) RoleCount() int {
	seen := map[string]bool{}
	for _, g := range p.Groups {
		for _, m := range g.Members {
			seen[m.Role] = true
		}
	}
	return len(seen)
}

// Group is a named set of roles within a pillar.
type Group struct {
	Name    string
	Members []Member
}

// Member is a role's contribution to a pillar, within a group.
type Member struct {
	Role         string
	Contribution string
	// Line is where the member is given in its pillar file, for messages.
	Line int
}

// Contribution is a role's part in one pillar, seen from the role.
type Contribution struct {
	Pillar *Pillar
	Group  string
	Text   string
}

// Task is a concrete piece of work and the roles involved in it.
type Task struct {
	ID       string
	Title    string
	Aliases  []string
	Owners   []string
	Helpers  []string
	SmallOrg []string
	Pillars  []string
	Body     string
	Path     string
	// Lines maps a field to its line in Path, for messages.
	Lines map[string]int
}

// TaskRoles are the tasks a role is named in, by the part it plays.
type TaskRoles struct {
	Owns, Helps, SmallOrg []*Task
}
