package check

import (
	"slices"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// UnreadTableMessage says what a table seen and not read means to a user:
// its prices were compared as text, tied to no act, and where they were
// not written as prices (a currency in the header only) not at all.
const UnreadTableMessage = "a table written one cell per line (plain pdftotext, without -layout?) could not be read into tariff rows: its prices are not checked row by row; give the PDF itself, or its pdftotext -layout export"

// unreadTables are the findings of the tables that either version holds
// and no reader could take into rows (clause.UnreadTables): the clause
// changed, nothing says its tariff did not, and the rule that watches
// tariffs fails the check at its severity (an error without one); left
// as it was, it is a warning, so that the check does not pass silently
// over prices it never read.
func unreadTables(d *clause.Diff, rules *Rules, oldNamed, newNamed []clause.Named) []Finding {
	oldUnread, newUnread := indexSet(d.Old.UnreadTables()), indexSet(d.New.UnreadTables())
	if len(oldUnread) == 0 && len(newUnread) == 0 {
		return nil
	}
	sev := tariffsSeverity(rules)
	var out []Finding
	for i := range d.Changes {
		c := &d.Changes[i]
		if !anyIn(c.New, newUnread) && !anyIn(c.Old, oldUnread) {
			continue
		}
		if len(rules.Allow) > 0 && newClauseRef(d, c, oldNamed, newNamed).matches(rules.Allow) {
			continue
		}
		s := sev
		if c.Kind == clause.Unchanged {
			s = Warning
		}
		title, id := changeTitle(d, c)
		out = append(out, Finding{Rule: tariffsRule, Severity: s, Clause: title, ClauseID: id, Detail: sanitize.Text(UnreadTableMessage)})
	}
	return out
}

// unreadFacts are the findings of the changed clauses too large for
// their facts to be read (clause.HugeText): nothing says their tariff did
// not change, so the rule that watches tariffs fails the check on them,
// as on a table it could not read.
func unreadFacts(d *clause.Diff, rules *Rules, oldNamed, newNamed []clause.Named) []Finding {
	var out []Finding
	for i := range d.Changes {
		c := &d.Changes[i]
		if c.Coarse == 0 || len(rules.Allow) > 0 && newClauseRef(d, c, oldNamed, newNamed).matches(rules.Allow) {
			continue
		}
		title, id := changeTitle(d, c)
		out = append(out, Finding{Rule: tariffsRule, Severity: tariffsSeverity(rules), Clause: title, ClauseID: id, Detail: clause.CoarseNote(c, false)})
	}
	return out
}

// tariffsRule names the built-in rule that watches tariffs.
const tariffsRule = "tariffs"

func indexSet(idx []int) map[int]bool {
	out := make(map[int]bool, len(idx))
	for _, i := range idx {
		out[i] = true
	}
	return out
}

func anyIn(idx []int, set map[int]bool) bool {
	for _, i := range idx {
		if set[i] {
			return true
		}
	}
	return false
}

// HeaderChangedMessage says what a tariff table's column names changed
// with no typed fact means: the prices under them are the same figures,
// but a column's name says what they are ("Tarif 2025" → "Tarif 2026":
// their year; "Tarif" → "Tarif HT", "Métropole" → "DROM").
const HeaderChangedMessage = "the column names of a tariff table changed, and with them what its prices are (their date, unit or zone)"

// headerChanges are the findings of tariff tables whose header changed
// substantively with no fact to say how: 'Tarif 2025' → 'Tarif 2026'
// passed the gate, a year alone being no date a fact reads. A header
// change that facts explain (a date, an amount) is flagged by them.
func headerChanges(d *clause.Diff, rules *Rules, oldNamed, newNamed []clause.Named) []Finding {
	sev := tariffsSeverity(rules)
	var out []Finding
	for i := range d.Changes {
		c := &d.Changes[i]
		if c.Kind != clause.Modified || len(c.Facts) > 0 || len(c.Old) != 1 || len(c.New) != 1 {
			continue
		}
		o, n := c.Old[0], c.New[0]
		if !clause.IsTableHeader(&d.Old.Clauses[o]) || !clause.IsTableHeader(&d.New.Clauses[n]) || !heads(d.New, n) ||
			sameColumns(clause.HeaderColumns(&d.Old.Clauses[o]), clause.HeaderColumns(&d.New.Clauses[n])) {
			continue
		}
		if len(rules.Allow) > 0 && newClauseRef(d, c, oldNamed, newNamed).matches(rules.Allow) {
			continue
		}
		title, id := changeTitle(d, c)
		out = append(out, Finding{Rule: tariffsRule, Severity: sev, Clause: title, ClauseID: id, Detail: HeaderChangedMessage})
	}
	return out
}

// sameColumns reports whether two headers name the same columns in
// another order, or with their currency said or unsaid ("Tarif" →
// "Tarif (en euros)"): the rows are read by their columns' names, and a
// price that moved with its column's name is the same price; a currency
// the header gives its bare numbers is theirs, and its change is the
// rows' facts' (30,00 F → 30,00 €).
func sameColumns(a, b []string) bool {
	label := func(names []string) []string {
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = clause.ColumnLabel(n)
		}
		return slices.Sorted(slices.Values(out))
	}
	return slices.Equal(label(a), label(b))
}

// heads reports whether header i of d stands over a tariff row.
func heads(d *clause.Document, i int) bool {
	for k := i + 1; k < len(d.Clauses) && d.Clauses[k].Parent == i; k++ {
		if d.IsTariffRow(k) {
			return true
		}
	}
	return false
}

// tariffsSeverity is the severity the rule watching tariffs gives, an
// error where the rules set none.
func tariffsSeverity(rules *Rules) Severity {
	sev := Error
	for i := range rules.Rules {
		if rules.Rules[i].Name == tariffsRule && rules.Rules[i].Severity != "" {
			sev = rules.Rules[i].Severity
		}
	}
	return sev
}
