package clause

import (
	"cmp"
	"strings"
	"unicode"
)

// presenceKinds are the fact kinds reported for a clause that appears or
// disappears whole: the values a reader, or a CI rule, must not miss when
// they arrive or leave with a clause (a new tariff row, a removed article
// that fixed the value of the point), and its modalities and negations:
// an article that leaves with its "doit" takes an obligation away, one
// that comes brings one, and a consumer of the diff, the gate among them,
// reads facts, not text. References are left out: they point elsewhere,
// and what a new article cites is no change of what anyone must do.
var presenceKinds = map[FactKind]bool{
	FactAmount: true, FactPercent: true, FactDate: true, FactDuration: true, FactCode: true,
	FactModality: true, FactNegation: true,
}

// presenceFacts keeps the kinds of presenceKinds. A tariff row is keyed by
// its act code even when the code is not one the extractor knows
// ("| XYZ | … |"): the row's code appearing or disappearing is then a code
// fact all the same, first, as the row's first cell. A row keyed by a word
// ("| Visites |", a category over the rows of its acts) has no code to
// report: codes are written in capitals.
func presenceFacts(all []Fact, subject string, removed bool) []Fact {
	var out []Fact
	hasCode := false
	for _, f := range all {
		if !presenceKinds[f.Kind] {
			continue
		}
		if f.Kind == FactCode && (f.Old == subject || f.New == subject) {
			hasCode = true
		}
		// "AMI" read in the row "AMI 3 | …" is the row's code in part: the
		// act that comes or goes is AMI 3, reported as the row's code.
		if f.Kind == FactCode && (inRowCode(f.Old, subject) || inRowCode(f.New, subject)) {
			continue
		}
		out = append(out, f)
	}
	if subject != "" && !hasCode && !strings.ContainsFunc(subject, unicode.IsLower) && !qualified(subject) {
		code := Fact{Kind: FactCode, New: subject}
		if removed {
			code = Fact{Kind: FactCode, Old: subject}
		}
		out = append([]Fact{code}, out...)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Prices returns the amounts that clause i of d ties to an act code, as
// an added clause would report them (the value on the new side, with its
// effective date): what this version says each act costs, as far as this
// clause says it.
func (d *Document) Prices(i int) []Fact {
	out, _ := d.ColumnPrices(i)
	return out
}

// ColumnPrices is Prices with, for each price, the name of the column of
// its row it stands in when the row prices the act in several places
// ("Métropole", "DROM"), "" otherwise: a price is the same as another
// version's when it stands in the column of the same name.
func (d *Document) ColumnPrices(i int) (prices []Fact, columns []string) {
	c := &d.Clauses[i]
	texts, names := d.priceTexts(i)
	for k, body := range texts {
		for _, f := range compareFacts("", body, factSubject(c), nil) {
			if f.Kind == FactAmount && f.Subject != "" {
				prices, columns = append(prices, f), append(columns, cmp.Or(names[k], d.rowQualifier(c)))
			}
		}
	}
	return prices, columns
}

// IsTariffRow reports whether clause i of d is a row of a tariff table,
// keyed by the act code it prices.
func (d *Document) IsTariffRow(i int) bool {
	return factSubject(&d.Clauses[i]) != ""
}
