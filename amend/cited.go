package amend

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// citing matches the words that make the reference after them one the
// instruction cites, not the place it amends, and the reference's start: "En application de
// l'article L. 162-5 du code de la sécurité sociale, à l'article 3, …",
// "au sens du code de la santé publique", "tel qu'il résulte de la loi
// n° …", "mentionné au 3° de l'article 4". Read as a target, the code
// cited was taken for the text amended (the instruction refused on a
// convention) and its article for the article amended.
var citing = pattern(`\b(?:en\s+application|pour\s+l'application|en\s+vertu|au\s+sens|sous\s+réserve|conformément|selon|dans\s+sa\s+rédaction\s+(?:issue|résultant)|tel(?:le)?s?\s+qu'(?:il|elle)s?\s+résulte(?:nt)?|tel(?:le)?s?\s+que\s+(?:modifiée?s?|rédigée?s?|complétée?s?)\s+par|(?:prévue?s?|mentionnée?s?|visée?s?|définie?s?|fixée?s?|énoncée?s?|énumérée?s?|citée?s?)\s+(?:à|au|aux|par|dans))\s*(?:d(?:e|u|es)\s|d'|à\s|aux?\s)?\s*(?:l'\s*|les?\s+|la\s+)?(?:dispositions\s+d(?:e|u|es)\s+(?:l'\s*|la\s+|les?\s+)?)?(?:articles?\b|code\b|loi\b|ordonnance\b|décret\b|arrêté\b|convention\b|accord\b|Constitution\b|\d+°|(?-i:[IVX]+)\b|(?-i:[a-z])\)|(?:ORD)\s+(?:alinéa|phrase))`)

// citedEnd are the marks a reference cited runs to: the end of its part
// of the sentence, or a quotation.
const citedEnd = ",;:¦\x01"

// uncite blanks the references frame cites, each from the words that
// cite it to the end of its part of the sentence, so that what remains
// names the place amended alone.
func uncite(frame string) string {
	ix := citing.FindAllStringIndex(frame, -1)
	if ix == nil {
		return frame
	}
	var b strings.Builder
	last := 0
	for _, m := range ix {
		if m[0] < last {
			continue
		}
		end := len(frame)
		if k := strings.IndexAny(frame[m[1]:], citedEnd); k >= 0 {
			end = m[1] + k
		}
		b.WriteString(frame[last:m[0]])
		b.WriteString(" ¦ ")
		last = end
	}
	b.WriteString(frame[last:])
	return b.String()
}

// citedAt reports whether the reference at frame[i:] ("du code de la
// santé publique") is one the words before it, in its part of the
// sentence, cite.
func citedAt(frame string, i int) bool {
	from := max(0, i-200)
	if k := strings.LastIndexAny(frame[from:i], citedEnd); k >= 0 {
		from += k + 1
	}
	return citing.MatchString(frame[from:i])
}

// textKinds are the texts other than codes, the Constitution, lois,
// ordonnances, décrets and arrêtés that an instruction may name as the
// one it amends by a name of their own: "l'article 3 de la convention
// nationale des infirmiers", "de l'accord-cadre interprofessionnel".
// Named bare ("de la convention") they are the text amended.
var textKinds = [...]string{"convention", "accord", "avenant", "protocole", "contrat", "traité", "directive"}

// namedKind is the kind of text of textKinds that name opens with, "" for
// none.
func namedKind(name string) string {
	first, _, _ := strings.Cut(frtext.Fold(name), " ")
	first = strings.TrimRightFunc(first, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, k := range textKinds {
		if first == frtext.Fold(k) || strings.HasPrefix(first, frtext.Fold(k)+"-") {
			return k
		}
	}
	return ""
}

// nameWords are the words that name a text besides its kind and the
// grammatical words ("nationale", "infirmiers", "4", "juin", "2024" of
// "convention nationale des infirmiers du 4 juin 2024").
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(frtext.Fold(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !frtext.IsGrammatical(w) && (utf8.RuneCountInString(w) > 1 || unicode.IsDigit(rune(w[0]))) {
			out = append(out, w)
		}
	}
	return out
}

// kindTitled reports whether one of titles names the text name calls
// by a name of its own (titledAs).
func kindTitled(titles []string, name string) bool {
	ok, _ := titledAs(titles, name)
	return ok
}

// titledAs reports whether one of titles names the text name calls by a
// name of its own: a title of that kind holding every word of the name
// ("Convention nationale des médecins libéraux signée le 4 juin 2024" for
// "la convention du 4 juin 2024"), in any order, as a text is cited by its
// date or by part of its title. A title that carries no date at all
// ("Convention nationale des médecins libéraux") is matched by the other
// words of a name holding one, as a base is often kept without the date of
// its signature: undated says so, for the trace. A title dated otherwise
// is another text.
func titledAs(titles []string, name string) (ok, undated bool) {
	want := nameWords(name)
	for _, title := range titles {
		have := nameWords(title)
		if len(have) == 0 || len(want) == 0 || !strings.HasPrefix(have[0], want[0]) {
			continue
		}
		all, others := true, true
		for _, w := range want[1:] {
			found := slices.Contains(have, w)
			all = all && found
			others = others && (found || dateWord(w))
		}
		if all {
			return true, false
		}
		if others && datesIn(want) && !datesIn(have) {
			return true, true
		}
	}
	return false, false
}

// months are the names of the months, folded, as a date names them.
var months = [...]string{"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"}

// dateWord reports whether w, a folded word of a name, is part of a date:
// a number ("4", "1er", "2024") or a month.
func dateWord(w string) bool {
	return unicode.IsDigit(rune(w[0])) || slices.Contains(months[:], w)
}

// datesIn reports whether words hold a date: a month or a year, as a
// number alone may be a text's own ("avenant n° 2").
func datesIn(words []string) bool {
	for _, w := range words {
		if slices.Contains(months[:], w) || len(w) == 4 && strings.Trim(w, "0123456789") == "" {
			return true
		}
	}
	return false
}
