package ui

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
)

// KeyAction is one remappable action: where it works, its name, its keys.
type KeyAction struct {
	Screen string // "global", "browse", "compare", "search", "pick", "plan"
	Action string // snake_case, e.g. "page_down"
	Keys   []string
	Help   string
}

// screenDocs says where each group of bindings applies.
var screenDocs = map[string]string{
	"global":  "Everywhere (letters only when no text field has focus)",
	"browse":  "Roles: the list and the role page",
	"compare": "Compare",
	"search":  "Search (letters type into the query)",
	"pick":    "Pillars, Tasks and the link picker",
	"plan":    "Plan",
}

// screenOrder lists the groups in documentation order.
var screenOrder = []string{"global", "browse", "compare", "search", "pick", "plan"}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bindings walks the key map: every binding with its screen and action.
func (k *KeyMap) bindings(visit func(screen, action string, b *key.Binding)) {
	v := reflect.ValueOf(k).Elem()
	for i := 0; i < v.NumField(); i++ {
		screen := snake(v.Type().Field(i).Name)
		group := v.Field(i)
		for j := 0; j < group.NumField(); j++ {
			f := group.Field(j)
			if b, ok := f.Addr().Interface().(*key.Binding); ok {
				visit(screen, snake(group.Type().Field(j).Name), b)
			}
		}
	}
}

// Actions lists every action of the key map, in documentation order.
func (k KeyMap) Actions() []KeyAction {
	var out []KeyAction
	k.bindings(func(screen, action string, b *key.Binding) {
		out = append(out, KeyAction{Screen: screen, Action: action, Keys: b.Keys(), Help: b.Help().Desc})
	})
	rank := map[string]int{}
	for i, s := range screenOrder {
		rank[s] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Screen] < rank[out[j].Screen] })
	return out
}

// Remap gives an action new keys. The help line shows the first key.
func (k *KeyMap) Remap(screen, action string, keys []string) error {
	if len(keys) == 0 {
		return fmt.Errorf("%s.%s: give at least one key", screen, action)
	}
	for _, key := range keys {
		if strings.TrimSpace(key) == "" && key != " " || strings.ContainsAny(key, " \t") && key != " " { // " ": checkKey says space
			return fmt.Errorf("%s.%s: %q is not a key (write space, tab, ctrl+x, f1, …)", screen, action, key)
		}
		if err := checkKey(key); err != nil {
			return fmt.Errorf("%s.%s: %w", screen, action, err)
		}
	}
	found, screenFound := false, false
	k.bindings(func(s, a string, b *key.Binding) {
		if s == screen {
			screenFound = true
			if a == action {
				found = true
				b.SetKeys(keys...)
				b.SetHelp(strings.Join(keys[:min(len(keys), 2)], "/"), b.Help().Desc)
			}
		}
	})
	switch {
	case !screenFound:
		return fmt.Errorf("unknown key group %q (groups: %s)", screen, strings.Join(screenOrder, ", "))
	case !found:
		var names []string
		k.bindings(func(s, a string, _ *key.Binding) {
			if s == screen {
				names = append(names, a)
			}
		})
		return fmt.Errorf("unknown action %q in %s (actions: %s)", action, screen, strings.Join(names, ", "))
	}
	return nil
}

// keyModifiers are bubbletea's modifier names, in the order it writes them.
var keyModifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// keyNames are the keys bubbletea names with a word rather than the
// character they type.
var keyNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`enter tab backspace esc space up down left right begin find insert
		delete select pgup pgdown home end equal mul plus comma minus period div sep capslock
		scrolllock numlock printscreen pause menu mediaplay mediapause mediaplaypause mediareverse
		mediastop mediafastforward mediarewind medianext mediaprev mediarecord lowervol raisevol mute
		leftshift leftalt leftctrl leftsuper lefthyper leftmeta rightshift rightalt rightctrl
		rightsuper righthyper rightmeta isolevel3shift isolevel5shift`) {
		m[n] = true
	}
	for i := 1; i <= 63; i++ {
		m[fmt.Sprintf("f%d", i)] = true
	}
	return m
}()

// keyAliases are names people write for keys bubbletea names otherwise.
var keyAliases = map[string]string{
	"escape": "esc", "return": "enter", "pagedown": "pgdown", "pageup": "pgup", "page_down": "pgdown",
	"page_up": "pgup", "pgdn": "pgdown", "del": "delete", "ins": "insert", "spacebar": "space", "bs": "backspace",
}

// checkKey reports a key written otherwise than bubbletea names key
// presses (key.Matches compares the names): such a binding would never
// fire. A single character is taken as typed; "ctrl+alt+x", "shift+tab",
// "pgdown" and "f5" are the named forms.
func checkKey(k string) error {
	notKey := func(hint string) error { return fmt.Errorf("%q is not a key bubbletea sends%s", k, hint) }
	switch {
	case k == " ":
		return notKey(": write space") // the one character bubbletea names
	case utf8.RuneCountInString(k) == 1:
		return nil
	}
	parts := strings.Split(k, "+")
	base, mods := parts[len(parts)-1], parts[:len(parts)-1]
	if base == "" && len(parts) >= 3 && parts[len(parts)-2] == "" { // ctrl++
		base, mods = "+", parts[:len(parts)-2]
	}
	has := map[string]bool{}
	for _, m := range mods {
		m = strings.ToLower(m)
		if !slices.Contains(keyModifiers, m) || has[m] {
			return notKey(": modifiers are " + strings.Join(keyModifiers, ", "))
		}
		has[m] = true
	}
	switch {
	case utf8.RuneCountInString(base) == 1:
		if len(mods) > 0 {
			base = strings.ToLower(base)
		}
	case keyNames[strings.ToLower(base)]:
		base = strings.ToLower(base)
	case keyAliases[strings.ToLower(base)] != "":
		base = keyAliases[strings.ToLower(base)]
	default:
		return notKey(" (write a character, or a name such as enter, esc, pgdown, f5, with ctrl+, alt+, shift+ before it)")
	}
	var want []string
	for _, m := range keyModifiers {
		if has[m] {
			want = append(want, m)
		}
	}
	if canonical := strings.Join(append(want, base), "+"); canonical != k {
		return notKey(": write " + canonical)
	}
	return nil
}

// Conflicts lists keys bound to two actions that can be active at once:
// two actions of one screen, or a screen action and a global one.
func (k KeyMap) Conflicts() []string {
	owner := map[string]string{} // "screen key" → action
	var out []string
	acts := k.Actions()
	for _, a := range acts {
		for _, key := range a.Keys {
			scopes := []string{a.Screen}
			if a.Screen == "global" {
				scopes = []string{"browse", "compare", "pick", "plan", "global"}
			}
			for _, sc := range scopes {
				id := sc + " " + key
				if prev, ok := owner[id]; ok && prev != a.Screen+"."+a.Action && !sharedByDesign(prev, a.Screen+"."+a.Action) {
					out = append(out, fmt.Sprintf("%q is bound to both %s and %s", key, prev, a.Screen+"."+a.Action))
				}
				owner[id] = a.Screen + "." + a.Action
			}
		}
	}
	return out
}

// sharedByDesign names default bindings that deliberately share a key:
// the same key means the same thing in a different mode of the screen.
func sharedByDesign(a, b string) bool {
	// esc leaves the notes editor (saving) where elsewhere it goes back.
	if a == "global.back" && b == "plan.save_notes" || b == "global.back" && a == "plan.save_notes" {
		return true
	}
	// Enter opens in a list and follows a link on a page: same intent.
	return strings.HasSuffix(a, ".open") && strings.HasSuffix(b, ".links") ||
		strings.HasSuffix(a, ".links") && strings.HasSuffix(b, ".open") ||
		strings.HasSuffix(a, ".open") && strings.HasSuffix(b, ".tick") ||
		strings.HasSuffix(a, ".tick") && strings.HasSuffix(b, ".open")
}

// KeysMarkdown documents every binding, generated from the key map so it
// cannot drift from the code.
func KeysMarkdown(k KeyMap) string {
	var b strings.Builder
	b.WriteString("# Keys\n\n")
	b.WriteString("Generated from the key maps in `ui/keys.go` by `go test ./ui -run TestKeysDoc -update`; do not edit by hand.\n")
	b.WriteString("Every action can be remapped in the configuration file (`roledex config init` writes one):\n\n")
	b.WriteString("```yaml\nkeys:\n  browse:\n    mark: [x]\n```\n")
	cur := ""
	for _, a := range k.Actions() {
		if a.Screen != cur {
			cur = a.Screen
			fmt.Fprintf(&b, "\n## %s — `%s`\n\n| action | keys | what it does |\n|---|---|---|\n", screenDocs[cur], cur)
		}
		keys := make([]string, len(a.Keys))
		for i, x := range a.Keys {
			keys[i] = "`" + strings.ReplaceAll(x, "|", "\\|") + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", a.Action, strings.Join(keys, " "), a.Help)
	}
	return b.String()
}
