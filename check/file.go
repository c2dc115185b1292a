package check

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/avenant-dev/avenant/clause"
)

// FileName is the rules file looked up from the current directory upwards.
const FileName = ".avenant.yaml"

// FileError is a mistake in a rules file, located by line so that the
// user can fix it without guessing.
type FileError struct {
	File string
	Line int
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Find looks for FileName in dir and its ancestors, nearest first, and
// returns its path, or "" when there is none. A file another user owns
// (neither the user running avenant nor root) is passed over and named in
// skipped: on a shared machine anyone may write /tmp/.avenant.yaml, and
// one saying "defaults: false" switched the gate off for every check run
// below /tmp, as git refuses a repository another user owns.
func Find(dir string) (path string, skipped []string, err error) {
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", nil, err
	}
	for {
		p := filepath.Join(dir, FileName)
		st, err := os.Stat(p)
		switch {
		case err == nil && !st.IsDir() && ownedByOther(st):
			skipped = append(skipped, p)
		case err == nil && !st.IsDir():
			return p, skipped, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", skipped, err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", skipped, nil
		}
		dir = parent
	}
}

// maxFileSize bounds what Load reads. A rules file is a few dozen lines;
// read whole, "--rules /dev/zero" (or any endless pipe) ran until memory
// gave out. A pipe stays welcome: "--rules <(git show main:.avenant.yaml)".
const maxFileSize = 1 << 20

// Load reads and parses a rules file.
func Load(path string) (*Rules, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &FileError{File: path, Msg: "is a directory, not a rules file"}
	}
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFileSize {
		return nil, &FileError{File: path, Msg: fmt.Sprintf("over %d KiB, too large for a rules file", maxFileSize>>10)}
	}
	rules, err := parse(path, data)
	if err != nil {
		return nil, err
	}
	rules.File = path
	return rules, nil
}

// knownFactKinds are the fact kinds a rule may name.
var knownFactKinds = []clause.FactKind{
	clause.FactAmount, clause.FactPercent, clause.FactDate, clause.FactDuration,
	clause.FactCode, clause.FactModality, clause.FactNegation, clause.FactReference,
}

// parse reads a rules file; name is used in error messages. Unknown keys
// and bad values are errors naming their line. The rules of the file are
// added to the defaults (a rule named like a default replaces it) unless
// the file says "defaults: false"; an empty file means the defaults.
func parse(name string, data []byte) (*Rules, error) {
	p := &fileParser{name: name}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, p.yamlError(err)
	}
	rs := &Rules{}
	useDefaults := true
	var fileRules []Rule
	if len(root.Content) > 0 {
		doc := root.Content[0]
		if doc.Kind != yaml.MappingNode {
			if doc.Tag == "!!null" {
				return Default(), nil
			}
			return nil, p.errorf(doc, "expected a mapping with keys rules, allow, defaults")
		}
		err := p.mapping(doc, map[string]func(*yaml.Node) error{
			"defaults": func(n *yaml.Node) (err error) { useDefaults, err = p.boolean(n); return },
			"allow":    func(n *yaml.Node) (err error) { rs.Allow, err = p.globs(n); return },
			"rules": func(n *yaml.Node) (err error) {
				fileRules, err = p.rules(n)
				return
			},
		})
		if err != nil {
			return nil, err
		}
	}
	if useDefaults {
		rs.Rules = defaultRules()
	}
	for _, r := range fileRules {
		replaced := false
		for i := range rs.Rules {
			if rs.Rules[i].Name == r.Name {
				rs.Rules[i], replaced = r, true
			}
		}
		if !replaced {
			rs.Rules = append(rs.Rules, r)
		}
	}
	return rs, nil
}

type fileParser struct{ name string }

func (p *fileParser) errorf(n *yaml.Node, format string, args ...any) error {
	return &FileError{File: p.name, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
}

// yamlError turns a syntax error of yaml.v3 ("yaml: line 3: …") into a
// FileError with the same line.
func (p *fileParser) yamlError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line, msg = n, strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return &FileError{File: p.name, Line: line, Msg: msg}
}

// mapping walks a mapping node, handing each value to the function of its
// key; an unknown or repeated key is an error.
func (p *fileParser) mapping(n *yaml.Node, fields map[string]func(*yaml.Node) error) error {
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f, ok := fields[k.Value]
		if !ok || k.Kind != yaml.ScalarNode {
			return p.errorf(k, "unknown key %q (known: %s)", k.Value, knownKeys(fields))
		}
		if seen[k.Value] {
			return p.errorf(k, "key %q given twice", k.Value)
		}
		seen[k.Value] = true
		if err := f(v); err != nil {
			return err
		}
	}
	return nil
}

func knownKeys(fields map[string]func(*yaml.Node) error) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	// A fixed order keeps the message stable.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return strings.Join(keys, ", ")
}

func (p *fileParser) boolean(n *yaml.Node) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, p.errorf(n, "expected true or false, got %s", show(n))
}

// strings reads a list of strings; a single string is a list of one.
func (p *fileParser) strings(n *yaml.Node) ([]string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "expected a list of strings, got %s", show(n))
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			return nil, p.errorf(item, "expected a string, got %s", show(item))
		}
		out = append(out, item.Value)
	}
	return out, nil
}

func (p *fileParser) globs(n *yaml.Node) ([]string, error) {
	gs, err := p.strings(n)
	if err != nil {
		return nil, err
	}
	for i, g := range gs {
		if strings.TrimSpace(g) == "" {
			return nil, p.errorf(itemNode(n, i), "empty clause pattern")
		}
	}
	return gs, nil
}

func itemNode(n *yaml.Node, i int) *yaml.Node {
	if n.Kind == yaml.SequenceNode && i < len(n.Content) {
		return n.Content[i]
	}
	return n
}

func (p *fileParser) number(n *yaml.Node) (*float64, error) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		v, err := strconv.ParseFloat(n.Value, 64)
		if err == nil && v >= 0 {
			return &v, nil
		}
	}
	return nil, p.errorf(n, "expected a number ≥ 0, got %s", show(n))
}

func (p *fileParser) rules(n *yaml.Node) ([]Rule, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "rules: expected a list of rules, got %s", show(n))
	}
	var out []Rule
	names := map[string]int{}
	for _, rn := range n.Content {
		if rn.Kind != yaml.MappingNode {
			return nil, p.errorf(rn, "expected a rule (a mapping with keys name, facts, clauses…), got %s", show(rn))
		}
		r := Rule{Severity: Error}
		var nameNode *yaml.Node
		err := p.mapping(rn, map[string]func(*yaml.Node) error{
			"name": func(v *yaml.Node) error {
				if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" || v.Tag == "!!null" {
					return p.errorf(v, "name: expected a non-empty string, got %s", show(v))
				}
				r.Name, nameNode = v.Value, v
				return nil
			},
			"facts": func(v *yaml.Node) error {
				kinds, err := p.strings(v)
				if err != nil {
					return err
				}
				for i, k := range kinds {
					if !containsKind(knownFactKinds, clause.FactKind(k)) {
						return p.errorf(itemNode(v, i), "facts: %q is not one of %s", k, kindList())
					}
					r.Facts = append(r.Facts, clause.FactKind(k))
				}
				return nil
			},
			"clauses":       func(v *yaml.Node) (err error) { r.Clauses, err = p.globs(v); return },
			"except":        func(v *yaml.Node) (err error) { r.Except, err = p.globs(v); return },
			"subjects":      func(v *yaml.Node) (err error) { r.Subjects, err = p.globs(v); return },
			"min_delta_pct": func(v *yaml.Node) (err error) { r.MinDeltaPct, err = p.number(v); return },
			"min_delta":     func(v *yaml.Node) (err error) { r.MinDelta, err = p.number(v); return },
			"broken":        func(v *yaml.Node) (err error) { r.Broken, err = p.boolean(v); return },
			"presence":      func(v *yaml.Node) (err error) { r.Presence, err = p.boolean(v); return },
			"severity": func(v *yaml.Node) error {
				for _, s := range severities {
					if v.Kind == yaml.ScalarNode && v.Value == string(s) {
						r.Severity = s
						return nil
					}
				}
				return p.errorf(v, "severity: %s is not one of error, warning, notice", show(v))
			},
		})
		if err != nil {
			return nil, err
		}
		if nameNode == nil {
			return nil, p.errorf(rn, "rule without a name")
		}
		if line, dup := names[r.Name]; dup {
			return nil, p.errorf(nameNode, "rule %q already defined on line %d", r.Name, line)
		}
		names[r.Name] = nameNode.Line
		out = append(out, r)
	}
	return out, nil
}

func kindList() string {
	s := make([]string, len(knownFactKinds))
	for i, k := range knownFactKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// show quotes a node's value for an error message, or names its shape.
func show(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return strconv.Quote(n.Value)
}
