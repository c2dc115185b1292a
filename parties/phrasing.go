package parties

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// The words that only phrase a value: the verb that sets it ("est fixée
// à", "est portée à", "passe à", "s'élève à", "est de") and the word that
// names the code it prices ("cotée G", "(G)"). Two answers asking the
// same value agree however they phrase it; any other word of the sentence
// that carries it is what they ask ("32 € pour les seuls patients en ALD"
// is not "32 €"). The lists are closed on purpose: a verb that bounds the
// value ("plafonnée à 32 €", "majorée de 32 €") says something of its
// own, and an unknown word is kept, so that two answers never agree on
// words they do not share.
var (
	// settingWords set a value: the participles of the verbs that fix it,
	// in any gender and number, their finite forms and auxiliaries, and
	// the links to the value ("fixée à", "à compter du"). Built on first
	// use, as the commands that compare no answers never read it.
	settingWords = sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, stem := range []string{"fix", "port", "revaloris", "valoris", "arrêt", "relev", "ramen", "augment", "abaiss"} {
			for _, end := range []string{"é", "ée", "és", "ées"} {
				m[stem+end] = true
			}
		}
		for _, w := range []string{
			"établi", "établie", "établis", "établies", "réduit", "réduite", "réduits", "réduites",
			"passe", "passent", "élève", "élèvent", "établit", "établissent", "s",
			"est", "sont", "sera", "seront", "soit", "soient", "été", "a", "ont",
			"à", "au", "aux", "le", "dès", "compter", "partir",
		} {
			m[w] = true
		}
		return m
	})
	// namingWords introduce an act's code: "cotée G", "codée GS", "dite G".
	namingWords = map[string]bool{
		"coté": true, "cotée": true, "cotés": true, "cotées": true, "codé": true, "codée": true, "codés": true, "codées": true,
		"dit": true, "dite": true, "dits": true, "dites": true,
	}
)

// valueMark stands for a value in a sentence while its phrasing is read.
const valueMark = "\x01"

// askedWords are the words of a sentence that carries values (canonical,
// as clause.Canonical has it) beside the values and their phrasing, in
// lower case and in order: what the sentence asks besides the values.
// values and subjects are the canonical values and the codes of the facts.
func askedWords(sentence string, values, subjects []string) []string {
	for _, v := range values {
		sentence = replaceWord(sentence, v, " "+valueMark+" ")
	}
	words := strings.FieldsFunc(sentence, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && string(r) != valueMark
	})
	drop := make([]bool, len(words))
	for i, w := range words {
		switch {
		case w == valueMark:
			drop[i] = true
			for k := i - 1; k >= 0 && setting(words, k); k-- {
				drop[k] = true
			}
		case slices.Contains(subjects, w):
			drop[i] = true
			if i > 0 && namingWords[strings.ToLower(words[i-1])] {
				drop[i-1] = true
			}
		}
	}
	var out []string
	for i, w := range words {
		if !drop[i] {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// setting reports whether words[k] phrases the value after it. "de"
// does only after a form of être or "compter" ("est de 32 €", "à compter
// du 1er octobre"): "augmentée de 5 €" adds 5 € where "portée à 5 €" sets
// it.
func setting(words []string, k int) bool {
	switch w := strings.ToLower(words[k]); w {
	case "de", "d", "du":
		return k > 0 && ofBeing[strings.ToLower(words[k-1])]
	default:
		return settingWords()[w]
	}
}

var ofBeing = map[string]bool{"est": true, "sont": true, "sera": true, "seront": true, "soit": true, "soient": true, "compter": true, "partir": true}

// replaceWord replaces every occurrence of old in s that stands as whole
// words (no letter or digit glued to either end) by new.
func replaceWord(s, old, new string) string {
	if old == "" {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, old)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(old)
		if frtext.WordStarts(s, i) && frtext.WordEnds(s, end) {
			b.WriteString(s[:i] + new)
		} else {
			b.WriteString(s[:end])
		}
		s = s[end:]
	}
}

// currencyWords name a sum's currency, or its hundredth, written out.
var currencyWords = map[string]bool{"euro": true, "euros": true, "eur": true, "franc": true, "francs": true, "f": true, "frf": true,
	"centime": true, "centimes": true}

// valueWords are the words of a value as written, beside its figure and
// its currency, sorted: its bound and what it is paid by ("au moins",
// "par patient et par an", "HT"), which two values of one figure must
// share to be the same ("30 € par patient" is not "30 € par patient et
// par an", nor "30 €").
func valueWords(value string) string {
	words := strings.FieldsFunc(strings.ToLower(value), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var out []string
	for i, w := range words {
		figure := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
		// "pour cent", "p. 100", "pour 100": the per cent a rate is
		// written with.
		percent := (w == "pour" || w == "p") && i+1 < len(words) && (words[i+1] == "cent" || words[i+1] == "100")
		// "vingt et un euros", "trente euros et cinquante centimes": the
		// "et" of a sum in words is the figure's, not a second basis
		// ("par patient et par an").
		link := w == "et" && i > 0 && i+1 < len(words) &&
			(frtext.IsCardinalWord(words[i-1]) || currencyWords[words[i-1]]) && frtext.IsCardinalWord(words[i+1])
		if !figure && !percent && !link && !frtext.IsCardinalWord(w) && !currencyWords[w] {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}
