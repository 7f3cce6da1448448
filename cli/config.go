package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/roledex/roledex/catalog"
	"github.com/roledex/roledex/ui"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

// Config is the user's configuration file.
type Config struct {
	Theme             string                         `yaml:"theme"`
	Color             string                         `yaml:"color"`
	Catalogs          []string                       `yaml:"catalogs"`
	CompareDimensions []string                       `yaml:"compare_dimensions"`
	Keys              map[string]map[string][]string `yaml:"keys"`
	// path is where the configuration was read from ("" when none).
	path string
}

// defaultConfig is what `roledex config init` writes: every setting,
// commented, at its default.
const defaultConfig = `# roledex configuration. Flags beat environment variables, which beat
# this file. Check it with: roledex config check

# Styles for a dark or light terminal: auto (ask the terminal), dark, light.
# Environment: ROLEDEX_THEME. Flag: --theme.
theme: auto

# Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
# Environment: NO_COLOR (any value turns colour off). Flag: --color.
color: auto

# Catalog folders loaded after the built-in catalog, like --catalog DIR.
# A leading ~/ (or ~\ on Windows) means your home folder; relative paths
# are relative to this file.
catalogs: []
#  - ~/work/our-ladder

# The dimensions a comparison shows (the explorer and roledex compare);
# empty shows all ten. Names: Primary role, Reporting relationship, Scope,
# Decision-making authority, Strategic planning, Team management, Meeting
# involvement, Project management, Communication, Professional development.
compare_dimensions: []
#  - Scope
#  - Decision-making authority
#  - Team management

# Key bindings: group: action: [keys]. docs/keys.md lists every group and
# action with its default keys. Keys are written as bubbletea names them:
# a, A, ?, space, tab, enter, esc, up, pgdown, ctrl+x, alt+x, f1…
keys: {}
#  browse:
#    mark: [x]
#  global:
#    quit: [ctrl+q]
`

// ConfigPath returns the configuration file's path: $ROLEDEX_CONFIG, else
// $XDG_CONFIG_HOME/roledex/config.yaml, else the OS's user config folder.
// It reads only getenv, so a run with a given environment never picks up
// the file of the process it happens to run in.
func ConfigPath(getenv func(string) string) (string, error) {
	return configPathFor(runtime.GOOS, getenv)
}

// configPathFor is ConfigPath for the operating system goos. The user
// config folder is os.UserConfigDir's, worked out from getenv.
func configPathFor(goos string, getenv func(string) string) (string, error) {
	if p := getenv("ROLEDEX_CONFIG"); p != "" {
		return p, nil
	}
	dir := userFolder(goos, getenv, "XDG_CONFIG_HOME", []string{".config"}, []string{"Library", "Application Support"}, "AppData", "APPDATA")
	if dir == "" {
		return "", fmt.Errorf("no configuration folder: set ROLEDEX_CONFIG to the file, or XDG_CONFIG_HOME")
	}
	return joinFor(goos, dir, "roledex", "config.yaml"), nil
}

// userFolder is a per-user folder worked out from getenv alone, by the
// rules of goos whatever system runs this: the XDG variable xdg when it
// holds an absolute path (the XDG spec ignores relative ones), else on
// Windows the first of the windows variables that does, on macOS (and
// iOS) $HOME joined with darwin, elsewhere $HOME joined with unix. ""
// when there is none. The configuration and the parse cache both live
// in such a folder.
func userFolder(goos string, getenv func(string) string, xdg string, unix, darwin []string, windows ...string) string {
	abs := func(p string) bool { return strings.HasPrefix(p, "/") }
	if goos == "windows" {
		abs = func(p string) bool {
			return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') || strings.HasPrefix(p, `\\`)
		}
	}
	if d := getenv(xdg); abs(d) {
		return d
	}
	home := getenv("HOME")
	switch {
	case goos == "windows":
		for _, v := range windows {
			if d := getenv(v); abs(d) {
				return strings.TrimRight(d, `\/`)
			}
		}
	case goos == "darwin" || goos == "ios":
		if abs(home) {
			return joinFor(goos, append([]string{home}, darwin...)...)
		}
	case abs(home):
		return joinFor(goos, append([]string{home}, unix...)...)
	}
	return ""
}

// joinFor joins path elements with goos's separator.
func joinFor(goos string, elem ...string) string {
	if goos == "windows" {
		return strings.Join(elem, `\`)
	}
	return path.Join(elem...)
}

var yamlErrLine = regexp.MustCompile(`line (\d+): (.*)`)

// LoadConfig reads the configuration at path. A missing file is no error
// (defaults apply). Every problem is returned as path:line: message.
func LoadConfig(path string) (Config, []error) {
	cfg := Config{path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, []error{fmt.Errorf("%s: %v", catalog.Sanitize(path), errText(err))}
	}
	if len(data) > 1<<20 {
		return Config{}, []error{fmt.Errorf("%s: larger than 1 MiB; not a configuration file", catalog.Sanitize(path))}
	}
	type lineErr struct {
		line int
		err  error
	}
	var found []lineErr
	at := func(line int, format string, args ...any) {
		found = append(found, lineErr{line, fmt.Errorf("%s:%d: %s", catalog.Sanitize(path), line, catalog.Sanitize(fmt.Sprintf(format, args...)))})
	}
	// problems returns what was found in line order.
	problems := func() []error {
		sort.SliceStable(found, func(i, j int) bool { return found[i].line < found[j].line })
		errs := make([]error, len(found))
		for i, f := range found {
			errs[i] = f.err
		}
		return errs
	}
	yamlErr := func(err error) {
		msgs := []string{err.Error()}
		var te *yaml.TypeError
		if errors.As(err, &te) {
			msgs = te.Errors
		}
		for _, m := range msgs {
			if g := yamlErrLine.FindStringSubmatch(m); g != nil {
				n, _ := strconv.Atoi(g[1])
				at(n, "%s", g[2])
			} else {
				at(1, "%s", strings.TrimPrefix(m, "yaml: "))
			}
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil && !errors.Is(err, io.EOF) {
		yamlErr(err)
		return Config{}, problems()
	}
	var second yaml.Node
	if dec.Decode(&second) == nil {
		at(second.Line, "one YAML document only: the file holds a second one")
	}
	// Settings and the shape of their values first, in the user's terms:
	// yaml's own errors speak of Go types ("cannot unmarshal !!str into
	// []string"). Unknown settings do not stop the rest being checked.
	if !checkShape(&root, at) {
		return Config{}, problems()
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil { // duplicate keys
		yamlErr(err)
		return Config{}, problems()
	}
	cfg.path = path
	line := func(keys ...string) int { return nodeLine(&root, keys...) }
	if !oneOf(cfg.Theme, "", "auto", "dark", "light") {
		at(line("theme"), "theme must be auto, dark or light, not %q", cfg.Theme)
	}
	if !oneOf(cfg.Color, "", "auto", "always", "never") {
		at(line("color"), "color must be auto, always or never, not %q", cfg.Color)
	}
	for i, d := range cfg.CompareDimensions {
		if catalog.DimensionIndex(d) < 0 {
			at(line("compare_dimensions", strconv.Itoa(i)), "unknown dimension %q", d)
		}
	}
	km := ui.DefaultKeyMap()
	for group, actions := range cfg.Keys {
		for action, keys := range actions {
			if err := km.Remap(group, action, keys); err != nil {
				if strings.HasPrefix(err.Error(), "unknown key group") {
					at(line("keys", group), "keys: %v", err)
					break // once per group, not once per action in it
				}
				at(line("keys", group, action), "keys: %v", err)
			}
		}
	}
	if len(found) == 0 {
		// A conflict is only worth naming once every binding is valid.
		for _, c := range km.Conflicts() {
			// Point at the first configured binding the conflict names.
			l := 0
			for group, actions := range cfg.Keys {
				for action := range actions {
					if al := line("keys", group, action); strings.Contains(c, group+"."+action) && (l == 0 || al < l) {
						l = al
					}
				}
			}
			if l == 0 {
				l = line("keys")
			}
			at(l, "keys: %s", c)
		}
	}
	dirs := cfg.catalogDirs()
	for i, c := range cfg.Catalogs {
		l := line("catalogs", strconv.Itoa(i))
		if strings.TrimSpace(c) == "" {
			at(l, "empty catalog folder name")
		} else if st, err := os.Stat(dirs[i]); err != nil {
			at(l, "catalog folder %s: %s", dirs[i], errText(err))
		} else if !st.IsDir() {
			at(l, "catalog folder %s is not a folder", dirs[i])
		}
	}
	return cfg, problems()
}

// settingNames are the top-level settings of config.yaml.
var settingNames = []string{"theme", "color", "catalogs", "compare_dimensions", "keys"}

// checkShape reports unknown settings and values of the wrong kind (a
// name where a list belongs, a list where one value does). It returns
// false when a value has the wrong kind: decoding would then fail too.
func checkShape(doc *yaml.Node, at func(int, string, ...any)) bool {
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return true
	}
	ok := true
	bad := func(n *yaml.Node, format string, args ...any) {
		at(n.Line, format, args...)
		ok = false
	}
	root := deref(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		bad(root, "expected settings (theme: dark, …), not %s", catalog.DescribeNode(root))
		return false
	}
	list := func(name string, v *yaml.Node) {
		switch {
		case isNull(v):
		case v.Kind != yaml.SequenceNode:
			bad(v, "%s: expected a list, not %s", name, catalog.DescribeNode(v))
		default:
			for _, item := range v.Content {
				if deref(item).Kind != yaml.ScalarNode {
					bad(item, "%s: expected a list of names, not %s in it", name, catalog.DescribeNode(deref(item)))
				}
			}
		}
	}
	pairs := func(n *yaml.Node, each func(k, v *yaml.Node)) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			each(n.Content[i], deref(n.Content[i+1]))
		}
	}
	pairs(root, func(k, v *yaml.Node) {
		switch k.Value {
		case "theme", "color":
			if v.Kind != yaml.ScalarNode {
				bad(v, "%s: expected one value, not %s", k.Value, catalog.DescribeNode(v))
			}
		case "catalogs", "compare_dimensions":
			list(k.Value, v)
		case "keys":
			if !isNull(v) && v.Kind != yaml.MappingNode {
				bad(v, "keys: expected groups of actions (keys: {browse: {mark: [x]}}), not %s", catalog.DescribeNode(v))
				return
			}
			pairs(v, func(g, actions *yaml.Node) {
				if !isNull(actions) && actions.Kind != yaml.MappingNode {
					bad(actions, "keys.%s: expected actions (mark: [x]), not %s", g.Value, catalog.DescribeNode(actions))
					return
				}
				pairs(actions, func(a, keys *yaml.Node) { list("keys."+g.Value+"."+a.Value, keys) })
			})
		default:
			at(k.Line, "field %s is not a setting (%s)", k.Value, strings.Join(settingNames, ", "))
		}
	})
	return ok
}

// deref follows a YAML alias (*name) to the node it stands for.
func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func oneOf(s string, opts ...string) bool {
	for _, o := range opts {
		if s == o {
			return true
		}
	}
	return false
}

// nodeLine finds the line of the value at a path of mapping keys (or
// sequence indexes), falling back to the nearest parent found.
func nodeLine(root *yaml.Node, path ...string) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 1
	for _, p := range path {
		switch n.Kind {
		case yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == p {
					line = n.Content[i].Line
					n = n.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return line
			}
		case yaml.SequenceNode:
			i, err := strconv.Atoi(p)
			if err != nil || i >= len(n.Content) {
				return line
			}
			n = n.Content[i]
			line = n.Line
		default:
			return line
		}
	}
	return line
}

// KeyMap returns the default key map with the configuration's changes.
func (c Config) KeyMap() ui.KeyMap {
	km := ui.DefaultKeyMap()
	for group, actions := range c.Keys {
		for action, keys := range actions {
			_ = km.Remap(group, action, keys) // validated by LoadConfig
		}
	}
	return km
}

// catalogDirs resolves the configured folders: ~/ is the home folder and
// relative paths are relative to the configuration file.
func (c Config) catalogDirs() []string {
	var out []string
	for _, d := range c.Catalogs {
		switch {
		case strings.HasPrefix(d, "~/") || strings.HasPrefix(d, "~"+string(filepath.Separator)):
			if home, err := os.UserHomeDir(); err == nil {
				d = filepath.Join(home, d[2:])
			}
		case !filepath.IsAbs(d) && c.path != "":
			d = filepath.Join(filepath.Dir(c.path), d)
		}
		out = append(out, d)
	}
	return out
}

// dimensionFilter returns the indexes of the configured dimensions, or
// nil for all.
func dimensionFilter(names []string) []int {
	var out []int
	for _, n := range names {
		if i := catalog.DimensionIndex(n); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

func (a *app) configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show, create or check the configuration file",
		Long: `roledex reads an optional configuration file: theme, colour, extra catalog
folders, the dimensions a comparison shows, and key bindings. Flags beat
environment variables, which beat the file.`,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "path",
		Short: "Print where the configuration file is (or would be)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := ConfigPath(a.env.Getenv)
			if err != nil {
				return fail(err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), p)
			return nil
		},
	})
	var force bool
	initCmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented default configuration file",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := ConfigPath(a.env.Getenv)
			if err != nil {
				return fail(err)
			}
			if _, err := os.Stat(p); err == nil && !force {
				return fail(fmt.Errorf("%s already exists (--force replaces it)", p))
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return fail(err)
			}
			if err := os.WriteFile(p, []byte(defaultConfig), 0o644); err != nil {
				return fail(err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), "wrote", p)
			return nil
		},
	}
	initCmd.Flags().BoolVar(&force, "force", false, "replace an existing file")
	cmd.AddCommand(initCmd)
	cmd.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Check the configuration file; problems as path:line: message",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := ConfigPath(a.env.Getenv)
			if err != nil {
				return fail(err)
			}
			if _, err := os.Stat(p); err != nil {
				fmt.Fprintf(cmd.OutOrStdout(), "no configuration file at %s: defaults apply\n", p)
				return nil
			}
			_, errs := LoadConfig(p)
			for _, e := range errs {
				fmt.Fprintln(cmd.OutOrStdout(), e)
			}
			if len(errs) > 0 {
				return fail(fmt.Errorf("%d problem(s) in the configuration", len(errs)))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: ok\n", p)
			return nil
		},
	})
	return cmd
}
