package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// auxiliaries are the forms of être, avoir, pouvoir and devoir that the
// sentences of a legal text turn on ("est abrogé", "sont fixés", "sera
// publié", "peut", "doivent"): a closed list, as grammar's words are, which
// no title holds.
var auxiliaries = map[string]bool{
	"est": true, "sont": true, "sera": true, "seront": true, "soit": true, "soient": true,
	"serait": true, "seraient": true, "était": true, "étaient": true, "a": true, "ont": true,
	"aura": true, "auront": true, "avait": true, "avaient": true, "peut": true, "peuvent": true,
	"pourra": true, "pourront": true, "doit": true, "doivent": true, "devra": true, "devront": true,
}

// verbClitics are the words that stand only by a verb: its subject
// pronouns, the reflexive and the negation ("s'applique", "ne peut",
// "il est", "y figurent").
var verbClitics = map[string]bool{"se": true, "s": true, "ne": true, "n": true, "il": true, "ils": true,
	"elle": true, "elles": true, "on": true, "y": true}

// phraseOpeners are the determiners that open a noun phrase that no preposition
// introduces: a sentence's subject, or a verb's object.
var phraseOpeners = map[string]bool{"le": true, "la": true, "les": true, "l": true, "un": true, "une": true,
	"ce": true, "cet": true, "cette": true, "ces": true, "son": true, "sa": true, "ses": true,
	"leur": true, "leurs": true, "chaque": true, "tout": true, "toute": true, "aucun": true, "aucune": true}

// statesSomething reports text that reads as a sentence rather than a
// title: five words or more, and a sign of a verb, which a title, a noun
// phrase, has none of. No list of verbs could be whole; what surrounds a
// verb is a closed set:
//
//   - an auxiliary or a modal ("Le présent arrêté sera publié…");
//   - a clitic, which stands only by a verb ("s'applique", "ne peut");
//   - a determiner right after a word that is neither grammatical nor a
//     participle: the object of a verb ("conviennent de modifier la
//     nomenclature"), where a title's determiners follow a preposition
//     ("Conditions d'exercice des médecins", "Dispositions relatives à la
//     permanence") or a participle ("Mesures concernant les médecins");
//     a date ("signée le 4 juin") is no object;
//   - a subject opening text that ends with a full stop ("Le directeur
//     général veille à l'exécution du présent arrêté."): a title ending so
//     names without a determiner ("Dispositions finales.") or is set in
//     capitals.
//
// "Article 2 - Le présent arrêté prend effet le 1er janvier." opens the
// article's text; "Article 12 - Dispositions finales." stays a title.
func statesSomething(text string) bool { return verbSign(text) != noSign }

// sign is how surely words read as a sentence.
type sign int

const (
	noSign   sign = iota
	weakSign      // a subject, then a word shaped as no adjective: its verb, or a noun in apposition
	strongSign
)

// verbSign tells the signs of a verb statesSomething looks for. A subject
// followed by its verb is the weak one: "Le forfait structure des cabinets
// médicaux." reads so too, a noun set after a noun as French names things.
func verbSign(text string) sign {
	words := strings.Fields(text)
	if len(words) < 5 {
		return noSign
	}
	weak := noSign
	if subjectThenVerb(words) {
		weak = weakSign
	}
	object := false // the word before may govern an object
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",;:.«»\"“”()"))
		head, tail := lw, ""
		if k := strings.IndexAny(lw, "'’"); k > 0 {
			head, tail = lw[:k], strings.TrimLeft(lw[k:], "'’")
		}
		if auxiliaries[lw] || verbClitics[head] || verbClitics[tail] {
			return strongSign
		}
		if phraseOpeners[head] {
			if object && (tail != "" || i+1 < len(words) && !isDigit(words[i+1][0])) {
				return strongSign
			}
		}
		r, _ := utf8.DecodeRuneInString(lw)
		object = i > 0 && tail == "" && unicode.IsLower(r) && !frtext.IsGrammatical(lw) &&
			!strings.HasSuffix(lw, "ant") && !strings.ContainsAny(w, ",;:")
	}
	return weak
}

// subjectThenVerb reports words that open with a determiner, end with a
// full stop and hold, after it, two words in a row that are not
// grammatical, the second shaped as no adjective nor participle is: a
// subject, then its verb ("La caisse répond dans un délai…", "Le présent
// avenant entre en vigueur…"). A title that opens so names things in a row
// joined by grammar ("Les médecins et la caisse.") or qualified
// ("Les engagements des parties signataires.").
func subjectThenVerb(words []string) bool {
	first := strings.ToLower(words[0])
	if k := strings.IndexAny(first, "'’"); k > 0 {
		first = first[:k]
	}
	last := strings.TrimRight(words[len(words)-1], "»\"”’)")
	if !phraseOpeners[first] || !strings.HasSuffix(last, ".") {
		return false
	}
	prev := false // the word before is a lower-case word of content
	for i, w := range words[1:] {
		lw := strings.Trim(w, ",;:.«»\"“”()")
		r, _ := utf8.DecodeRuneInString(lw)
		content := unicode.IsLower(r) && !strings.ContainsAny(lw, "'’") && !frtext.IsGrammatical(lw)
		if prev && content && !adjectival(lw) {
			return true
		}
		// "entre" is a preposition, and entrer's verb, which "en" follows
		// ("entre en vigueur"), never the preposition.
		if prev && lw == "entre" && i+2 < len(words) && words[i+2] == "en" {
			return true
		}
		prev = content && !strings.ContainsAny(w, ",;:")
	}
	return false
}

// adjectiveEndings are how French adjectives and participles end, plural
// marks aside: "général", "médical", "signataire", "coordonné",
// "traitant", "forfaitaire", "publique", "prévu".
var adjectiveEndings = []string{"é", "ée", "al", "ale", "au", "el", "elle", "ique", "aire", "if", "ive", "eux",
	"euse", "able", "ible", "ier", "ière", "ien", "ienne", "ant", "ante", "ais", "aise", "iste", "u", "ue", "i", "ie", "in", "ine"}

// adjectival reports a word shaped as an adjective or a participle.
func adjectival(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "s"), "x")
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
