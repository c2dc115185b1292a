package frtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gender is a noun's grammatical gender, as the determiners of a text show
// it.
type Gender int8

// The genders; NoGender when nothing tells.
const (
	NoGender Gender = iota
	Masculine
	Feminine
)

// GenderOf is the gender a determiner or contracted article shows of the
// noun after it ("le", "un", "du", "cette"…), NoGender for one that shows
// none ("l'", "les", "son", which stands before a feminine noun opening
// with a vowel too).
func GenderOf(determiner string) Gender {
	switch strings.ToLower(determiner) {
	case "le", "un", "du", "au", "ce", "cet", "ledit", "dudit", "audit", "nouveau", "nouvel":
		return Masculine
	case "la", "une", "cette", "sa", "ma", "ta", "ladite", "nouvelle":
		return Feminine
	}
	return NoGender
}

// Onset is how a word sounds at its start to the word before it: a vowel
// sound takes the elided "l'", "d'", "cet"; a consonant, or an aspirated
// h, the whole word.
type Onset int8

// The onsets; UnsureOnset for a word opening with an h that neither list
// below holds.
const (
	ConsonantOnset Onset = iota
	VowelOnset
	UnsureOnset
)

// OnsetOf tells how word opens to the word before it.
func OnsetOf(word string) Onset {
	f := Fold(word)
	switch {
	case f == "":
		return ConsonantOnset
	case noElision[strings.TrimRight(f, ".,;:")]:
		return ConsonantOnset
	case strings.IndexByte("aeiou", f[0]) >= 0:
		return VowelOnset
	case f[0] != 'h':
		return ConsonantOnset
	case len(word) > 1 && strings.ToUpper(word) == word:
		return ConsonantOnset // an acronym: "la HAS"
	}
	for _, p := range aspirated {
		if strings.HasPrefix(f, p) {
			return ConsonantOnset
		}
	}
	for _, p := range muteH {
		if strings.HasPrefix(f, p) {
			return VowelOnset
		}
	}
	return UnsureOnset
}

// noElision are the words opening with a vowel that the word before keeps
// whole: "le onze", "le oui".
var noElision = map[string]bool{"onze": true, "onzieme": true, "onziemes": true, "oui": true}

// aspirated and muteH are the starts (folded) of the words opening with an
// aspirated h ("le handicap") and with a mute one ("l'hôpital") that
// conventions and codes write; an h word in neither is decided by no one.
var (
	aspirated = []string{"hach", "haie", "haine", "hall", "halte", "hamac", "hameau", "hanche", "handica",
		"hangar", "hant", "harass", "harcel", "hardi", "hareng", "haricot", "hasard", "hate", "hausse", "haut",
		"havre", "heros", "heriss", "hernie", "heurt", "hibou", "hierarch", "hiss", "hold", "homard", "honte",
		"hoquet", "hors", "hotte", "houl", "housse", "hublot", "hue", "huit", "hurl", "hutte", "hyene"}
	muteH = []string{"habil", "habit", "haleine", "halluc", "harmon", "hebdo", "heberg", "hectare", "helico",
		"hemi", "hemo", "hepat", "herb", "hered", "herit", "hesit", "hetero", "heure", "heureu", "hippo",
		"histo", "hiver", "homme", "homolog", "honneur", "honor", "hopit", "horaire", "horizon", "hormon",
		"horr", "hospi", "hote", "huile", "huiss", "huma", "humble", "humeur", "humid", "humili", "hydr",
		"hygien", "hymne", "hyper", "hypo", "hyst"}
)

// elided are the words French writes with an apostrophe before a vowel
// sound, by their elided form: "d'" is "de" before a consonant.
var elided = map[string]string{
	"d'": "de", "qu'": "que", "n'": "ne", "s'": "se", "c'": "ce", "j'": "je", "m'": "me", "t'": "te",
	"jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque", "quoiqu'": "quoique",
}

// beforeVowel are the words French writes otherwise before a vowel sound,
// by their form before a consonant ("ce avis" is "cet avis"); the others
// of elided are elided.
var beforeVowel = map[string]string{
	"le": "l'", "la": "l'", "du": "de l'", "au": "à l'", "ce": "cet", "sa": "son", "ma": "mon", "ta": "ton",
	"nouveau": "nouvel", "beau": "bel", "vieux": "vieil",
}

// Before returns how w, the word written right before next (with its
// apostrophe when elided: "l'", "d'"), is written there, French elision
// and contraction applied: "le" before "assuré" is "l'", "du" "de l'",
// "ce" "cet", "sa" "son", "de" "d'"; "l'" before "patient" is "le" or
// "la" by the gender g of the words after it, "d'" is "de", "cet" is
// "ce". The form keeps w's capital; one ending with an apostrophe joins
// next without a space. ok is false when the form depends on what no one
// knows here: the gender, or how an h sounds.
func Before(w, next string, g Gender) (form string, ok bool) {
	lower := strings.ToLower(w)
	apostrophe := strings.HasSuffix(lower, "'") || strings.HasSuffix(lower, "’")
	key := lower
	if apostrophe {
		key = strings.TrimRight(lower, "'’") + "'"
	}
	onset := OnsetOf(next)
	if onset == UnsureOnset {
		changes := key == "l'" || elided[key] != "" || elidedForm(key) != "" || beforeVowel[key] != "" || key == "cet" || key == "nouvel"
		return w, !changes
	}
	vowel := onset == VowelOnset
	switch {
	case vowel && key == "si" && (strings.EqualFold(next, "il") || strings.EqualFold(next, "ils")):
		form = "s'"
	case vowel && key == "s'" && isPronounAfterSi(next):
		form = "si" // "s'il" with « elle » is "si elle": "se" stands before no pronoun
	case vowel && key == "ce" && isEtre(next):
		form = "c'"
	case vowel && beforeVowel[key] != "":
		form = beforeVowel[key]
	case vowel && elidedForm(key) != "":
		form = elidedForm(key)
	case !vowel && key == "l'":
		switch g {
		case Masculine:
			form = "le"
		case Feminine:
			form = "la"
		default:
			return w, false
		}
	case !vowel && key == "cet":
		form = "ce"
	case !vowel && (key == "mon" || key == "ton" || key == "son"):
		if g == NoGender {
			return w, false
		}
		form = key
		if g == Feminine {
			form = key[:1] + "a"
		}
	case !vowel && key == "nouvel" || !vowel && key == "bel" || !vowel && key == "vieil":
		form = map[string]string{"nouvel": "nouveau", "bel": "beau", "vieil": "vieux"}[key]
	case !vowel && elided[key] != "":
		form = elided[key]
	default:
		return w, true
	}
	if apostrophe && strings.HasSuffix(lower, "’") || !apostrophe && strings.Contains(form, "'") && strings.ContainsRune(next, '’') {
		form = strings.ReplaceAll(form, "'", "’")
	}
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		fr, size := utf8.DecodeRuneInString(form)
		form = string(unicode.ToUpper(fr)) + form[size:]
	}
	return form, true
}

// elidedForm is the elided form of a whole word that has one ("de" →
// "d'"), "" when it has none.
func elidedForm(w string) string {
	for e, whole := range elided {
		if whole == w {
			return e
		}
	}
	return ""
}

// isEtre reports the forms of être (and "en") before which "ce" is
// elided: "c'est", "c'en est".
func isEtre(w string) bool {
	switch strings.ToLower(w) {
	case "est", "était", "étaient", "eût", "en":
		return true
	}
	return false
}

// isPronounAfterSi reports the subject pronouns that "si" stands before
// whole: "si elle", "si on".
func isPronounAfterSi(w string) bool {
	switch strings.ToLower(w) {
	case "elle", "elles", "on":
		return true
	}
	return false
}
