package check

import (
	"slices"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// Schema names the JSON document written for a check.
const Schema = "avenant.check/v1"

// Finding is one fact flagged by one rule.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Clause names the clause as a reader looks for it: "Article 10",
	// "Annexe 1/G" for a tariff row, "Article 12 → Article 12 bis" when
	// renumbered.
	Clause string `json:"clause"`
	// ClauseID is the clause's id (the store's stable id when known), the
	// anchor of the clause in the HTML redline.
	ClauseID string      `json:"clause_id"`
	Fact     clause.Fact `json:"fact"`
	// Detail, when set, is the finding's message in place of the fact's
	// line: a finding about one version ("Article 3 prices G at 26,50 €,
	// Annexe 1/G at 30 €") is not a change.
	Detail string `json:"message,omitempty"`
}

// Message describes the finding on one line for annotations and reports:
// "amount G: 26,50 € → 30 € (+13,21 %)". Document text is cleaned of
// control characters.
func (f *Finding) Message() string {
	if f.Detail != "" {
		return sanitize.Text(f.Detail)
	}
	msg := render.FactLine(f.Fact)
	return sanitize.Text(msg)
}

// Report is the outcome of a check.
type Report struct {
	Old, New render.Side
	// RulesFile is the rules file used, "" for the built-in rules.
	RulesFile string
	// Rules names the rules that ran, in order, so that reports can list
	// those that found nothing.
	Rules    []string
	Findings []Finding
	// Summary counts the diff's changes, for the Markdown report.
	Summary clause.Summary
}

// Passed reports whether no error-level rule fired.
func (r *Report) Passed() bool { return r.count(Error) == 0 }

// count returns the number of findings of severity s.
func (r *Report) count(s Severity) int {
	n := 0
	for i := range r.Findings {
		if r.Findings[i].Severity == s {
			n++
		}
	}
	return n
}

// Check compares two parsed documents and runs the rules over the diff.
// Loading the documents (files or store versions) is left to the caller;
// old and new describe them in the report.
func Check(oldDoc, newDoc *clause.Document, old, new render.Side, rules *Rules, opts clause.CompareOptions) *Report {
	return Run(clause.Compare(oldDoc, newDoc, opts), old, new, rules)
}

// Run runs the rules over a diff. A nil rule set means the defaults.
func Run(d *clause.Diff, old, new render.Side, rules *Rules) *Report {
	if rules == nil {
		rules = Default()
	}
	old.Clauses, new.Clauses = len(d.Old.Clauses), len(d.New.Clauses)
	rep := &Report{Old: old, New: new, RulesFile: rules.File, Summary: d.Summary, Findings: []Finding{}}
	for _, r := range rules.Rules {
		rep.Rules = append(rep.Rules, r.Name)
	}
	oldNamed, newNamed := clause.NamedOf(d.Old), clause.NamedOf(d.New)
	for i := range d.Changes {
		c := &d.Changes[i]
		facts := c.Facts
		if len(facts) == 0 {
			continue
		}
		names := newClauseRef(d, c, oldNamed, newNamed)
		if len(rules.Allow) > 0 && names.matches(rules.Allow) {
			continue
		}
		title, id := changeTitle(d, c)
		for _, f := range facts {
			for ri := range rules.Rules {
				r := &rules.Rules[ri]
				if r.Name == ConsistencyRule || !r.matchFact(&f, names) {
					continue
				}
				sev := r.Severity
				if sev == "" {
					sev = Error
				}
				rep.Findings = append(rep.Findings, Finding{Rule: r.Name, Severity: sev, Clause: title, ClauseID: id, Fact: f})
			}
		}
	}
	rep.Findings = append(rep.Findings, unreadTables(d, rules, oldNamed, newNamed)...)
	rep.Findings = append(rep.Findings, unreadFacts(d, rules, oldNamed, newNamed)...)
	rep.Findings = append(rep.Findings, headerChanges(d, rules, oldNamed, newNamed)...)
	rep.Findings = append(rep.Findings, Consistency(d.New, rules)...)
	return rep
}

// tableHeaderKey names a table's header for clause patterns, as "tariff:G"
// names a row.
const tableHeaderKey = "tariff:header"

// clauseRef is what a clause pattern is matched against for one change:
// the change's clauses on both sides, so that a rule on "Article 12" still
// sees the clause after it was renumbered 13.
type clauseRef struct {
	sides []refSide
	names []string // every name a glob may match
}

type refSide struct {
	named []clause.Named
	idx   []int
}

func newClauseRef(d *clause.Diff, c *clause.Change, oldNamed, newNamed []clause.Named) clauseRef {
	ref := clauseRef{sides: []refSide{{newNamed, c.New}, {oldNamed, c.Old}}}
	add := func(doc *clause.Document, named []clause.Named, idx []int) {
		for _, i := range idx {
			cl := &doc.Clauses[i]
			ref.names = append(ref.names, cl.Heading, cl.Key, cl.ID, named[i].ID, clauseName(doc, i))
			if cl.Kind == clause.KindArticle {
				ref.names = append(ref.names, cl.Number) // a bare number is an article's
			}
			if clause.IsTableHeader(cl) {
				// A header dates the prices of its rows: its date is a
				// tariff's date, reported there once (tariff-dates).
				ref.names = append(ref.names, tableHeaderKey)
			}
			ref.names = append(ref.names, cl.Path...)
		}
	}
	add(d.New, newNamed, c.New)
	add(d.Old, oldNamed, c.Old)
	return ref
}

// matches reports whether one of the patterns names one of the change's
// clauses. A pattern with * or ? is a glob over the clauses' names; any
// other is a clause name resolved as avenant show resolves it
// (clause.ResolveName), or a key ("tariff:G").
func (r clauseRef) matches(patterns []string) bool {
	for _, p := range patterns {
		if strings.ContainsAny(p, "*?") {
			if anyGlob([]string{p}, r.names) {
				return true
			}
			continue
		}
		for _, side := range r.sides {
			hits := clause.ResolveName(side.named, p)
			for _, i := range side.idx {
				if slices.Contains(hits, i) || side.named[i].Key != "" && clause.KeyIs(side.named[i].Key, p) {
					return true
				}
			}
		}
	}
	return false
}

// changeTitle names the change's clauses, old → new when the name changed,
// and returns the id of the clause that anchors it (the first new clause,
// or the first old one for a removal).
func changeTitle(d *clause.Diff, c *clause.Change) (string, string) {
	join := func(doc *clause.Document, idx []int) string {
		parts := make([]string, len(idx))
		for k, i := range idx {
			parts[k] = clauseName(doc, i)
		}
		return strings.Join(parts, " + ")
	}
	o, n := join(d.Old, c.Old), join(d.New, c.New)
	title := n
	switch {
	case n == "":
		title = o
	case o != "" && o != n:
		title = o + " → " + n
	}
	var id string
	switch {
	case len(c.New) > 0:
		id = d.New.Clauses[c.New[0]].ID
	case len(c.Old) > 0:
		id = d.Old.Clauses[c.Old[0]].ID
	}
	return sanitize.Text(title), id
}

// clauseName names clause i as a reader refers to it: "Article 28.1",
// "Annexe 1/G" for a tariff row.
func clauseName(doc *clause.Document, i int) string { return doc.Name(i) }
