package clause

import "strings"

// markEffective gives each amount and percentage the date from which it
// applies: a date of its sentence introduced as a starting point ("à
// compter du 1er octobre 2024", "au 1er décembre 2024", "à partir de
// janvier 2025"), or, in a tariff row, any date of the row. A deadline
// ("jusqu'au", "avant le", "au plus tard le") is not a starting point.
func (t *factTextKind) markEffective(facts []factAt, row bool) {
	type dated struct {
		sent int
		iso  string
	}
	var dates []dated
	for i := range facts {
		f := &facts[i]
		if f.kind != FactDate {
			continue
		}
		iso := effectiveISO(f.val)
		if iso == "" || !(row || t.startsFrom(f.start)) {
			continue
		}
		dates = append(dates, dated{t.sentence(f.start), iso})
	}
	if len(dates) == 0 {
		return
	}
	for i := range facts {
		f := &facts[i]
		if f.kind != FactAmount && f.kind != FactPercent {
			continue
		}
		sent := t.sentence(f.start)
		for _, d := range dates {
			if d.sent == sent || row {
				f.effective = d.iso
				break
			}
		}
	}
}

// effectiveISO turns the value of a date fact into YYYY-MM-DD: a month
// ("2025-01") starts on its first day; a day of no year says no date.
func effectiveISO(val string) string {
	switch {
	case len(val) == 10 && !strings.HasPrefix(val, "-"):
		return val
	case len(val) == 7 && !strings.HasPrefix(val, "-"):
		return val + "-01"
	}
	return ""
}

// startsFrom reports whether the date at pos is introduced as the start of
// something: after "du", "au", "le", "de" or "dès", unless the words before
// make it an end ("jusqu'au", "avant le", "au plus tard le", "fin") or
// the date of a text ("l'arrêté du 13 novembre 1998").
func (t *factTextKind) startsFrom(pos int) bool {
	i := t.wordAt(pos)
	if i == 0 {
		return false
	}
	switch t.words[i-1].low {
	case "du", "au", "le", "de", "dès", "depuis":
	default:
		return false
	}
	if i >= 2 {
		switch t.words[i-2].low {
		case "jusqu'", "avant", "tard", "fin", "limite", "échéance", "terme":
			return false
		}
		// "l'arrêté du 13 novembre 1998" names a text.
		if textKinds[t.words[i-2].low] {
			return false
		}
	}
	return true
}

// SameDate reports whether two texts that each give one date give the
// same, however written: "1er janvier 2025" and "01/01/2025"; a month is
// not its first day. Two answers asking the same date agree (parties).
func SameDate(a, b string) bool {
	fa, fb := extractNormalized(normalizeFactText(a), ""), extractNormalized(normalizeFactText(b), "")
	return len(fa) == 1 && len(fb) == 1 && fa[0].kind == FactDate && fb[0].kind == FactDate && fa[0].val == fb[0].val
}
