package catalog

import (
	"slices"
	"strings"
)

// People ask roledex questions: "who handles SSL certificates?", "which
// role owns the backups". Every word of a query must occur in a line, so
// the question's own words would match nothing; stripQuestion drops them
// and keeps what the question is about. Only a question's opening is
// dropped (a lead-in, then helper verbs, then an article), never words
// in the middle of a query, and a query that would be left empty is kept
// as typed.

// questionStarts open a question about who does something.
var questionStarts = [][]string{
	{"who"}, {"who's"}, {"whos"}, {"whose", "job", "is"}, {"whose", "job"},
	{"which", "role"}, {"which", "roles"}, {"what", "role"}, {"what", "roles"},
	{"which", "team"}, {"what", "team"},
}

// questionVerbs may follow a question's opening, in any number.
var questionVerbs = [][]string{
	{"is", "responsible", "for"}, {"are", "responsible", "for"}, {"responsible", "for"},
	{"is", "in", "charge", "of"}, {"in", "charge", "of"},
	{"takes", "care", "of"}, {"take", "care", "of"}, {"looks", "after"}, {"look", "after"},
	{"deals", "with"}, {"deal", "with"}, {"works", "on"}, {"work", "on"},
	{"is"}, {"are"}, {"should"}, {"would"}, {"will"}, {"can"}, {"must"},
	{"usually"}, {"typically"}, {"normally"}, {"generally"},
	{"handles"}, {"handle"}, {"owns"}, {"own"}, {"does"}, {"do"}, {"manages"}, {"manage"},
	{"runs"}, {"run"}, {"maintains"}, {"maintain"}, {"performs"}, {"perform"},
}

var questionArticles = map[string]bool{"the": true, "a": true, "an": true, "our": true}

// stripQuestion returns the words of a folded query that a question is
// about, without trailing question marks.
func stripQuestion(folded string) string {
	folded = strings.TrimRight(folded, "?!. ")
	if !strings.HasPrefix(folded, "wh") {
		return folded // not a question: no allocation on the hot path
	}
	words := strings.Fields(folded)
	rest, ok := cutPhrase(words, questionStarts)
	if !ok {
		return folded
	}
	for {
		next, ok := cutPhrase(rest, questionVerbs)
		if !ok {
			break
		}
		rest = next
	}
	for len(rest) > 0 && questionArticles[rest[0]] {
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return folded
	}
	return strings.Join(rest, " ")
}

// cutPhrase removes the first of phrases that words start with.
func cutPhrase(words []string, phrases [][]string) ([]string, bool) {
	for _, p := range phrases {
		if len(words) >= len(p) && slices.Equal(words[:len(p)], p) {
			return words[len(p):], true
		}
	}
	return words, false
}
