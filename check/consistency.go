package check

import (
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/tariff"
)

// ConsistencyRule names the rule that reads one version against itself:
// an article that prices an act code at another amount than the tariff
// table of the same version. Of a rules file's rule by this name, only the
// severity and the clause patterns (clauses, except, and the file's allow
// list, matched against the article) apply.
const ConsistencyRule = "consistency"

// Consistency returns the findings of the consistency rule on one
// document, none when the rule set has no such rule.
func Consistency(doc *clause.Document, rules *Rules) []Finding {
	if rules == nil {
		rules = Default()
	}
	var rule *Rule
	for i := range rules.Rules {
		if rules.Rules[i].Name == ConsistencyRule {
			rule = &rules.Rules[i]
		}
	}
	if rule == nil {
		return nil
	}
	sev := rule.Severity
	if sev == "" {
		sev = Warning
	}
	var out []Finding
	for _, in := range tariff.Inconsistencies(tariff.Prices(doc)) {
		a, t := in.Article[0], in.Table[0]
		cl := &doc.Clauses[a.At]
		names := append([]string{cl.Number, cl.Heading, cl.Key, cl.ID, a.Clause}, cl.Path...)
		if (len(rules.Allow) > 0 && anyGlob(rules.Allow, names)) ||
			(len(rule.Clauses) > 0 && !anyGlob(rule.Clauses, names)) ||
			(len(rule.Except) > 0 && anyGlob(rule.Except, names)) {
			continue
		}
		value, other := a.Value, t.Value
		fact := clause.Fact{Kind: clause.FactAmount, Subject: in.Code, Old: t.Text, New: a.Text,
			OldValue: &other, NewValue: &value, Unit: a.Unit, Effective: a.Effective, Note: t.Clause + " at " + t.Text}
		out = append(out, Finding{Rule: ConsistencyRule, Severity: sev, Clause: a.Clause,
			ClauseID: cl.ID, Fact: fact, Detail: in.Message()})
	}
	return out
}
