package catalog

import (
	"strings"
	"unicode"
)

// concepts maps a duty concept to phrases that signal it. Two duties worded
// differently ("takes a turn on call" and "joins the on-call rotation")
// share a concept even when they share few words; comparison and the gap
// use this to pair them.
var concepts = map[string][]string{
	"cicd":          {"ci/cd", "ci cd", "pipeline", "continuous integration", "continuous delivery", "jenkins", "github actions", "gitlab ci"},
	"iac":           {"infrastructure as code", "terraform", "ansible", "cloudformation", "pulumi", "iac", "helm"},
	"observability": {"monitor", "dashboard", "metric", "alert", "observab", "prometheus", "grafana", "logs", "logging", "golden signals", "tracing"},
	"oncall":        {"on call", "on-call", "incident", "outage", "paged", "pager", "restores service"},
	"postmortem":    {"postmortem", "post-incident", "root cause", "root-cause", "lessons learned"},
	"scanning":      {"scan", "sast", "dast", "vulnerab", "penetration"},
	"compliance":    {"complian", "audit", "regulat", "policy", "policies", "control"},
	"docs":          {"document", "docs", "runbook", "writes down", "wiki", "playbook"},
	"capacity":      {"capacity", "load test", "autoscal", "scaling", "scale", "forecast"},
	"cost":          {"cost", "spend", "budget", "finops", "saving"},
	"secrets":       {"secret", "vault", "credential", "key management"},
	"access":        {"iam", "access", "permission", "identity", "least privilege"},
	"slo":           {"slo", "sli", "error budget", "service level"},
	"backup":        {"backup", "restore test", "restores from", "disaster recovery", "dr plan", "rpo", "rto"},
	"release":       {"release", "rollout", "roll out", "rollback", "version", "deploy", "ship"},
	"devsupport":    {"onboard", "troubleshoot", "debug", "support developers", "helps developers"},
	"design":        {"design", "architecture", "blueprint", "pattern"},
	"people":        {"hire", "hiring", "mentor", "coach", "career", "performance review", "1:1"},
	"strategy":      {"roadmap", "strategy", "strategic", "vision", "multi-year"},
	"stakeholders":  {"stakeholder", "board", "executive", "leadership", "business"},
	"network":       {"network", "vpc", "firewall", "dns", "load balancer", "port"},
	"training":      {"train", "awareness", "workshop", "teaches"},
	"data":          {"data", "retention", "classif", "database"},
	"testing":       {"test", "quality", "regression", "qa"},
	"automation":    {"automat", "toil", "script"},
	"cloud":         {"aws", "azure", "gcp", "cloud"},
	"containers":    {"kubernetes", "container", "docker"},
	"risk":          {"risk", "threat"},
}

// broadConcepts are mentioned by so many duties that sharing one says
// little; they weigh less.
var broadConcepts = map[string]bool{
	"cloud": true, "automation": true, "data": true, "stakeholders": true, "design": true,
	"release": true, "compliance": true, "testing": true, "docs": false,
}

// conceptsOf returns the concepts a text mentions.
// The value is the phrase that matched, with hyphens read as spaces.
func conceptsOf(text string) map[string]string {
	t := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == ':')
	}), " ") + " "
	out := map[string]string{}
	for c, phrases := range concepts {
		for _, p := range phrases {
			// Phrases match at the start of a word: "board" is not in "dashboard".
			if strings.Contains(t, " "+p) {
				out[c] = p
				break
			}
		}
	}
	return out
}
