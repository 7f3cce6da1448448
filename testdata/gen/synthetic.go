package gen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// The synthetic catalog's words: engineering duties of the kind the real
// catalogs hold, so a query finds about as much as it would in real text.
var (
	synVerbs = strings.Fields(`Builds Maintains Reviews Designs Automates Monitors Documents Plans Tests
		Deploys Migrates Secures Audits Coordinates Measures Reports Configures Patches Upgrades Restores
		Tunes Operates Owns Leads Triages Investigates Analyses Models Forecasts Budgets Negotiates Trains
		Mentors Writes Approves Schedules Inspects Validates Estimates Prioritises Drafts Publishes
		Troubleshoots Benchmarks Refactors Archives Rotates Provisions Decommissions Scales Instruments`)
	synAdjs = strings.Fields(`critical shared internal external legacy regional global nightly weekly
		quarterly automated manual customer-facing production staging secure resilient scalable
		distributed cloud on-premises hybrid mobile embedded financial regulatory operational strategic
		annual real-time batch high-availability low-latency encrypted redundant cross-team`)
	synNouns = strings.Fields(`pipelines services databases clusters networks certificates firewalls
		backups dashboards alerts runbooks incidents postmortems releases deployments containers
		workloads queues caches APIs schemas contracts budgets forecasts roadmaps requirements designs
		dependencies vendors licences inventories servers storage logs metrics traces tickets
		changes policies controls audits risks reports datasets models experiments features
		integrations environments permissions accounts secrets keys endpoints gateways load-balancers
		schedules rotas on-call SLOs SLAs capacity costs invoices contracts hiring onboarding
		trainings interviews reviews estimates milestones sprints backlogs stakeholders customers`)
	synPreps  = strings.Fields(`for across with within between under before after during against through`)
	synTools  = strings.Fields(`Terraform Kubernetes Ansible Prometheus Grafana Jenkins GitHub GitLab Jira Confluence PostgreSQL MySQL Redis Kafka Spark Airflow Snowflake Tableau Excel SAP Salesforce Okta Vault Docker Helm ArgoCD Datadog Splunk PagerDuty ServiceNow`)
	synAreas  = strings.Fields(`Cloud Data Platform Security Network Release Billing Payments Identity Storage Mobile Web Search Analytics Compliance Reliability Infrastructure Observability Integration Quality Finance Procurement Support Growth Research Hardware Firmware Database Messaging Edge`)
	synFields = strings.Fields(`Systems Operations Services Automation Tooling Governance Delivery Architecture Performance Capacity Migration Testing Incident Access Risk Cost Product Content Workflow Reporting`)
	synJobs   = []string{"Engineer", "Analyst", "Architect", "Manager", "Lead", "Specialist", "Administrator", "Developer", "Coordinator", "Consultant", "Director", "Technician", "Scientist", "Planner", "Auditor", "Officer", "Designer", "Strategist", "Supervisor", "Advisor"}
	synFams   = []string{"Engineering", "Operations", "Security", "Data", "Architecture", "Leadership", "Finance", "Product", "Quality", "Support"}
	synTracks = []string{"individual contributor", "individual contributor", "individual contributor", "lead", "manager", "executive"}
)

// WriteSynthetic writes a catalog of roles × perRole responsibilities to
// dst, made from seed: the same arguments always give the same files.
// Each role has a unique title, two aliases, a summary, a Primary role
// and a few related roles.
func WriteSynthetic(dst string, roles, perRole int, seed uint64) (Stats, error) {
	var st Stats
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	combos := len(synAreas) * len(synFields) * len(synJobs)
	if roles > combos {
		return st, fmt.Errorf("at most %d synthetic roles, not %d", combos, roles)
	}
	perm := rng.Perm(combos)
	ids := make([]string, roles)
	titles := make([]string, roles)
	for i := range roles {
		c := perm[i]
		a, f, j := c%len(synAreas), c/len(synAreas)%len(synFields), c/len(synAreas)/len(synFields)
		titles[i] = synAreas[a] + " " + synFields[f] + " " + synJobs[j]
		ids[i] = kebab(titles[i])
	}
	sentence := func() string {
		n := 2 + rng.IntN(4)
		var w []string
		w = append(w, pick(synVerbs), pick(synAdjs), pick(synNouns))
		for k := 0; k < n; k++ {
			switch rng.IntN(4) {
			case 0:
				w = append(w, pick(synPreps), pick(synAdjs), pick(synNouns))
			case 1:
				w = append(w, "and", pick(synNouns))
			case 2:
				w = append(w, "using", pick(synTools))
			default:
				w = append(w, pick(synPreps), pick(synNouns))
			}
		}
		return strings.Join(w, " ") + "."
	}
	for i := range roles {
		words := strings.Fields(titles[i])
		r := &role{
			id:      ids[i],
			title:   titles[i],
			family:  pick(synFams),
			track:   pick(synTracks),
			aliases: []string{initials(words), words[0] + " " + words[2]},
			summary: summarize(sentence(), 200),
			primary: sentence() + " " + sentence(),
			notes:   fmt.Sprintf("Synthetic role %d of %d (seed %d), made by roledex's testdata/gen.", i+1, roles, seed),
		}
		if strings.EqualFold(r.aliases[1], r.title) {
			r.aliases = r.aliases[:1]
		}
		for k := 0; k < perRole; k++ {
			r.responsibilities = append(r.responsibilities, sentence())
		}
		seen := map[string]bool{r.id: true}
		for k := 0; k < 3; k++ {
			if id := ids[rng.IntN(roles)]; !seen[id] {
				seen[id] = true
				r.related = append(r.related, id)
			}
		}
		if err := st.write(dst, r); err != nil {
			return st, err
		}
	}
	readme := fmt.Sprintf("# A synthetic roledex catalog\n\nMade by roledex's testdata/gen with seed %d: %s.\n", seed, st)
	if err := os.WriteFile(filepath.Join(dst, "README.md"), []byte(readme), 0o644); err != nil {
		return st, err
	}
	return st, nil
}

func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w[:1])
	}
	return b.String()
}
