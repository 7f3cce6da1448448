package catalog

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/roledex/roledex/content"
)

// These tests hold the built-in catalog (content/) to the promises of the
// product: it lints clean, every role is complete, the career graph leads
// somewhere, and every role the four seed documents name can be found.

func builtIn(t *testing.T) *Catalog {
	t.Helper()
	c, probs := Load(Source{FS: content.FS, Name: "content"})
	for _, p := range probs {
		t.Errorf("built-in catalog: %s", p.Error())
	}
	return c
}

func TestBuiltInLintsClean(t *testing.T) {
	c := builtIn(t)
	if len(c.Roles) < 100 {
		t.Errorf("%d roles; the built-in catalog should hold well over 100", len(c.Roles))
	}
}

func TestBuiltInRolesComplete(t *testing.T) {
	c := builtIn(t)
	for _, r := range c.Roles {
		if r.Summary == "" || r.Family == "" || r.Track == "" || r.Title == "" {
			t.Errorf("%s: summary %q, family %q, track %q", r.Path, r.Summary, r.Family, r.Track)
		}
		if n := len(r.Responsibilities); n < 5 || n > 10 {
			t.Errorf("%s: %d responsibilities, want 5 to 10", r.Path, n)
		}
		if len(r.Tools) == 0 || len(r.Related) == 0 || (len(r.ReportsTo) == 0 && r.ID != "ceo") {
			t.Errorf("%s: tools %v, related %v, reports_to %v; every role needs them (the CEO reports to no role)", r.Path, r.Tools, r.Related, r.ReportsTo)
		}
		for i, d := range r.Dimensions {
			if d == "" {
				t.Errorf("%s: dimension %q is missing", r.Path, Dimensions[i].Name)
			}
		}
	}
}

// careerEdges are the upward links of a role: next steps and managers.
func careerEdges(r *Role) []string { return append(append([]string{}, r.NextRoles...), r.ReportsTo...) }

// TestBuiltInEveryRoleHasAPillar: a role page, `roledex show`, the plan's
// gap and the Pillars view all say what a role contributes to the pillars,
// and say nothing for a role that is in no pillar group. Every built-in role
// must therefore contribute to at least one pillar.
func TestBuiltInEveryRoleHasAPillar(t *testing.T) {
	c := builtIn(t)
	for _, r := range c.Roles {
		if len(c.Contributions(r.ID)) == 0 {
			t.Errorf("%s (%s) contributes to no pillar; add it to the pillar groups where it belongs", r.ID, r.Title)
		}
	}
}

func TestBuiltInEveryICReachesAnExecutive(t *testing.T) {
	c := builtIn(t)
	for _, r := range c.Roles {
		if r.Track != TrackIC {
			continue
		}
		seen := map[string]bool{r.ID: true}
		queue := []string{r.ID}
		reached := ""
		for len(queue) > 0 && reached == "" {
			cur := c.Role(queue[0])
			queue = queue[1:]
			for _, id := range careerEdges(cur) {
				if seen[id] {
					continue
				}
				seen[id] = true
				if c.Role(id).Track == TrackExecutive {
					reached = id
					break
				}
				queue = append(queue, id)
			}
		}
		if reached == "" {
			t.Errorf("%s (%s): no executive role is reachable through next_roles and reports_to", r.ID, r.Title)
		}
	}
}

func TestBuiltInGraphConnected(t *testing.T) {
	c := builtIn(t)
	adj := map[string][]string{}
	for _, r := range c.Roles {
		for _, id := range append(careerEdges(r), r.Related...) {
			adj[r.ID] = append(adj[r.ID], id)
			adj[id] = append(adj[id], r.ID)
		}
	}
	start := c.Roles[0].ID
	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, id := range adj[cur] {
			if !seen[id] {
				seen[id] = true
				queue = append(queue, id)
			}
		}
	}
	var cut []string
	for _, r := range c.Roles {
		if !seen[r.ID] {
			cut = append(cut, r.ID)
		}
	}
	if len(cut) > 0 {
		t.Errorf("%d roles are not connected to %s by any link: %v", len(cut), start, cut)
	}
}

// seedNames are the role names of the four seed documents in
// /work/shared/seeds, with slash labels expanded ("Team Lead / Manager" →
// "Team Lead", "Team Manager") and the passing mentions added.
var seedNames = []string{
	// 000: the forum post and its replies.
	"DevOps Engineer", "DevOps", "Cloud Engineer", "Platform Engineer",
	"Site Reliability Engineer (SRE)", "Site Reliability Engineer", "SRE",
	"DevSecOps Engineer", "DevSecOps", "Release Engineer",
	"Solution Architect", "System Designer",
	// 001: the three-way comparison.
	"Head of Engineering", "VP of Engineering", "VP Engineering",
	"Engineering Manager", "EM", "CTO", "CEO",
	"SRE Lead", "Platform Engineering Manager", "VP Infrastructure",
	// 002: Operational Excellence.
	"Operations Manager", "Product Owner", "Product Manager", "Project Manager",
	"Team Lead", "Team Manager", "Executive Sponsor", "Stakeholder Engagement Lead",
	"Organizational Leadership", "Business Analyst",
	"Cloud Operations Manager", "Cloud Operations Engineer", "System Administrator",
	"Software Developer", "Release Manager", "Technical Architect",
	"Data Analyst", "Quality Assurance Analyst", "Quality Assurance Engineer",
	"Quality Assurance Specialist", "Risk Management Officer", "Risk Management Analyst",
	"Compliance Officer", "Governance Officer",
	"Incident Response Manager", "Incident Response Lead", "Support Engineer",
	"Support Technician", "Change Management Lead", "Communications Specialist",
	// 002: Security.
	"Security Architect", "Cloud Security Architect", "Cloud Security Engineer",
	"Security Analyst", "Security Operations Center (SOC) Analyst",
	"Security Operations Center Analyst", "SOC Analyst",
	"IAM Administrator", "Identity and Access Manager", "Data Owner", "Data Steward",
	"Data Governance Officer", "Data Governance Manager",
	"Data Protection Officer", "Data Security Officer",
	"Application Developer", "Application Security Trainer", "Security Champion",
	"QA Engineer", "Network Architect", "Network Security Engineer",
	"IT Operations Manager", "IT Operations Engineer", "Cloud Architect",
	"Incident Response Analyst", "Forensic Specialist", "IT Security Engineer",
	"Training Coordinator", "Communication Officer", "Legal Advisor",
	"Public Relations Officer", "Security Engineer", "Threat Intelligence Analyst",
	// 002: Reliability.
	"Network Engineer", "Security Specialist", "Incident Response Team Member",
	"Chaos Engineering Specialist", "Game Day Facilitator", "Backup Administrator",
	"Data Architect", "Disaster Recovery Coordinator", "Disaster Recovery Manager",
	"Business Continuity Planner", "Business Continuity Analyst", "Infrastructure Manager",
	"Software Architect", "API Product Owner", "API Developer", "Technical Writer",
	// 002: Performance Efficiency.
	"Performance Engineer", "Cloud Solutions Architect", "Infrastructure Operations Manager",
	"Database Administrator", "Data Engineer", "Cost Management Analyst", "FinOps Analyst",
	"Technical Consultant",
	// 002: Cost Optimization.
	"Cloud Financial Manager", "Cloud Financial Analyst", "IT Finance Officer",
	"Cost Analyst", "Cloud Cost Analyst", "FinOps Specialist", "FinOps Team Member",
	"Finance Analyst", "Finance Manager", "Finance Partner",
	"Solutions Architect", "AWS Solutions Architect", "Cloud Administrator", "AWS Administrator",
	"IT Manager", "Support Staff", "Department Head",
	"Business Stakeholder", "Business Unit Leader", "Procurement Specialist",
	// 002: Sustainability.
	"Sustainability Lead", "Sustainability Program Manager", "Sustainability Officer",
	"Sustainability Champion", "Sustainability Specialist", "Sustainability Manager",
	"Governance and Compliance Lead", "Infrastructure Architect", "Infrastructure Engineer",
	"Storage Engineer", "Systems Engineer", "Data Classification Owner",
	"Security and Compliance Manager", "Compliance Specialist",
	"Chief Technology Officer (CTO)", "Chief Technology Officer", "IT Administrator", "QA Specialist",
	// 003: web server setup and deployment.
	"System Administrator (SysAdmin)", "SysAdmin", "Full-Stack Developer", "Software Engineer",
	// Passing mentions.
	"Director of Engineering",
}

func TestBuiltInFindsEverySeedName(t *testing.T) {
	c := builtIn(t)
	if len(seedNames) < 140 {
		t.Fatalf("only %d seed names listed", len(seedNames))
	}
	for _, name := range seedNames {
		if _, err := c.Find(name); err != nil {
			t.Errorf("Find(%q): %v", name, err)
		} else if findExact(c, name) == nil {
			t.Errorf("%q is found only by guessing; make it a title or alias", name)
		}
	}
}

// TestBuiltInSeedNamesResolveRight pins names where a wrong match would be
// easy: an abbreviation, a slash label's second half, a near-namesake.
func TestBuiltInSeedNamesResolveRight(t *testing.T) {
	c := builtIn(t)
	for name, want := range map[string]string{
		"SRE":                             "site-reliability-engineer",
		"SRE Lead":                        "sre-lead",
		"SysAdmin":                        "system-administrator",
		"System Administrator (SysAdmin)": "system-administrator",
		"CTO":                             "cto",
		"Chief Technology Officer (CTO)":  "cto",
		"CEO":                             "ceo",
		"VP Engineering":                  "vp-of-engineering",
		"VP Infrastructure":               "vp-infrastructure",
		"Head of Engineering":             "head-of-engineering",
		"Team Manager":                    "engineering-manager",
		"Software Developer":              "software-engineer",
		"Solutions Architect":             "solution-architect",
		"AWS Solutions Architect":         "cloud-solutions-architect",
		"Cloud Operations Engineer":       "cloud-operations-engineer",
		"Cloud Operations Manager":        "cloud-operations-manager",
		"Quality Assurance Specialist":    "qa-analyst",
		"QA Engineer":                     "qa-engineer",
		"Data Classification Owner":       "data-owner",
		"Incident Response Lead":          "incident-manager",
		"Security Operations Center (SOC) Analyst": "soc-analyst",
		"DevSecOps": "devsecops-engineer",
		"DevOps":    "devops-engineer",
	} {
		r, err := c.Find(name)
		if err != nil {
			t.Errorf("Find(%q): %v", name, err)
		} else if r.ID != want {
			t.Errorf("Find(%q) = %s, want %s", name, r.ID, want)
		}
	}
}

func TestBuiltInSeedFacts(t *testing.T) {
	c := builtIn(t)
	role := func(id string) *Role {
		t.Helper()
		r := c.Role(id)
		if r == nil {
			t.Fatalf("no role %s", id)
		}
		return r
	}
	for _, id := range []string{"head-of-engineering", "vp-of-engineering"} {
		if !slices.Contains(role(id).ReportsTo, "ceo") {
			t.Errorf("%s reports_to = %v, want it to include ceo", id, role(id).ReportsTo)
		}
		if role(id).Track != TrackExecutive {
			t.Errorf("%s track = %s, want executive", id, role(id).Track)
		}
	}
	devops := role("devops-engineer")
	for _, id := range []string{"sre-lead", "platform-engineering-manager", "vp-infrastructure"} {
		if !slices.Contains(devops.NextRoles, id) {
			t.Errorf("devops-engineer next_roles = %v, want %s", devops.NextRoles, id)
		}
	}
	for _, id := range []string{"engineering-manager", "vp-of-engineering", "cto"} {
		if !slices.Contains(devops.ReportsTo, id) {
			t.Errorf("devops-engineer reports_to = %v, want %s", devops.ReportsTo, id)
		}
	}
	if devops.Track != TrackIC {
		t.Errorf("devops-engineer track = %s", devops.Track)
	}

	wantGroups := map[string][]string{
		"operational-excellence": {"Leadership & Stakeholder Roles", "Technical & Engineering Roles", "Analytics, QA, and Governance", "Support & Incident Management"},
		"security":               {"Governance & Oversight", "Identity, Access, and Data Protection", "Engineering, DevOps & App Security", "Infrastructure & Network", "Incident Response & Forensics", "Security Lifecycle & Automation"},
		"reliability":            {"Leadership & Oversight", "Engineering & Infrastructure", "Testing, Monitoring & Quality", "Backup & Disaster Recovery", "Architecture & API Governance"},
		"performance-efficiency": {"Leadership & Planning", "Technical & Engineering", "Data & Storage", "Quality & Monitoring", "Supporting Roles"},
		"cost-optimization":      {"Financial & Cost Management", "Architecture & Engineering", "Analytics, Governance & Process", "Strategy & Planning"},
		"sustainability":         {"Sustainability & Governance", "Architecture & Engineering", "Software & DevOps", "Data & Analytics", "Leadership & Strategy"},
	}
	var pillarIDs []string
	for _, p := range c.Pillars {
		pillarIDs = append(pillarIDs, p.ID)
	}
	if want := []string{"operational-excellence", "security", "reliability", "performance-efficiency", "cost-optimization", "sustainability"}; !reflect.DeepEqual(pillarIDs, want) {
		t.Errorf("pillars in order = %v, want %v", pillarIDs, want)
	}
	for id, want := range wantGroups {
		p := c.Pillar(id)
		if p == nil {
			t.Errorf("no pillar %s", id)
			continue
		}
		var got []string
		for _, g := range p.Groups {
			got = append(got, g.Name)
			if len(g.Members) == 0 {
				t.Errorf("%s / %s has no roles", id, g.Name)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s groups = %q, want %q", id, got, want)
		}
	}
	// A few memberships straight from the seed.
	for _, m := range []struct{ pillar, group, role string }{
		{"reliability", "Backup & Disaster Recovery", "backup-administrator"},
		{"reliability", "Backup & Disaster Recovery", "disaster-recovery-manager"},
		{"reliability", "Testing, Monitoring & Quality", "chaos-engineer"},
		{"security", "Governance & Oversight", "soc-analyst"},
		{"security", "Identity, Access, and Data Protection", "iam-administrator"},
		{"cost-optimization", "Financial & Cost Management", "cloud-financial-manager"},
		{"sustainability", "Leadership & Strategy", "cto"},
		{"operational-excellence", "Technical & Engineering Roles", "site-reliability-engineer"},
		{"performance-efficiency", "Data & Storage", "database-administrator"},
	} {
		if !pillarHas(c.Pillar(m.pillar), m.group, m.role) {
			t.Errorf("%s / %s does not list %s", m.pillar, m.group, m.role)
		}
	}
	// DevOps takes part in every pillar, as the seed says.
	if n := len(c.Contributions("devops-engineer")); n < 6 {
		t.Errorf("devops-engineer contributes to %d pillars, want 6", n)
	}

	if len(c.Tasks) < 40 {
		t.Errorf("%d tasks, want at least 40", len(c.Tasks))
	}
	ssl := c.Task("ssl-certificate-management")
	if ssl == nil {
		t.Fatal("no ssl-certificate-management task")
	}
	owners := append([]string{}, ssl.Owners...)
	sort.Strings(owners)
	if !reflect.DeepEqual(owners, []string{"devops-engineer", "site-reliability-engineer"}) {
		t.Errorf("ssl owners = %v", ssl.Owners)
	}
	for _, id := range []string{"full-stack-developer", "software-engineer"} {
		if !slices.Contains(ssl.SmallOrg, id) {
			t.Errorf("ssl small_org = %v, want %s (seed 003)", ssl.SmallOrg, id)
		}
	}
}

func pillarHas(p *Pillar, group, role string) bool {
	if p == nil {
		return false
	}
	for _, g := range p.Groups {
		if g.Name != group {
			continue
		}
		for _, m := range g.Members {
			if m.Role == role {
				return true
			}
		}
	}
	return false
}

// TestBuiltInSeed003Tasks holds the four tasks of seed 003 to what it
// says: DevOps Engineers and SREs are the roles typically responsible;
// system administrators, cloud and platform engineers take part; in a
// small organisation full-stack developers and software engineers do it.
func TestBuiltInSeed003Tasks(t *testing.T) {
	c := builtIn(t)
	for _, id := range []string{"web-server-setup", "ssl-certificate-management", "network-ports-and-firewall-rules", "application-deployment"} {
		task := c.Task(id)
		if task == nil {
			t.Errorf("no task %s", id)
			continue
		}
		involved := append(append([]string{}, task.Owners...), task.Helpers...)
		for _, want := range []string{"devops-engineer", "site-reliability-engineer"} {
			if !slices.Contains(task.Owners, want) {
				t.Errorf("%s owners = %v, want %s", id, task.Owners, want)
			}
		}
		for _, want := range []string{"system-administrator", "cloud-engineer", "platform-engineer"} {
			if !slices.Contains(involved, want) {
				t.Errorf("%s owners and helpers = %v, want %s", id, involved, want)
			}
		}
		for _, want := range []string{"full-stack-developer", "software-engineer"} {
			if !slices.Contains(task.SmallOrg, want) {
				t.Errorf("%s small_org = %v, want %s", id, task.SmallOrg, want)
			}
		}
	}
}

// TestBuiltInTasksComplete checks that the pieces of work the catalog
// issue names exist, and that every task says who owns it, who helps and
// who does it in a small organisation.
func TestBuiltInTasksComplete(t *testing.T) {
	c := builtIn(t)
	for _, id := range []string{
		"web-server-setup", "ssl-certificate-management", "network-ports-and-firewall-rules",
		"application-deployment", "ci-cd-pipeline", "infrastructure-as-code", "dashboards-and-alerts",
		"on-call-rotation", "postmortems", "slos-and-error-budgets", "capacity-planning", "load-testing",
		"secrets-management", "sast-dast-scanning", "compliance-checks", "access-reviews", "backups",
		"restore-tests", "disaster-recovery-plan", "game-days", "chaos-experiments", "cost-reviews",
		"resource-tagging", "right-sizing", "release-rollout", "rollback", "version-tagging",
		"database-tuning", "data-retention", "threat-modelling", "security-training",
	} {
		if c.Task(id) == nil {
			t.Errorf("no task %s", id)
		}
	}
	for _, task := range c.Tasks {
		if len(task.Owners) == 0 || len(task.Helpers) == 0 || len(task.SmallOrg) == 0 || len(task.Pillars) == 0 {
			t.Errorf("%s: owners %v, helpers %v, small_org %v, pillars %v; want all four", task.ID, task.Owners, task.Helpers, task.SmallOrg, task.Pillars)
		}
	}
}

// TestBuiltInCertificateDutiesFindable: people ask "who handles SSL
// certificates?" and type ssl or tls. Every role the certificate task
// names must carry a duty that says SSL, and every duty about
// certificates must name both SSL and TLS so either word finds it.
func TestBuiltInCertificateDutiesFindable(t *testing.T) {
	c := builtIn(t)
	ssl := c.Task("ssl-certificate-management")
	if ssl == nil {
		t.Fatal("no ssl-certificate-management task")
	}
	for _, id := range append(append(append([]string{}, ssl.Owners...), ssl.Helpers...), ssl.SmallOrg...) {
		found := false
		for _, d := range c.Role(id).Responsibilities {
			found = found || strings.Contains(strings.ToLower(d), "ssl")
		}
		if !found {
			t.Errorf("%s is named on the SSL/TLS certificate task but no duty of it mentions SSL", id)
		}
	}
	for _, r := range c.Roles {
		for _, d := range r.Responsibilities {
			l := strings.ToLower(d)
			if strings.Contains(l, "certificate") && !strings.Contains(l, "certification") &&
				!(strings.Contains(l, "ssl") && strings.Contains(l, "tls")) {
				t.Errorf("%s: %q speaks of certificates without both SSL and TLS", r.ID, d)
			}
		}
	}
}

func TestPillarRoleCount(t *testing.T) {
	p := &Pillar{Groups: []Group{{Members: []Member{{Role: "a"}, {Role: "b"}}}, {Members: []Member{{Role: "a"}}}}}
	if n := p.RoleCount(); n != 2 {
		t.Errorf("RoleCount = %d, want 2 (a role in two groups counts once)", n)
	}
}
