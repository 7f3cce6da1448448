package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxYAMLDepth bounds nesting so a hostile file fails fast instead of
// exhausting the stack or memory.
const maxYAMLDepth = 32

var yamlLineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// decodeFront parses front matter into v, a pointer to a struct with yaml
// tags. Every problem is reported with its line in the file: syntax errors,
// duplicate keys, unknown fields, wrong types. It returns the parsed node
// for callers that need more line numbers, or nil when parsing failed.
func decodeFront(d document, v any, report func(line int, msg string)) *yaml.Node {
	var root yaml.Node
	if len(bytes.TrimSpace(d.front)) == 0 {
		report(d.frontLine-1, "front matter is empty")
		return nil
	}
	// The YAML reader refuses raw control characters without saying
	// where they are; find the first one first, with its line.
	if line, r, ok := firstControl(d.front); ok {
		report(d.frontLine-1+line, fmt.Sprintf("front matter: control character %U is not allowed (inside double quotes, write it as \\u%04X)", r, r))
		return nil
	}
	if err := yaml.Unmarshal(d.front, &root); err != nil {
		reportYAMLError(err, d.frontLine, report)
		return nil
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		report(d.frontLine, "front matter must be a set of key: value fields")
		return nil
	}
	m := root.Content[0]
	if deep := tooDeep(m, 0); deep != nil {
		report(d.frontLine-1+deep.Line, fmt.Sprintf("front matter is nested more than %d levels deep", maxYAMLDepth))
		return nil
	}
	if a := findAlias(m); a != nil {
		report(d.frontLine-1+a.Line, "YAML anchors and aliases (&, *) are not allowed in catalog files")
		return nil
	}
	if !checkFields(m, reflect.TypeOf(v).Elem(), d.frontLine-1, report) {
		// Decoding would only add type errors to these, and the decoder
		// compares every key of a mapping with every other: 90,000
		// unknown keys took it minutes.
		return nil
	}
	if err := m.Decode(v); err != nil {
		// checkFields has already reported duplicate keys and values of the
		// wrong shape, with file lines and in plain words; the decoder's
		// messages would only repeat them in Go's terms.
		reportYAMLError(err, d.frontLine, func(line int, msg string) {
			if !strings.Contains(msg, "already defined at line") {
				report(line, msg)
			}
		})
		return nil
	}
	return m
}

func reportYAMLError(err error, frontLine int, report func(int, string)) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, msg := range msgs {
		line := frontLine
		if m := yamlLineRe.FindStringSubmatch(strings.TrimSpace(msg)); m != nil {
			if n, e := strconv.Atoi(m[1]); e == nil {
				line = frontLine - 1 + n
			}
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		report(line, "front matter: "+friendlyYAML(msg))
	}
}

var typeNameRe = regexp.MustCompile(`into (\[\])?[\w.]+`)

func friendlyYAML(msg string) string {
	msg = strings.ReplaceAll(msg, "!!seq", "a list")
	msg = strings.ReplaceAll(msg, "!!map", "a mapping")
	msg = strings.ReplaceAll(msg, "!!str", "text")
	msg = strings.ReplaceAll(msg, "!!int", "a number")
	return typeNameRe.ReplaceAllStringFunc(msg, func(s string) string {
		switch {
		case strings.HasSuffix(s, "[]string"):
			return "into a list of text"
		case strings.HasSuffix(s, "string"):
			return "into text"
		case strings.HasSuffix(s, "int"):
			return "into a number"
		}
		return "into the expected shape"
	})
}

// checkFields reports mapping keys that t has no yaml field for,
// duplicate keys, and mappings where t is not a struct, recursing into
// nested structs and lists. Only mappings it accepts reach the decoder,
// which compares every key of a mapping with every other.
func checkFields(n *yaml.Node, t reflect.Type, lineOffset int, report func(int, string)) bool {
	want := t
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	ok := true
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if t.Kind() == reflect.Struct && c.Kind != yaml.MappingNode {
				report(lineOffset+c.Line, fmt.Sprintf("each item must be a set of fields (%s: …), not %s", firstField(t), DescribeNode(c)))
				ok = false
				continue
			}
			ok = checkFields(c, t, lineOffset, report) && ok
		}
	case yaml.MappingNode:
		if t.Kind() != reflect.Struct {
			report(lineOffset+n.Line, "front matter: "+friendlyYAML("cannot unmarshal a mapping into "+want.String()))
			return false
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if prev, dup := seen[k.Value]; dup {
				report(lineOffset+k.Line, fmt.Sprintf("duplicate field %q (first given on line %d)", Sanitize(k.Value), lineOffset+prev))
				ok = false
				continue
			}
			seen[k.Value] = k.Line
		}
		if !ok {
			return false
		}
		fields := map[string]reflect.Type{}
		var names []string
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				fields[name] = t.Field(i).Type
				names = append(names, name)
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			ft, known := fields[k.Value]
			if !known {
				report(lineOffset+k.Line, fmt.Sprintf("unknown field %q (known fields: %s)", Sanitize(k.Value), strings.Join(names, ", ")))
				ok = false
				continue
			}
			if want := wrongShape(v, ft); want != "" {
				report(lineOffset+v.Line, fmt.Sprintf("%s: expected %s, not %s", k.Value, want, DescribeNode(v)))
				ok = false
				continue
			}
			ok = checkFields(v, ft, lineOffset, report) && ok
		}
	}
	return ok
}

// wrongShape says what a field of type t holds when the node v holds
// something else (a name where a list belongs, a list where text does),
// or "" when the shape fits. An empty value (null) fits anything.
func wrongShape(v *yaml.Node, t reflect.Type) string {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return ""
	}
	switch t.Kind() {
	case reflect.Slice:
		if v.Kind != yaml.SequenceNode {
			return `a list ([a, b], or one "- item" per line)`
		}
	case reflect.String:
		if v.Kind != yaml.ScalarNode {
			return "text"
		}
	case reflect.Struct:
		if v.Kind != yaml.MappingNode {
			return fmt.Sprintf("a set of fields (%s: …)", firstField(t))
		}
	}
	return ""
}

// DescribeNode names what a YAML node holds, for messages about values of
// the wrong shape: "a list", "a set of fields", or the text itself,
// sanitized and cut short. The configuration file's checks use it too.
func DescribeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of fields"
	}
	s := Sanitize(n.Value)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return strconv.Quote(s)
}

// firstField is the yaml name of t's first field, for examples.
func firstField(t reflect.Type) string {
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			return name
		}
	}
	return "name"
}

// tooDeep returns the first node nested more than maxYAMLDepth levels
// below n (at depth d), or nil.
func tooDeep(n *yaml.Node, d int) *yaml.Node {
	if d > maxYAMLDepth {
		return n
	}
	for _, c := range n.Content {
		if x := tooDeep(c, d+1); x != nil {
			return x
		}
	}
	return nil
}

// firstControl finds the first character YAML does not allow raw in a
// document (C0 controls but tab, newline and carriage return; DEL; C1
// controls but NEL) and returns its 1-based line.
func firstControl(front []byte) (line int, r rune, ok bool) {
	line = 1
	for _, r := range string(front) {
		switch {
		case r == '\n':
			line++
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7f, r >= 0x80 && r <= 0x9f && r != 0x85:
			return line, r, true
		}
	}
	return 0, 0, false
}

// findAlias returns the first node that is an alias or carries an anchor,
// or nil.
func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

// itemLines maps the field key to its file line and, for lists of links
// (which validation may point into), each item to its own line. Lists of
// names (aliases, tools) keep the field's line only: an O*NET role has
// fifty aliases, and every line kept is kept in the parse cache too.
func itemLines(m *yaml.Node, key string, lineOffset int, into map[string]int) {
	if m == nil {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != key {
			continue
		}
		into[key] = lineOffset + m.Content[i].Line
		if key == "aliases" || key == "tools" {
			continue
		}
		for _, c := range m.Content[i+1].Content {
			into[key+"\x00"+c.Value] = lineOffset + c.Line
		}
	}
}
