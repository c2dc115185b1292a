package clause

import (
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

var modalClass = map[string]string{
	"doit": "devoir", "doivent": "devoir", "devra": "devoir", "devront": "devoir", "devrait": "devoir",
	"devraient": "devoir", "peut": "pouvoir", "peuvent": "pouvoir", "pourra": "pouvoir",
	"pourront": "pouvoir", "pourrait": "pouvoir", "pourraient": "pouvoir",
	// Deontic adjectives say the same as the verbs: "il est interdit de",
	// "la déclaration est obligatoire", "cette démarche est facultative".
	"interdit": "interdire", "interdite": "interdire", "interdits": "interdire", "interdites": "interdire",
	"permis": "permettre", "permise": "permettre", "permises": "permettre",
	"obligatoire": "devoir", "obligatoires": "devoir", "facultatif": "pouvoir", "facultative": "pouvoir",
	"facultatifs": "pouvoir", "facultatives": "pouvoir",
}

var negParticle = map[string]string{
	"pas": "pas", "point": "pas", "plus": "plus", "jamais": "jamais", "rien": "rien", "guère": "guère",
	"aucun": "aucun", "aucune": "aucun", "nul": "aucun", "nulle": "aucun", "personne": "personne",
	"que": "que", "qu'": "que", "ni": "ni",
}

// skipForVerb are the words between a modal or a negation and the verb it
// governs: particles, pronouns, auxiliaries, adverbs.
var skipForVerb = map[string]bool{
	"ne": true, "n'": true, "pas": true, "plus": true, "jamais": true, "point": true, "guère": true, "été": true, "pu": true, "ci": true, "là": true,
	"en": true, "y": true, "aucun": true, "aucune": true, "cas": true, "se": true, "s'": true,
	"le": true, "la": true, "les": true, "l'": true, "lui": true, "leur": true, "également": true,
	"notamment": true, "toutefois": true, "cependant": true, "aussi": true, "alors": true,
	"tout": true, "toujours": true, "obligatoirement": true, "seulement": true, "est": true,
	"sont": true, "sera": true, "seront": true, "être": true, "a": true, "ont": true, "avoir": true,
	"que": true, "qu'": true, "de": true, "d'": true, "à": true,
}

// verbAfter returns the first meaningful word from index i on, within the
// sentence: "ne peut pas être facturée" → "facturée". An aside set off by
// commas is passed over: "peut, dans un délai de trente jours, contester"
// and "peut aussi, par convention, confier" bear on "contester" and
// "confier", not "dans" or "convention". Articles, pronouns and
// prepositions never name it: a phrase a preposition opens ("peut sur
// demande informer") is passed to the infinitive after it, if one comes.
func (t *factTextKind) verbAfter(i int, sent int) string {
	i = t.pastAside(i, sent)
	prep := false
	for k := i; k < len(t.words) && k < i+6; k++ {
		if k > i {
			if next := t.pastAside(k, sent); next != k {
				i, k = i+next-k, next
			}
		}
		if k >= len(t.words) {
			return ""
		}
		w := t.words[k]
		if t.sentence(w.start) != sent {
			return ""
		}
		if skipForVerb[w.low] || modalClass[w.low] != "" || t.pronounAt(k) {
			continue
		}
		if frtext.IsGrammatical(strings.TrimSuffix(w.low, "'")) {
			prep = prep || asideOpener[w.low] && !determiners[w.low]
			continue
		}
		if v := t.infinitiveFrom(k, sent); prep && v != "" {
			return v
		}
		return w.low
	}
	return ""
}

// elidedVerb is the subject of a modal or a negation whose verb the text
// leaves out and no earlier one of its sentence supplies: "sauf si
// celui-ci ne peut pas le faire" after a sentence whose verb has no modal
// to read it by. Said so rather than left blank, which would read as a
// modal of nothing.
const elidedVerb = "(elided verb)"

// unelided returns verb, the verb verbAfter found after the modal or the
// negation that starts at word first, unless the text leaves that verb
// out: nothing but pronouns and particles follow before the phrase ends
// ("s'il ne le peut pas.", "ne peut pas, …"), or "le faire" stands for it.
// The verb left out is then the one the nearest modal or negation before
// it in the sentence governs ("doit transmettre la feuille, sauf s'il ne
// le peut pas" denies "transmettre"), else elidedVerb.
func (t *factTextKind) unelided(first, i, sent int, verb string) string {
	if verb != "" && verb != "faire" || !t.elided(i, sent) {
		return verb
	}
	ws := t.words
	for k := first - 1; k >= 0 && t.sentence(ws[k].start) == sent; k-- {
		if c := modalClass[ws[k].low]; c != "" && !deonticAdjective(ws[k].low, c) || ws[k].low == "ne" || ws[k].low == "n'" {
			if !t.elided(k+1, sent) {
				if v := t.verbAfter(k+1, sent); v != "" {
					return v
				}
			}
		}
	}
	return elidedVerb
}

// elided reports whether the words from i on, within the sentence, hold
// no verb of their own: pronouns, particles and auxiliaries up to the end
// of the phrase, or the pro-verb "le faire" ("l'y faire") closing it.
func (t *factTextKind) elided(i, sent int) bool {
	ws := t.words
	closes := func(k int) bool {
		return k+1 >= len(ws) || t.sentence(ws[k+1].start) != sent || strings.ContainsAny(t.s[ws[k].end:ws[k+1].start], ",;:.!?()\n")
	}
	for k := i; k < len(ws) && k < i+6 && t.sentence(ws[k].start) == sent; k++ {
		w := ws[k].low
		switch {
		case w == "faire" && k > i && (ws[k-1].low == "le" || ws[k-1].low == "l'" || ws[k-1].low == "y"):
			return closes(k)
		case skipForVerb[w] || modalClass[w] != "" || t.pronounAt(k):
			if closes(k) {
				return true
			}
		default:
			return false
		}
	}
	return i >= len(ws) || t.sentence(ws[i].start) != sent
}

// pronounAt reports whether word k stands for what the text names
// elsewhere: a pronoun (pronouns) or an ordinal after a demonstrative,
// "ce dernier", "cette dernière", "ces derniers", "ce premier". Taken for
// what a rule bears on, "sauf si ce dernier refuse" would be about
// "dernier": the verb after it is.
func (t *factTextKind) pronounAt(k int) bool {
	w := t.words[k].low
	if pronoun(w) {
		return true
	}
	if !strings.HasPrefix(w, "derni") && !strings.HasPrefix(w, "premi") || k == 0 {
		return false
	}
	switch t.words[k-1].low {
	case "ce", "cet", "cette", "ces":
		return true
	}
	return false
}

// infinitiveFrom returns the first word shaped as an infinitive among
// the maxAside words from k on, in the sentence and before any mark, that
// follows no article ("dans le cadre de" holds none), or "".
func (t *factTextKind) infinitiveFrom(k, sent int) string {
	ws := t.words
	for j := k; j < len(ws) && j < k+maxAside; j++ {
		if t.sentence(ws[j].start) != sent || j > k && strings.ContainsAny(t.s[ws[j-1].end:ws[j].start], ",;:.!?()\n") {
			return ""
		}
		if infinitive(ws[j].low) && !determiners[ws[j-1].low] {
			return ws[j].low
		}
	}
	return ""
}

// determiners are the words before a noun that no infinitive follows.
var determiners = map[string]bool{"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true,
	"des": true, "du": true, "ce": true, "cet": true, "cette": true, "ces": true, "son": true, "sa": true,
	"ses": true, "leur": true, "leurs": true, "au": true, "aux": true}

// maxAside is the most words an aside between a modal and its verb holds
// ("doit, le cas échéant et après avis de la commission paritaire locale,
// informer"); further on, the comma closes something else.
const maxAside = 16

// asideOpener are the words that open a further aside right after one:
// "peut, par ordonnances, dans les matières qui demeurent de la compétence
// de l'État, étendre".
var asideOpener = map[string]bool{
	"dans": true, "par": true, "pour": true, "sous": true, "sans": true, "avec": true, "en": true,
	"après": true, "avant": true, "selon": true, "sur": true, "lors": true, "dès": true, "à": true,
	"au": true, "aux": true, "le": true, "la": true, "les": true, "outre": true, "entre": true,
	"notamment": true, "si": true, "lorsque": true, "sauf": true,
}

// pastAside returns the index of the word after the asides that open with
// a comma right before word i, each closing with a comma within maxAside
// words of the same sentence, or i when there is none.
func (t *factTextKind) pastAside(i int, sent int) int {
	ws := t.words
	for first := true; i > 0 && i < len(ws) && (first || asideOpener[ws[i].low]); first = false {
		if !strings.Contains(t.s[ws[i-1].end:ws[i].start], ",") {
			return i
		}
		k := t.asideEnd(i, sent)
		if k == i {
			return i
		}
		i = k
	}
	return i
}

// asideEnd returns the index of the word after the comma that closes an
// aside opened right before word i, or i when none closes it in reach.
func (t *factTextKind) asideEnd(i int, sent int) int {
	ws := t.words
	for k := i + 1; k < len(ws) && k <= i+maxAside; k++ {
		if t.sentence(ws[k].start) != sent {
			return i
		}
		if strings.Contains(t.s[ws[k-1].end:ws[k].start], ",") {
			return k
		}
	}
	return i
}

// modalities finds modal verbs ("doit", "peut", "peut ne pas", "est tenu
// de", "s'engage à") and "sauf". It also returns the indices of words it
// consumed, so that the "ne pas" of "peut ne pas" is not also a negation.
func (t *factTextKind) modalities() ([]factAt, map[int]bool) {
	if t.held&(classModal|classModalLead) == 0 {
		return nil, nil
	}
	var out []factAt
	consumed := map[int]bool{}
	ws := t.words
	emit := func(class string, first, last int, shown string) {
		sent := t.sentence(ws[first].start)
		subj := t.verbAfter(last+1, sent)
		if class != "sauf" && !deonticAdjective(ws[first].low, class) {
			subj = t.unelided(first, last+1, sent, subj)
		}
		if subj == "" && deonticAdjective(ws[first].low, class) {
			subj = t.subjectBefore(first) // "la déclaration est obligatoire."
		}
		out = append(out, factAt{kind: FactModality, start: ws[first].start, end: ws[last].end, text: shown,
			key: "modality:" + class + ":" + subj, val: class, subject: subj})
	}
	for i := 0; i < len(ws); i++ {
		if t.classes[i]&(classModal|classModalLead) == 0 {
			continue
		}
		w := ws[i]
		if class := modalClass[w.low]; class != "" {
			// "peut-être" is an adverb.
			if i+1 < len(ws) && ws[i+1].low == "être" && t.s[w.end:ws[i+1].start] == "-" {
				continue
			}
			// "les régimes obligatoires", "les actes interdits", "le
			// permis de construire" name a kind of thing: only "est
			// obligatoire", "sont interdits" state a rule.
			if deonticAdjective(w.low, class) && !t.predicative(i) {
				continue
			}
			if class == "pouvoir" && i+2 < len(ws) && ws[i+1].low == "ne" && ws[i+2].low == "pas" {
				consumed[i+1], consumed[i+2] = true, true
				emit("pouvoir ne pas", i, i+2, w.s+" ne pas")
				i += 2
				continue
			}
			// "il est interdit au médecin de facturer": the verb is the
			// one after "de", not the person the rule is for.
			if (class == "interdire" || class == "permettre") && i+1 < len(ws) && (ws[i+1].low == "à" || ws[i+1].low == "au" || ws[i+1].low == "aux") {
				if k := t.infinitiveDe(i); k > 0 {
					emit(class, i, k, w.s)
					i = k
					continue
				}
			}
			emit(class, i, i, w.s)
			continue
		}
		switch w.low {
		case "est", "sont", "sera", "seront", "soit", "soient":
			if last, class, shown, ok := t.statedModal(i); ok {
				emit(class, i, last, shown)
				i = last
			}
		case "obligation", "possibilité":
			// "le médecin a l'obligation de transmettre", "a la
			// possibilité de": the noun after a form of avoir.
			k := i - 2
			if k >= 0 && (negParticle[ws[k].low] == "pas" || ws[k].low == "plus") {
				k--
			}
			if k >= 0 && avoirForms[ws[k].low] && (ws[i-1].low == "l'" || ws[i-1].low == "la") &&
				i+1 < len(ws) && (ws[i+1].low == "de" || ws[i+1].low == "d'") {
				class := "devoir"
				if w.low == "possibilité" {
					class = "pouvoir"
				}
				emit(class, k, i+1, ws[k].s+" "+t.s[ws[i-1].start:ws[i+1].end])
				i++
			}
		case "s'":
			if i+1 < len(ws) && strings.HasPrefix(ws[i+1].low, "engage") && t.s[w.end:ws[i+1].start] == "" {
				emit("s'engager", i, i+1, w.s+ws[i+1].s)
				i++
			}
		case "sauf":
			emit("sauf", i, i, w.s)
		case "appartient":
			// "il appartient à la caisse de verser": an obligation, its
			// verb after the "de" a few words on.
			if k := t.infinitiveDe(i); k > 0 && i+1 < len(ws) && (ws[i+1].low == "à" || ws[i+1].low == "au" || ws[i+1].low == "aux") {
				emit("il appartient de", i, k, w.s+" "+ws[i+1].s+" … "+ws[k].s)
				i = k
			}
		case "faculté":
			// "le médecin a la faculté de refuser": a permission.
			if i > 0 && ws[i-1].low == "la" && i+1 < len(ws) && (ws[i+1].low == "de" || ws[i+1].low == "d'") {
				emit("avoir la faculté de", i-1, i+1, ws[i-1].s+" "+w.s+" "+ws[i+1].s)
				i++
			}
		}
	}
	return out, consumed
}

// deonticAdjective reports a word of modalClass that is an adjective,
// not a form of devoir or pouvoir.
func deonticAdjective(w, class string) bool {
	return class == "interdire" || class == "permettre" || strings.HasPrefix(w, "obligatoire") || strings.HasPrefix(w, "facultati")
}

// predicative reports whether the adjective at word i is said of its
// subject by a form of être, or of rendre or demeurer, within the three
// words before it: "est obligatoire", "n'est pas interdit", "sont
// strictement interdites", "est rendue obligatoire".
func (t *factTextKind) predicative(i int) bool {
	ws := t.words
	sent := t.sentence(ws[i].start)
	for k := i - 1; k >= 0 && k >= i-3 && t.sentence(ws[k].start) == sent; k-- {
		if copulas[ws[k].low] {
			return true
		}
	}
	return false
}

// subjectBefore returns what an adjective at word i is said of when no
// verb follows it: the first word before it, in its sentence, that is
// no copula, adverb or word of grammar ("les dépassements sont
// strictement interdits": "dépassements"), or "".
func (t *factTextKind) subjectBefore(i int) string {
	ws := t.words
	sent := t.sentence(ws[i].start)
	for k := i - 1; k >= 0 && t.sentence(ws[k].start) == sent; k-- {
		w := ws[k].low
		if copulas[w] || skipForVerb[w] || strings.HasSuffix(w, "ment") || frtext.IsGrammatical(strings.TrimSuffix(w, "'")) {
			continue
		}
		return w
	}
	return ""
}

// copulas are the verbs that say an adjective of their subject.
var copulas = map[string]bool{"est": true, "sont": true, "sera": true, "seront": true, "soit": true, "soient": true,
	"être": true, "était": true, "étaient": true, "serait": true, "seraient": true, "été": true, "demeure": true,
	"demeurent": true, "reste": true, "restent": true, "devient": true, "deviennent": true, "rendu": true,
	"rendue": true, "rendus": true, "rendues": true}

// avoirForms are the forms of avoir that "l'obligation de" and "la
// possibilité de" follow when they state a modality.
var avoirForms = map[string]bool{"a": true, "ont": true, "aura": true, "auront": true, "avait": true, "avaient": true}

// etreModals are the words after a form of être that state a modality, each
// with its class and the word that must follow it: "est tenu de", "est
// obligé de", "est autorisé à", "est habilité à", "est libre de".
var etreModals = map[string]struct{ class, link string }{
	"tenu": {"être tenu de", "de"}, "tenue": {"être tenu de", "de"}, "tenus": {"être tenu de", "de"},
	"tenues": {"être tenu de", "de"}, "obligé": {"devoir", "de"}, "obligée": {"devoir", "de"},
	"obligés": {"devoir", "de"}, "obligées": {"devoir", "de"}, "autorisé": {"permettre", "à"},
	"autorisée": {"permettre", "à"}, "autorisés": {"permettre", "à"}, "autorisées": {"permettre", "à"},
	"habilité": {"pouvoir", "à"}, "habilitée": {"pouvoir", "à"}, "habilités": {"pouvoir", "à"},
	"habilitées": {"pouvoir", "à"}, "libre": {"pouvoir", "de"}, "libres": {"pouvoir", "de"},
	// "il est possible de facturer" permits as "peut" does, "il est
	// impossible de" forbids; "est dispensé de" frees from a duty.
	"possible": {"pouvoir", "de"}, "impossible": {"interdire", "de"},
	"dispensé": {"pouvoir ne pas", "de"}, "dispensée": {"pouvoir ne pas", "de"},
	"dispensés": {"pouvoir ne pas", "de"}, "dispensées": {"pouvoir ne pas", "de"},
}

// statedModal reads the modality a form of être at word i opens ("est
// tenu de", "n'est pas autorisé à", "est en droit de"): the index of its
// last word, its class and how it is shown.
func (t *factTextKind) statedModal(i int) (last int, class, shown string, ok bool) {
	ws := t.words
	k := i + 1
	if k < len(ws) && (negParticle[ws[k].low] == "pas" || ws[k].low == "plus") {
		k++
	}
	if k+1 >= len(ws) {
		return 0, "", "", false
	}
	link := ws[k+1].low
	if link == "d'" {
		link = "de"
	}
	if m, found := etreModals[ws[k].low]; found && link == m.link {
		return k + 1, m.class, ws[i].s + " " + ws[k].s + " " + m.link, true
	}
	if ws[k].low == "en" && link == "droit" && k+2 < len(ws) && (ws[k+2].low == "de" || ws[k+2].low == "d'") {
		return k + 2, "pouvoir", ws[i].s + " en droit de", true
	}
	return 0, "", "", false
}

// negations finds "ne … pas", "n'… plus", "ne … que", a bare "ne" before
// a verb ("ne peut excéder", which law texts use for "ne peut pas") and a
// lone "aucun". The value is the kind of negation (a bare "ne" counts as
// "pas"); the subject is the verb it bears on, which pairs old and new.
// comparative reports word j, "plus", opening a comparison with a
// quantity ("ne peut percevoir plus de 50 €"): the bound a value reads,
// not the "ne … plus" of what no longer holds; the negation is "ne peut".
func (t *factTextKind) comparative(j int) bool {
	ws := t.words
	if ws[j].low != "plus" || j+2 >= len(ws) || ws[j+1].low != "de" && ws[j+1].low != "d'" {
		return false
	}
	n := ws[j+2]
	return isDigit(n.s[0]) || frtext.IsCardinalWord(n.low)
}

func (t *factTextKind) negations(consumed map[int]bool) []factAt {
	if t.held&classNegation == 0 {
		return nil
	}
	var out []factAt
	ws := t.words
	used := map[int]bool{}
	lastAucun := -1 // word index of the last "aucun", whose "ne" is the same negation
	for i := 0; i < len(ws); i++ {
		if t.classes[i]&classNegation == 0 {
			continue
		}
		w := ws[i]
		if consumed[i] || used[i] {
			continue
		}
		if w.low == "aucun" || w.low == "aucune" {
			out = append(out, t.none(i))
			lastAucun = i
			continue
		}
		if w.low == "sans" {
			if f, ok := t.without(i); ok {
				out = append(out, f)
			}
			continue
		}
		if w.low != "ne" && w.low != "n'" {
			continue
		}
		// "n'importe quand" is no negation; the "n'" of "aucun dépassement
		// n'est autorisé" belongs to the "aucun" already counted.
		if i+1 < len(ws) && ws[i+1].low == "importe" {
			continue
		}
		if lastAucun >= 0 && i-lastAucun <= 6 && t.sentence(ws[lastAucun].start) == t.sentence(w.start) {
			continue
		}
		sent := t.sentence(w.start)
		class, pj := t.particleAfter(i, sent)
		if pj >= 0 {
			used[pj] = true
		}
		var shown string
		last := i
		switch {
		case pj == i+1: // "ne pas facturer"
			shown = w.s + " " + ws[pj].s
			last = pj
		case i+1 < len(ws) && t.sentence(ws[i+1].start) == sent:
			v := ws[i+1].s
			k := i + 1
			if (ws[k].low == "s'" || ws[k].low == "se" || ws[k].low == "y" || ws[k].low == "en") && k+1 < len(ws) {
				if ws[k].low == "s'" {
					v += ws[k+1].s
				} else {
					v += " " + ws[k+1].s
				}
				k++
			}
			sep := " "
			if w.low == "n'" {
				sep = ""
			}
			shown = w.s + sep + v
			last = k
			particle := ""
			if pj >= 0 {
				particle = ws[pj].low
				if particle == "qu'" {
					particle = "que"
				}
				last = pj
			}
			switch {
			case pj < 0:
			case pj == k+1:
				shown += " " + particle
			default:
				shown += " … " + particle
			}
		default:
			shown = w.s
		}
		subj := t.unelided(i, i+1, sent, t.verbAfter(i+1, sent))
		out = append(out, factAt{kind: FactNegation, start: w.start, end: ws[last].end, text: shown,
			key: "negation:" + subj, val: class, subject: subj})
	}
	return out
}

// particleAfter returns the particle that goes with the "ne" at word i
// ("pas", "plus", "que"…) and its index, within six words of its
// phrase; "pas" and -1 for a bare "ne" ("ne peut excéder").
func (t *factTextKind) particleAfter(i, sent int) (string, int) {
	ws := t.words
	for j := i + 1; j < len(ws) && j <= i+6; j++ {
		if strings.ContainsAny(t.s[ws[j-1].end:ws[j].start], ",;:.!?()\n") || t.sentence(ws[j].start) != sent {
			break
		}
		if c, ok := negParticle[ws[j].low]; ok && !t.comparative(j) {
			if c == "que" && subordinating(ws[j-1].low) {
				// "ne peut intervenir sans que…": the "que" opens
				// another clause; the "ne" is a bare one.
				break
			}
			return c, j
		}
	}
	return "pas", -1
}

// subordinating reports a word that makes the "que" after it a
// conjunction ("sans que", "avant que", "pour que", "bien que", "dès
// que"), never the "que" of "ne … que".
func subordinating(w string) bool {
	switch w {
	case "sans", "avant", "pour", "afin", "bien", "alors", "tandis", "parce", "pendant", "depuis", "dès", "après",
		"moins", "sorte", "pourvu", "encore", "tant":
		return true
	}
	return false
}

// none reads a lone "aucun" as the negation of the verb after it:
// "aucun dépassement n'est autorisé".
func (t *factTextKind) none(i int) factAt {
	w := t.words[i]
	subj := t.verbAfter(i+1, t.sentence(w.start))
	return factAt{kind: FactNegation, start: w.start, end: w.end, text: w.s,
		key: "negation:" + subj, val: "aucun", subject: subj}
}

// sansLocutions are the words after which "sans" negates nothing the
// text grants or requires: "sans préjudice de" reserves other rules,
// "sans délai" and "sans tarder" mean at once, "sans doute" and "sans
// cesse" are adverbs, "sans précédent" and "sans équivalent" adjectives,
// "(le reste sans changement)" is an amending text's note; "sans que"
// governs a clause whose own negation is read apart.
var sansLocutions = map[string]bool{"préjudice": true, "délai": true, "tarder": true, "doute": true,
	"cesse": true, "changement": true, "modification": true, "que": true, "qu'": true,
	"précédent": true, "précédents": true, "équivalent": true, "équivalents": true}

// sansSkips are the words between "sans" and what it withholds:
// determiners and the pronouns an infinitive takes before it ("sans en
// informer", "sans le dépasser").
var sansSkips = map[string]bool{"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true,
	"des": true, "de": true, "d'": true, "du": true, "son": true, "sa": true, "ses": true, "leur": true,
	"leurs": true, "ce": true, "cet": true, "cette": true, "ces": true, "en": true, "y": true, "se": true,
	"s'": true, "lui": true, "aucun": true, "aucune": true, "avoir": true, "être": true, "préalablement": true}

// without reads "sans" before the thing it withholds, a noun or an
// infinitive: "remboursé sans accord préalable", "sans le dépasser". Taken
// away or put in ("après accord préalable"), it turns a condition into
// its opposite, so it is a negation whose subject is that word. A fixed
// locution (sansLocutions), or a pronoun standing for the thing
// ("sans ceux-ci"), gives none: the subject would pair nothing.
func (t *factTextKind) without(i int) (factAt, bool) {
	w := t.words[i]
	sent := t.sentence(w.start)
	for k := i + 1; k < len(t.words) && k <= i+4; k++ {
		next := t.words[k]
		if t.sentence(next.start) != sent || strings.ContainsAny(t.s[t.words[k-1].end:next.start], ",;:.!?()\n") {
			return factAt{}, false
		}
		switch {
		case sansSkips[next.low]:
			continue
		case sansLocutions[next.low] || frtext.IsGrammatical(strings.TrimRight(next.low, "'")),
			frtext.IsGrammatical(strings.SplitN(next.low, "-", 2)[0]): // "ceux-ci"
			return factAt{}, false
		}
		return factAt{kind: FactNegation, start: w.start, end: w.end, text: w.s,
			key: "negation:" + next.low, val: "sans", subject: next.low}, true
	}
	return factAt{}, false
}

// infinitiveDe returns the index of the "de" or "d'" that opens the verb
// a rule bears on ("il est interdit à un représentant de la caisse de
// percevoir"), among the words after word i in its sentence, or 0: the
// one whose next word, past the pronouns an infinitive takes before it,
// reads as an infinitive. The "de" of the person the rule is for ("de la
// caisse", "de l'ordre") is followed by an article. Whom the rule is for
// may take many words ("aux médecins exerçant dans les établissements
// de santé … et conventionnés de facturer"): the whole sentence is read.
func (t *factTextKind) infinitiveDe(i int) int {
	ws := t.words
	sent := t.sentence(ws[i].start)
	for k := i + 1; k+1 < len(ws); k++ {
		if t.sentence(ws[k].start) != sent {
			return 0
		}
		if ws[k].low != "de" && ws[k].low != "d'" {
			continue
		}
		v := k + 1
		for v+1 < len(ws) && clitics[ws[v].low] {
			v++
		}
		if infinitive(ws[v].low) {
			return k
		}
	}
	return 0
}

// clitics are the pronouns and particles between "de" and its
// infinitive: "de ne pas facturer", "de s'engager", "de lui transmettre".
var clitics = map[string]bool{"ne": true, "n'": true, "pas": true, "plus": true, "se": true, "s'": true,
	"en": true, "y": true, "lui": true, "leur": true}

// infinitive reports a word shaped as an infinitive ("facturer",
// "percevoir", "prendre"), the adjectives of that shape a person is
// described by ("de premier recours") aside, and the words in -aire and
// -oire, nearly all adjectives and nouns ("réglementaire", "obligatoire",
// "territoire"), but for the few verbs that end so ("faire", "croire").
func infinitive(w string) bool {
	if !strings.HasSuffix(w, "er") && !strings.HasSuffix(w, "ir") && !strings.HasSuffix(w, "re") || infinitiveLike[w] {
		return false
	}
	switch {
	case strings.HasSuffix(w, "aire"):
		// "-mentaire", "arbitraire", "contraire" are no verbs.
		switch w {
		case "taire", "traire", "extraire", "distraire", "soustraire", "abstraire":
			return true
		}
		return strings.HasSuffix(w, "faire") || strings.HasSuffix(w, "plaire")
	case strings.HasSuffix(w, "oire"):
		return strings.HasSuffix(w, "croire") || w == "boire"
	}
	return true
}

// infinitiveLike are the words after "de" that end as an infinitive and
// are none.
var infinitiveLike = map[string]bool{"premier": true, "dernier": true, "entier": true, "particulier": true,
	"libre": true, "titre": true, "manière": true, "nature": true}
