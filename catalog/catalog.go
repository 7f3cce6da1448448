package catalog

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Catalog is a loaded, validated set of roles, pillars and tasks.
type Catalog struct {
	// Roles are sorted by title.
	Roles []*Role
	// Pillars are sorted by order, then title.
	Pillars []*Pillar
	// Tasks are sorted by title.
	Tasks []*Task

	roles   map[string]*Role
	pillars map[string]*Pillar
	tasks   map[string]*Task
	names   func() map[string]*Role // normalized id, title and aliases, built on first use
	contrib map[string][]Contribution
	taskOf  map[string]*TaskRoles
	// families are the roles' families, sorted (the explorer asks for
	// them on every frame while the list is narrowed by family).
	families []string
}

func newCatalog(roles map[string]*Role, pillars map[string]*Pillar, tasks map[string]*Task) *Catalog {
	c := &Catalog{roles: roles, pillars: pillars, tasks: tasks}
	for _, r := range roles {
		c.Roles = append(c.Roles, r)
	}
	sortRoles(c.Roles)
	for _, p := range pillars {
		c.Pillars = append(c.Pillars, p)
	}
	sort.Slice(c.Pillars, func(i, j int) bool {
		if c.Pillars[i].Order != c.Pillars[j].Order {
			return c.Pillars[i].Order < c.Pillars[j].Order
		}
		return c.Pillars[i].Title < c.Pillars[j].Title
	})
	for _, t := range tasks {
		c.Tasks = append(c.Tasks, t)
	}
	sort.Slice(c.Tasks, func(i, j int) bool {
		return strings.ToLower(c.Tasks[i].Title) < strings.ToLower(c.Tasks[j].Title)
	})
	return c
}

// nameTable maps every normalized id, title and alias to its role. It
// is built on the first lookup: the O*NET catalog has 52,000 aliases
// (26 ms of normalizing), and roledex search never looks a name up.
func (c *Catalog) nameTable() map[string]*Role {
	n := 2 * len(c.Roles)
	for _, r := range c.Roles {
		n += len(r.Aliases)
	}
	names := make(map[string]*Role, n)
	add := func(name string, r *Role) {
		if k := normalize(name); names[k] == nil {
			names[k] = r
		}
	}
	// Ids first, then titles, then aliases: an alias never hides a title.
	for _, r := range c.Roles {
		names[normalize(r.ID)] = r
	}
	for _, r := range c.Roles {
		add(r.Title, r)
	}
	for _, r := range c.Roles {
		for _, a := range r.Aliases {
			add(a, r)
		}
	}
	return names
}

// index builds the lookup tables; it runs after validation has removed
// dangling links.
func (c *Catalog) index() {
	c.names = sync.OnceValue(c.nameTable)
	seen := map[string]bool{}
	c.families = nil
	for _, r := range c.Roles {
		if !seen[r.Family] {
			seen[r.Family] = true
			c.families = append(c.families, r.Family)
		}
	}
	sort.Strings(c.families)
	c.contrib = map[string][]Contribution{}
	for _, p := range c.Pillars {
		for _, g := range p.Groups {
			for _, m := range g.Members {
				c.contrib[m.Role] = append(c.contrib[m.Role], Contribution{Pillar: p, Group: g.Name, Text: m.Contribution})
			}
		}
	}
	c.taskOf = map[string]*TaskRoles{}
	at := func(id string) *TaskRoles {
		if c.taskOf[id] == nil {
			c.taskOf[id] = &TaskRoles{}
		}
		return c.taskOf[id]
	}
	for _, t := range c.Tasks {
		for _, id := range t.Owners {
			at(id).Owns = append(at(id).Owns, t)
		}
		for _, id := range t.Helpers {
			at(id).Helps = append(at(id).Helps, t)
		}
		for _, id := range t.SmallOrg {
			at(id).SmallOrg = append(at(id).SmallOrg, t)
		}
	}
}

// Role returns the role with the given id, or nil.
func (c *Catalog) Role(id string) *Role { return c.roles[id] }

// Pillar returns the pillar with the given id, or nil.
func (c *Catalog) Pillar(id string) *Pillar { return c.pillars[id] }

// Task returns the task with the given id, or nil.
func (c *Catalog) Task(id string) *Task { return c.tasks[id] }

// Contributions returns what a role contributes to each pillar, in pillar order.
func (c *Catalog) Contributions(roleID string) []Contribution { return c.contrib[roleID] }

// TasksOf returns the tasks a role owns, helps with, or takes on in a small
// organisation.
func (c *Catalog) TasksOf(roleID string) TaskRoles {
	if t := c.taskOf[roleID]; t != nil {
		return *t
	}
	return TaskRoles{}
}

// Families returns the distinct families, sorted.
func (c *Catalog) Families() []string { return slices.Clone(c.families) }

// ReportsFrom returns the roles that name id in their reports_to.
func (c *Catalog) ReportsFrom(id string) []*Role {
	var out []*Role
	for _, r := range c.Roles {
		for _, to := range r.ReportsTo {
			if to == id {
				out = append(out, r)
			}
		}
	}
	return out
}
