package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
)

// The JSON documents are the contract scripts rely on (CONTRACT.md,
// sections 2 and 3, and README where it adds fields). The contract states
// them in prose, so they are written down here as shapes, and every
// command's --format json output, on the demo negotiation and on the
// corpus, is checked against them: each key the contract names present
// with its type, no key it does not name, arrays never null, kinds from
// their lists, and what the contract says of counts and sides.

// shape is what a JSON value must be.
type shape struct {
	kind     string // object, array, string, number, bool, date, commit, enum
	fields   map[string]*shape
	optional map[string]*shape
	elem     *shape
	enum     []string
	nullable bool
}

func object(fields map[string]*shape, optional map[string]*shape) *shape {
	return &shape{kind: "object", fields: fields, optional: optional}
}
func array(elem *shape) *shape { return &shape{kind: "array", elem: elem} }
func oneOf(v ...string) *shape { return &shape{kind: "enum", enum: v} }
func orNull(s *shape) *shape   { c := *s; c.nullable = true; return &c }
func fieldsOf(names ...string) map[string]*shape {
	m := map[string]*shape{}
	for _, n := range names {
		m[n] = str
	}
	return m
}

var (
	str     = &shape{kind: "string"}
	number  = &shape{kind: "number"}
	boolean = &shape{kind: "bool"}
	// date is YYYY-MM-DD, or "" where the side is a plain file.
	date   = &shape{kind: "date"}
	commit = &shape{kind: "commit"}

	changeKinds = []string{"unchanged", "cosmetic", "modified", "added", "removed", "split", "merged"}
	fact        = object(map[string]*shape{
		"kind":    oneOf("amount", "percent", "date", "duration", "code", "modality", "negation", "reference"),
		"subject": str, "old": str, "new": str,
	}, map[string]*shape{
		"old_value": number, "new_value": number, "unit": str, "delta_pct": number,
		"effective": date, "note": str, "broken": boolean,
	})
	side        = object(map[string]*shape{"ref": str, "party": str, "date": date, "clauses": number}, nil)
	clauseRef   = object(map[string]*shape{"id": str, "number": str, "heading": str, "path": array(str)}, nil)
	shortRef    = object(fieldsOf("id", "number", "heading"), nil)
	versionRef  = object(map[string]*shape{"label": str, "party": str, "date": date}, nil)
	tariffValue = object(map[string]*shape{"value": number, "unit": str, "text": str, "clause": str, "effective": date},
		map[string]*shape{}) // "also" is added below: it holds values of the same shape

	schemas = map[string]*shape{
		"avenant.diff/v1": object(map[string]*shape{
			"schema": str, "old": side, "new": side,
			"summary": object(map[string]*shape{
				"unchanged": number, "cosmetic": number, "modified": number, "added": number, "removed": number,
				"split": number, "merged": number, "renumbered": number, "moved": number, "facts_changed": number,
			}, nil),
			"changes": array(object(map[string]*shape{
				"kind": oneOf(changeKinds...), "renumbered": boolean, "moved": boolean,
				"old": array(clauseRef), "new": array(clauseRef), "similarity": number,
				"hunks": array(object(map[string]*shape{"op": oneOf("equal", "delete", "insert"), "text": str}, nil)),
				"facts": array(fact),
			}, nil)),
		}, nil),
		"avenant.outline/v1": object(map[string]*shape{
			"schema": str, "ref": str,
			"clauses": array(object(map[string]*shape{
				"id": str, "number": str, "heading": str, "path": array(str), "text": str,
				"kind": oneOf("preamble", "title", "chapter", "section", "article", "annex", "item", "paragraph"),
			}, map[string]*shape{"status": str})),
		}, nil),
		"avenant.versions/v1": object(map[string]*shape{
			"schema": str,
			"versions": array(object(map[string]*shape{
				"label": str, "party": str, "kind": str, "date": date, "commit": commit, "base": str, "clauses": number,
			}, nil)),
		}, nil),
		"avenant.log/v1": object(map[string]*shape{
			"schema": str, "clause": str,
			"entries": array(object(map[string]*shape{
				"version": str, "party": str, "date": date, "commit": commit, "number": str, "change": oneOf(changeKinds...),
			}, map[string]*shape{
				"id": str, "renumbered": boolean, "moved": boolean, "gone": boolean, "others": array(str),
				"off_line": boolean, "by": str, "name": str, "was": str, "others_names": array(str), "split_from": str,
			})),
		}, nil),
		"avenant.blame/v1": object(map[string]*shape{
			"schema": str, "clause": str, "at": str,
			"spans": array(object(map[string]*shape{"text": str, "version": str, "party": str, "date": date, "commit": commit},
				map[string]*shape{"by": str})),
		}, nil),
		"avenant.check/v1": object(map[string]*shape{
			"schema": str, "rules_file": orNull(str), "passed": boolean,
			"findings": array(object(map[string]*shape{
				"rule": str, "severity": oneOf("error", "warning", "notice"), "clause": str, "fact": fact,
			}, map[string]*shape{"clause_id": str, "message": str})),
		}, map[string]*shape{"old": side, "new": side}),
		"avenant.tariffs/v1": object(map[string]*shape{
			"schema": str, "versions": array(versionRef),
			"rows": array(object(map[string]*shape{"code": str, "label": str, "values": array(orNull(tariffValue))},
				map[string]*shape{"table": str})),
		}, nil),
		"avenant.compare/v1": object(map[string]*shape{
			"schema": str, "base": versionRef, "versions": array(versionRef),
			"clauses": array(object(map[string]*shape{
				"base": orNull(shortRef),
				"answers": array(orNull(object(map[string]*shape{
					"kind": oneOf(changeKinds...), "renumbered": boolean, "moved": boolean, "similarity": number,
					"new": array(shortRef), "facts": array(fact),
				}, nil))),
				"agree": array(array(number)),
			}, nil)),
		}, nil),
	}
)

func init() { tariffValue.optional["also"] = array(tariffValue) }

var (
	datePattern   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	commitPattern = regexp.MustCompile(`^[0-9a-f]{40}$`)
)

// validate reports, as "path: problem", where v departs from s.
func validate(s *shape, v any, path string, problems *[]string) {
	bad := func(format string, args ...any) {
		*problems = append(*problems, path+": "+fmt.Sprintf(format, args...))
	}
	if v == nil {
		if !s.nullable {
			bad("null where the contract wants a %s", s.kind)
		}
		return
	}
	switch s.kind {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			bad("%T, not an object", v)
			return
		}
		for k, f := range s.fields {
			if x, ok := m[k]; !ok {
				bad("no %q", k)
			} else {
				validate(f, x, path+"."+k, problems)
			}
		}
		for k, x := range m {
			if f, ok := s.optional[k]; ok {
				validate(f, x, path+"."+k, problems)
			} else if _, ok := s.fields[k]; !ok {
				bad("%q is no field of the contract", k)
			}
		}
	case "array":
		l, ok := v.([]any)
		if !ok {
			bad("%T, not an array", v)
			return
		}
		for i, x := range l {
			validate(s.elem, x, fmt.Sprintf("%s[%d]", path, i), problems)
		}
	case "number":
		if _, ok := v.(json.Number); !ok {
			bad("%T, not a number", v)
		}
	case "bool":
		if _, ok := v.(bool); !ok {
			bad("%T, not a boolean", v)
		}
	default:
		t, ok := v.(string)
		switch {
		case !ok:
			bad("%T, not a string", v)
		case s.kind == "date" && t != "" && !datePattern.MatchString(t):
			bad("%q is no YYYY-MM-DD date", t)
		case s.kind == "commit" && !commitPattern.MatchString(t):
			bad("%q is no commit id", t)
		case s.kind == "enum" && !slices.Contains(s.enum, t):
			bad("%q is not one of %s", t, strings.Join(s.enum, ", "))
		}
	}
}

// checkDocument validates one command's output against its schema and
// what the contract says beyond shapes; all is set for diff --all.
func checkDocument(t *testing.T, what string, out []byte, all bool) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Errorf("%s: not one JSON object: %v", what, err)
		return
	}
	if dec.More() {
		t.Errorf("%s: more than one JSON value", what)
	}
	name, _ := doc["schema"].(string)
	s, ok := schemas[name]
	if !ok {
		t.Errorf("%s: schema %q is none of the contract's", what, name)
		return
	}
	var problems []string
	validate(s, doc, name, &problems)
	if len(problems) == 0 {
		problems = contractRules(name, doc, all)
	}
	for _, p := range problems[:min(len(problems), 5)] {
		t.Errorf("%s: %s", what, p)
	}
}

// contractRules checks what the contract says of a document beyond its
// shape; doc has the shape already.
func contractRules(name string, doc map[string]any, all bool) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	switch name {
	case "avenant.diff/v1":
		counts := map[string]int{}
		for i, c := range doc["changes"].([]any) {
			c := c.(map[string]any)
			kind := c["kind"].(string)
			counts[kind]++
			old, new := len(c["old"].([]any)), len(c["new"].([]any))
			flagged := c["renumbered"].(bool) || c["moved"].(bool)
			switch {
			case kind == "added" && (old != 0 || new == 0), kind == "removed" && (new != 0 || old == 0):
				bad("changes[%d]: %s with %d old and %d new", i, kind, old, new)
			case (kind == "added" || kind == "removed") && flagged:
				bad("changes[%d]: %s cannot be renumbered or moved", i, kind)
			case kind == "split" && (old != 1 || new < 2), kind == "merged" && (new != 1 || old < 2):
				bad("changes[%d]: %s with %d old and %d new", i, kind, old, new)
			case kind == "unchanged" && !all && !flagged && len(c["facts"].([]any)) == 0:
				bad("changes[%d]: an unchanged clause listed without --all", i)
			}
		}
		if all {
			summary := doc["summary"].(map[string]any)
			for _, k := range changeKinds {
				if n, _ := summary[k].(json.Number).Int64(); int(n) != counts[k] {
					bad("summary.%s is %d, but --all lists %d", k, n, counts[k])
				}
			}
		}
	case "avenant.tariffs/v1":
		n := len(doc["versions"].([]any))
		for i, r := range doc["rows"].([]any) {
			if got := len(r.(map[string]any)["values"].([]any)); got != n {
				bad("rows[%d]: %d values for %d versions", i, got, n)
			}
		}
	case "avenant.compare/v1":
		n := len(doc["versions"].([]any))
		for i, c := range doc["clauses"].([]any) {
			c := c.(map[string]any)
			if got := len(c["answers"].([]any)); got != n {
				bad("clauses[%d]: %d answers for %d versions", i, got, n)
			}
			for _, group := range c["agree"].([]any) {
				for _, k := range group.([]any) {
					if j, _ := k.(json.Number).Int64(); j < 0 || int(j) >= n {
						bad("clauses[%d]: agree names answer %d of %d", i, j, n)
					}
				}
			}
		}
	case "avenant.versions/v1":
		labels := map[string]bool{}
		for i, v := range doc["versions"].([]any) {
			v := v.(map[string]any)
			if base := v["base"].(string); base != "" && !labels[base] {
				bad("versions[%d]: base %q is not listed before it (oldest first)", i, base)
			}
			labels[v["label"].(string)] = true
		}
	}
	return problems
}

// jsonRun runs one command with --format json and checks its output; it
// returns the document's decoded form for the caller to find more to run.
func jsonRun(t *testing.T, args ...string) map[string]any {
	t.Helper()
	args = append(args, "--format", "json")
	stdout, stderr, code := runCLI(t, args...)
	what := "avenant " + strings.Join(args, " ")
	if code != ExitOK && code != ExitDiffers {
		t.Fatalf("%s: status %d: %s", what, code, stderr)
	}
	checkDocument(t, what, []byte(stdout), slices.Contains(args, "--all"))
	var doc map[string]any
	json.Unmarshal([]byte(stdout), &doc)
	return doc
}

// jsonCommands lists the commands whose --format takes json.
func jsonCommands() []string {
	root, _ := newRoot(&IO{}, nil)
	var names []string
	for _, c := range root.Commands() {
		if f := c.Flags().Lookup("format"); f != nil && slices.Contains(f.Annotations[formatsAnnotation], "json") {
			names = append(names, c.Name())
		}
	}
	return names
}

// TestJSONContractDemo imports the demo negotiation, the avenant as
// amendments too, and checks the JSON of every command on it: each
// version, each pair that answers another, every clause's log and blame.
func TestJSONContractDemo(t *testing.T) {
	vs, dir := demoFixtures(t)
	store := filepath.Join(t.TempDir(), "store")
	mustRun(t, "init", store, "-q")
	t.Chdir(store)
	labels := map[string]string{}
	for _, v := range vs {
		args := []string{"import", filepath.Join(dir, v.File), "--party", v.Party, "--label", v.Label, "--date", v.Date, "--kind", v.Kind, "-q"}
		if v.Base != "" {
			args = append(args, "--base", v.Base)
		}
		mustRun(t, args...)
		labels[v.Label] = v.Base
	}
	last := vs[len(vs)-1]
	mustRun(t, "import", "--amends", filepath.Join(dir, "06-avenant-1-2025-amendements.md"), "--party", "UNCAM",
		"--label", "AV1-AM", "--base", last.Base, "--date", last.Date, "-q")

	covered := map[string]bool{}
	run := func(args ...string) map[string]any {
		covered[args[0]] = true
		return jsonRun(t, args...)
	}
	run("versions")
	run("tariffs")
	run("compare")
	run("apply", last.Base, filepath.Join(dir, "06-avenant-1-2025-amendements.md"))
	var head map[string]any
	for _, v := range append(vs, fixtures.Version{Label: "AV1-AM", Base: last.Base}) {
		head = run("show", v.Label)
		if v.Base != "" {
			run("diff", v.Base, v.Label)
			run("diff", v.Base, v.Label, "--all")
			run("check", v.Base, v.Label)
		}
	}
	for _, c := range head["clauses"].([]any) {
		id := c.(map[string]any)["id"].(string)
		run("show", "AV1-AM", id)
		run("log", id)
		run("blame", id)
	}
	// A file against a version, and two files, as scripts also run them.
	run("diff", "RA-2023", filepath.Join(dir, vs[1].File), "--all")
	run("show", filepath.Join(dir, vs[0].File))
	run("tariffs", filepath.Join(dir, vs[0].File), filepath.Join(dir, vs[1].File))
	for _, name := range jsonCommands() {
		if !covered[name] {
			t.Errorf("avenant %s --format json is checked by no test: add it here", name)
		}
	}
}

// TestJSONContractCorpus checks the documents made of real texts: every
// consecutive pair of the CASF, the RCM and a bill's steps, files and
// store versions alike.
func TestJSONContractCorpus(t *testing.T) {
	store := filepath.Join(t.TempDir(), "store")
	mustRun(t, "init", store, "-q")
	t.Chdir(store)
	for _, group := range []string{"raw/legi_casf_rsa/*.md", "raw/rcm_1998/*.md", corpus.BillSteps} {
		files := corpus.Files(t, group)
		if len(files) > 6 {
			files = files[:6]
		}
		for i, f := range files {
			jsonRun(t, "show", f)
			if i > 0 {
				jsonRun(t, "diff", files[i-1], f, "--all")
				jsonRun(t, "check", files[i-1], f)
			}
		}
		jsonRun(t, "tariffs", files[0], files[len(files)-1])
	}
	files := corpus.Files(t, "raw/rcm_1998/*.md", "raw/legi_casf_rsa/*.md")
	for i, f := range files {
		mustRun(t, "import", f, "--party", "P"+fmt.Sprint(i%2), "--label", fmt.Sprintf("V-%d", i),
			"--date", fmt.Sprintf("20%02d-01-01", i), "-q")
	}
	jsonRun(t, "versions")
	jsonRun(t, "tariffs")
	jsonRun(t, "compare", "V-0", "V-1", "V-2")
	head := jsonRun(t, "show", "HEAD")
	for i, c := range head["clauses"].([]any) {
		if i%10 == 0 {
			id := c.(map[string]any)["id"].(string)
			jsonRun(t, "log", id)
			jsonRun(t, "blame", id)
		}
	}
}

// mustRun runs a command that must succeed.
func mustRun(t *testing.T, args ...string) {
	t.Helper()
	if _, stderr, code := runCLI(t, args...); code != ExitOK {
		t.Fatalf("avenant %s: status %d: %s", strings.Join(args, " "), code, stderr)
	}
}
