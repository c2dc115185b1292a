package clause

import "sync"

// wordClass says which extractors a word of a text can set off: a month
// for dates, a modal verb, a negation, a unit of time, the word "article".
// The words of a piece are classed once, in one pass, and each extractor
// then passes over the words of no class of its own without looking them
// up in its tables, and over the whole piece when it holds none.
type wordClass uint16

const (
	classMonth     wordClass = 1 << iota // a key of months
	classModal                           // a key of modalClass
	classModalLead                       // opens "est tenu de", "s'engage", or is "sauf"
	classNegation                        // "ne", "n'", "aucun", "aucune", "sans"
	classDuration                        // a key of durationUnits or periodUnits
	classReference                       // "article", "articles", "art", "annexe", "annexes"
	classYearLead                        // a key of yearLeads
	classPeriod                          // "semestre", "trimestre"
	classClock                           // "midi", "minuit"
	classCount                           // "fois", "reprise", "reprises", "par", a periodic adverb
)

// yearLeads are the words after which a year alone is a date: "l'année
// 2025", "l'exercice 2024", "en 2026", "dès 2025", "fin 2025", "à compter
// de 2025" (see yearLocutions).
var yearLeads = []string{"année", "années", "exercice", "exercices", "campagne", "en", "dès", "depuis",
	"avant", "après", "pour", "fin", "début", "courant", "mi", "compter", "partir", "titre"}

// yearLocutions are the leads of yearLeads that lead a year through the
// word they take: "à compter de 2025", "à partir de 2026", "au titre de
// 2024" ("de" alone leads a number as often: "un plafond de 2000").
var yearLocutions = map[string]string{"compter": "de", "partir": "de", "titre": "de"}

// modalLeads are the words from which modalities reads more than the word
// itself.
var modalLeads = []string{"est", "sont", "sera", "seront", "soit", "soient", "s'", "sauf",
	"appartient", "faculté", "obligation", "possibilité"}

// wordClasses holds the class of every word that has one, and which first
// bytes and lengths such words have: most words of a text are ruled out
// by those, without hashing.
type wordClasses struct {
	of map[string]wordClass
	// lengths[c] has bit n set when a classed word n bytes long (31 for
	// longer) starts with byte c.
	lengths [256]uint32
}

var factWordClasses = sync.OnceValue(func() *wordClasses {
	wc := &wordClasses{of: map[string]wordClass{}}
	add := func(class wordClass, words ...string) {
		for _, w := range words {
			wc.of[w] |= class
			wc.lengths[w[0]] |= 1 << min(len(w), 31)
		}
	}
	for w := range months {
		add(classMonth, w)
	}
	for w := range modalClass {
		add(classModal, w)
	}
	add(classModalLead, modalLeads...)
	add(classNegation, "ne", "n'", "aucun", "aucune", "sans")
	for w := range durationUnits {
		add(classDuration, w)
	}
	for w := range periodUnits {
		add(classDuration, w)
	}
	add(classReference, "article", "articles", "art", "annexe", "annexes")
	add(classYearLead, yearLeads...)
	for w := range periods {
		add(classPeriod, w)
	}
	for w := range timesWords {
		add(classCount, w)
	}
	add(classCount, "par")
	for w := range periodicAdverbs {
		add(classCount, w)
	}
	for w := range noonOrMidnight {
		add(classClock, w)
	}
	return wc
})

// class returns the class of a lower-cased word, 0 for most.
func (wc *wordClasses) class(low string) wordClass {
	if low == "" || wc.lengths[low[0]]&(1<<min(len(low), 31)) == 0 {
		return 0
	}
	return wc.of[low]
}

// classify classes the words of t and notes which classes t holds.
func (t *factTextKind) classify() {
	wc := factWordClasses()
	t.classes = wordClassPool.get()
	t.held = 0
	for _, w := range t.words {
		c := wc.class(w.low)
		t.classes = append(t.classes, c)
		t.held |= c
	}
}

var wordClassPool slicePool[wordClass]
