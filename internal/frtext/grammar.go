package frtext

import "sync"

// IsGrammatical reports whether w, in lower case, is one of the words
// French grammar closes the list of (articles, determiners, pronouns,
// prepositions, conjunctions, the elided l', d', qu'… written without
// their apostrophe) or an adverb that opens a sentence of a legal text:
// such a word is never a name, so its capital at a sentence's start is
// the sentence's and goes when words are put before it ("La convention"
// becomes "Sous réserve, la convention"), even in a text that writes it
// nowhere else.
func IsGrammatical(w string) bool { return grammatical()[w] }

// grammatical is built on first use: filled at start-up, its words cost
// every command 0.1 M instructions (of the 6.4 M a start takes), the
// most of any table of avenant's own packages.
var grammatical = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "à",
		"ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes",
		"notre", "nos", "votre", "vos", "ledit", "ladite", "lesdits", "lesdites", "dudit", "desdits",
		"audit", "auxdits", "tout", "toute", "tous", "toutes", "chaque", "aucun", "aucune",
		"nul", "nulle", "plusieurs", "certains", "certaines", "quelque", "quelques", "tel", "telle",
		"il", "elle", "ils", "elles", "on", "en", "y", "celui", "celle", "ceux", "celles",
		"cela", "ceci", "qui", "que", "qu", "dont", "où", "s", "se", "c", "n", "ne",
		"dans", "pour", "par", "sur", "sous", "avec", "sans", "entre", "chez", "vers", "depuis",
		"pendant", "durant", "avant", "après", "dès", "selon", "sauf", "outre", "hors", "parmi",
		"contre", "envers", "lors", "auprès", "jusqu", "jusque", "afin", "malgré",
		"et", "ou", "mais", "donc", "or", "ni", "car", "si", "lorsque", "lorsqu", "quand",
		"puisque", "puisqu", "quoique", "quoiqu", "comme", "soit",
		"ainsi", "alors", "cependant", "toutefois", "néanmoins", "également", "enfin", "puis",
		"ensuite", "conformément", "notamment", "dorénavant", "désormais",
	} {
		m[w] = true
	}
	return m
})
