package check

import (
	"math"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// Severity is how much a finding matters. Only errors fail a check; the
// names are those of GitHub's workflow commands, so that a finding maps to
// an annotation of the same level.
type Severity string

// The severities, from the one that fails a check down.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Notice  Severity = "notice"
)

// severities lists the valid severities, for error messages.
var severities = []Severity{Error, Warning, Notice}

// Rule selects the facts worth flagging. Every non-empty criterion must
// hold for a fact to fire the rule.
type Rule struct {
	// Name identifies the rule in findings; a rules file rule with the
	// name of a default rule replaces it.
	Name string
	// Facts are the fact kinds the rule watches; empty means all.
	Facts []clause.FactKind
	// Clauses are globs (* and ?, case and accents ignored) of which at
	// least one must match one of the change's clauses: its number, its
	// name ("Article 12", "Annexe 1"), its heading, a heading of its path,
	// its key ("tariff:G") or its id. Empty means every clause.
	Clauses []string
	// Except are clause globs the rule ignores.
	Except []string
	// Subjects are globs on the fact's subject (the act code "G" an
	// amount prices); empty means any subject.
	Subjects []string
	// Presence lets a value that appears or disappears (an amount of an
	// added article, one left out of the new text) fire the rule whatever
	// its subject: Subjects then only sorts the values that changed.
	Presence bool
	// MinDeltaPct, when set, ignores numeric changes smaller than this
	// many percent of the old value. A value that appears or disappears
	// has no delta and is always flagged.
	MinDeltaPct *float64
	// MinDelta, when set, ignores numeric changes whose absolute size is
	// below it (in the fact's unit).
	MinDelta *float64
	// Broken keeps only broken cross-references: reference facts with a
	// note, or written the same on both sides (the text still names a
	// number that no longer denotes the same clause).
	Broken bool
	// Severity of the findings; Error when empty.
	Severity Severity
}

// Rules is a complete rule set.
type Rules struct {
	// File is the rules file these came from, as the user would name it;
	// "" for the built-in rules. Reports print it, so that a CI log says
	// which rules let a change through.
	File  string
	Rules []Rule
	// Allow lists clause globs that no rule flags.
	Allow []string
}

// tariffClauses are the clauses whose amounts are prices: tariff rows,
// annexes, and articles whose heading or path speaks of tariffs, fees or
// remuneration.
var tariffClauses = []string{"tariff:*", "Annexe*", "annex:*", "*tarif*", "*honoraires*", "*rémunération*", "*forfait*"}

// Default returns the built-in rules, which fail a check on any change of
// what the parties agree to pay, by when, and who must do what: any
// changed, added or removed amount, percentage or act code in a tariff
// clause (a tariff row that appears or disappears brings both its code and
// its price), a changed date of a tariff row (the date its prices apply
// from), anywhere else any amount ("la consultation G est fixée à 30 €"
// in an article, an aid of 5 000 € par an, an added article's "indemnité
// de 200 €"), percentage, date or time limit that changes, appears or
// disappears (the date from which an article's price applies, a rate of
// cover, a deadline of payment), and a modality or a negation (doit ↔
// peut) that changes, appears or disappears; a broken cross-reference is
// an error, and an article of the new version that prices an act code
// otherwise than its tariff table a warning (see ConsistencyRule).
func Default() *Rules {
	return &Rules{Rules: defaultRules()}
}

func defaultRules() []Rule {
	return []Rule{
		{Name: tariffsRule, Facts: []clause.FactKind{clause.FactAmount, clause.FactPercent, clause.FactCode}, Clauses: tariffClauses, Severity: Error},
		// A date in a tariff row is the date its prices apply from: moved,
		// the same price holds from another day.
		{Name: "tariff-dates", Facts: []clause.FactKind{clause.FactDate, clause.FactDuration}, Clauses: []string{"tariff:*"}, Severity: Error},
		{Name: "prices", Facts: []clause.FactKind{clause.FactAmount}, Except: tariffClauses, Severity: Error},
		{Name: "rates", Facts: []clause.FactKind{clause.FactPercent}, Except: tariffClauses, Severity: Error},
		{Name: "terms", Facts: []clause.FactKind{clause.FactDate, clause.FactDuration}, Except: []string{"tariff:*"}, Severity: Error},
		{Name: "obligations", Facts: []clause.FactKind{clause.FactModality, clause.FactNegation}, Severity: Error},
		{Name: "references", Facts: []clause.FactKind{clause.FactReference}, Broken: true, Severity: Error},
		{Name: ConsistencyRule, Severity: Warning},
	}
}

// matchFact reports whether the rule fires on fact f of a change whose
// clauses are named by names.
func (r *Rule) matchFact(f *clause.Fact, names clauseRef) bool {
	if len(r.Facts) > 0 && !containsKind(r.Facts, f.Kind) {
		return false
	}
	if r.Broken && !f.BrokenReference() {
		return false
	}
	if len(r.Subjects) > 0 && !(r.Presence && oneSided(f)) && !anyGlob(r.Subjects, []string{f.Subject}) {
		return false
	}
	if len(r.Clauses) > 0 && !names.matches(r.Clauses) {
		return false
	}
	if len(r.Except) > 0 && names.matches(r.Except) {
		return false
	}
	// A threshold weighs how far a value moved; a value that stayed and
	// changed otherwise (a ceiling become a floor, 30 € par an become
	// par mois, its date of effect) moved by nothing and was let through.
	// A value with a note changed otherwise than by its size (its basis,
	// its bound, the period of a count: 30 € par mois → 30,50 € par an),
	// which no threshold weighs.
	if f.OldValue != nil && f.NewValue != nil && *f.OldValue != *f.NewValue && f.Note == "" {
		if r.MinDelta != nil && math.Abs(*f.NewValue-*f.OldValue) < *r.MinDelta {
			return false
		}
		if r.MinDeltaPct != nil {
			pct := f.DeltaPct
			if pct == nil && *f.OldValue != 0 {
				v := (*f.NewValue - *f.OldValue) / *f.OldValue * 100
				pct = &v
			}
			if pct != nil && math.Abs(*pct) < *r.MinDeltaPct {
				return false
			}
		}
	}
	return true
}

// oneSided reports whether the fact's value appears or disappears.
func oneSided(f *clause.Fact) bool { return f.Old == "" || f.New == "" }

func containsKind(ks []clause.FactKind, k clause.FactKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// anyGlob reports whether one of the globs matches one of the names.
func anyGlob(globs, names []string) bool {
	for _, g := range globs {
		fg := frtext.Fold(g)
		for _, n := range names {
			if n != "" && glob(fg, frtext.Fold(n)) {
				return true
			}
		}
	}
	return false
}

// glob matches s against pattern, in which * stands for any run of
// characters (slashes included, unlike path.Match) and ? for one.
func glob(pattern, s string) bool {
	p, t := []rune(pattern), []rune(s)
	pi, ti := 0, 0
	star, mark := -1, 0
	for ti < len(t) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == t[ti]):
			pi++
			ti++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, ti
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			ti = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}
