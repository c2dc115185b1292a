package check

import (
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
	sev := Error
	for i := range rules.Rules {
		if rules.Rules[i].Name == tariffsRule && rules.Rules[i].Severity != "" {
			sev = rules.Rules[i].Severity
		}
	}
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
