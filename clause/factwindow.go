package clause

import "strings"

// factContext is how far, in bytes, the facts of a changed passage may
// depend on the text around it: a reference's number and the text it
// names (read up to 400 bytes on), the words before a date, the sentence
// an amount or a modal verb stands in. Paragraphs further from every
// change than that are the same facts on both sides, all of them left
// unchanged.
const factContext = 1024

// factsAround normalises both texts and extracts their facts: from the
// window around what changed when that gives the facts of the whole texts,
// else from the whole texts. A clause of a bill runs to tens of kilobytes for one changed
// line; its facts cost the line's paragraphs, not the clause.
func factsAround(oldText, newText, subject string, refs *refIndex) extracted {
	oldNorm, newNorm := normalizeFactText(oldText), normalizeFactText(newText)
	if o, n, ok := changedWindow(oldNorm, newNorm, subject, refs, newText); ok {
		ex := extracted{o, n, extractNormalized(o, subject), extractNormalized(n, subject)}
		// An amount may take its act code from a label anywhere
		// before it, and its pairing looks at every code of the
		// other side: amounts are read in the whole texts.
		if !holdsAmount(ex.olds) && !holdsAmount(ex.news) {
			return ex
		}
	}
	return extractWhole(oldNorm, newNorm, subject)
}

// extracted is the facts of two normalised texts, their positions in
// oldNorm and newNorm.
type extracted struct {
	oldNorm, newNorm string
	olds, news       []factAt
}

func extractWhole(oldNorm, newNorm, subject string) extracted {
	return extracted{oldNorm, newNorm, extractNormalized(oldNorm, subject), extractNormalized(newNorm, subject)}
}

// changedWindow cuts from two normalised texts the paragraphs that differ,
// with factContext bytes of paragraphs on either side. It gives up (ok
// false) wherever facts outside the window could be reported or pair
// otherwise:
//   - a tariff row's subject, which dates and prices the whole row;
//   - texts too long to anchor facts by a word diff: facts are then
//     paired by value over the whole texts;
//   - a reference index against which an unchanged reference may have
//     gone stale (see refIndex.citesAffected, the filter unchanged
//     clauses pass too), or that knows no old article, when every
//     reference to an unknown number is reported.
func changedWindow(oldNorm, newNorm, subject string, refs *refIndex, newText string) (o, n string, ok bool) {
	if subject != "" || oldNorm == newNorm || len(oldNorm)+len(newNorm) > maxAnchoredDiff {
		return "", "", false
	}
	if refs != nil && (len(refs.OldToNew) == 0 || refs.citesAffected(newText)) {
		return "", "", false
	}
	prefix := commonPrefixLen(oldNorm, newNorm)
	suffix := commonSuffixLen(oldNorm[prefix:], newNorm[prefix:])
	start := 0
	if cut := prefix - factContext; cut > 0 {
		if i := strings.LastIndex(oldNorm[:cut], "\n\n"); i >= 0 {
			start = i + 2
		}
	}
	tail := 0
	if from := len(oldNorm) - suffix + factContext; from < len(oldNorm) {
		if i := strings.Index(oldNorm[from:], "\n\n"); i >= 0 {
			tail = len(oldNorm) - from - i
		}
	}
	if start == 0 && tail == 0 {
		return "", "", false
	}
	return oldNorm[start : len(oldNorm)-tail], newNorm[start : len(newNorm)-tail], true
}

func holdsAmount(facts []factAt) bool {
	for i := range facts {
		if facts[i].kind == FactAmount {
			return true
		}
	}
	return false
}
