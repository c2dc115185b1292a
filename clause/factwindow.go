package clause

import (
	"slices"
	"strings"
)

// factContext is how far, in bytes, the facts of a changed passage may
// depend on the text around it: a reference's number and the text it
// names (read up to 400 bytes on), the words before a date, the sentence
// an amount or a modal verb stands in. Paragraphs further from every
// change than that are the same facts on both sides, all of them left
// unchanged.
const factContext = 1024

// factsAround normalises both texts and extracts their facts: from the
// paragraphs around each change when that gives the facts of the whole
// texts, else from the whole texts. A clause of a bill runs to tens of
// kilobytes for a few changed lines; its facts cost the paragraphs of
// those lines, not the clause. The word diff that finds the changes is
// the one that anchors the facts (see diffAnchors).
func factsAround(oldText, newText, subject string, refs *refIndex, hunks []Hunk) extracted {
	oldNorm, newNorm := normalizeFactText(oldText), normalizeFactText(newText)
	// The word diff of the texts is that of the normalised texts when
	// normalising changed neither.
	if oldNorm != oldText || newNorm != newText {
		hunks = nil
	}
	if start, tail, ok := changedWindow(oldNorm, newNorm, subject, refs, newText); ok {
		o, n := oldNorm[start:len(oldNorm)-tail], newNorm[start:len(newNorm)-tail]
		wh, ok := clipHunks(hunks, start, len(oldNorm)-tail, len(newNorm)-tail)
		if !ok {
			wh = WordDiff(o, n)
		}
		pieces := changedPieces(o, n, wh)
		// An amount may take its act code from a label anywhere
		// before it, and its pairing looks at every code of the
		// other side: amounts are read in the whole texts, and
		// whether the pieces hold one is known from their text alone.
		if !piecesHoldAmount(o, n, pieces) {
			ex := extracted{oldNorm: o, newNorm: n, hunks: wh}
			for _, p := range pieces {
				ex.olds = appendShifted(ex.olds, extractNormalized(o[p.old[0]:p.old[1]], subject), p.old[0])
				ex.news = appendShifted(ex.news, extractNormalized(n[p.new[0]:p.new[1]], subject), p.new[0])
			}
			return ex
		}
		if hunks == nil {
			hunks = widenHunks(wh, oldNorm, start, tail)
		}
	}
	ex := extractWhole(oldNorm, newNorm, subject)
	ex.hunks = hunks
	return ex
}

// piecesHoldAmount reports whether a sum of money stands in one of the
// pieces of the old text o or of the new text n.
func piecesHoldAmount(o, n string, pieces []piece) bool {
	for _, p := range pieces {
		if len(amountMatches(o[p.old[0]:p.old[1]])) > 0 || len(amountMatches(n[p.new[0]:p.new[1]])) > 0 {
			return true
		}
	}
	return false
}

// widenHunks puts the word diff of a window of old back between the
// start bytes before it and the tail bytes after it, which both texts
// share: the word diff of the whole texts, made once.
func widenHunks(hunks []Hunk, old string, start, tail int) []Hunk {
	if start > 0 {
		if len(hunks) > 0 && hunks[0].Op == OpEqual {
			hunks[0].Text = old[:start+len(hunks[0].Text)]
		} else {
			hunks = slices.Insert(hunks, 0, Hunk{OpEqual, old[:start]})
		}
	}
	if tail > 0 {
		if last := len(hunks) - 1; last >= 0 && hunks[last].Op == OpEqual {
			hunks[last].Text = old[len(old)-tail-len(hunks[last].Text):]
		} else {
			hunks = append(hunks, Hunk{OpEqual, old[len(old)-tail:]})
		}
	}
	return hunks
}

// clipHunks cuts the word diff of two texts to the window [start, oldEnd)
// of the old text, [start, newEnd) of the new, which the texts share all
// around: false when there is no diff, or it changes something outside.
func clipHunks(hunks []Hunk, start, oldEnd, newEnd int) ([]Hunk, bool) {
	if hunks == nil {
		return nil, false
	}
	var out []Hunk
	po, pn := 0, 0
	for _, h := range hunks {
		l := len(h.Text)
		switch h.Op {
		case OpEqual:
			if lo, hi := max(po, start), min(po+l, oldEnd); lo < hi {
				out = append(out, Hunk{OpEqual, h.Text[lo-po : hi-po]})
			}
			po, pn = po+l, pn+l
		case OpDelete:
			if po < start || po+l > oldEnd {
				return nil, false
			}
			out = append(out, h)
			po += l
		case OpInsert:
			if pn < start || pn+l > newEnd {
				return nil, false
			}
			out = append(out, h)
			pn += l
		}
	}
	return out, true
}

// extracted is the facts of two normalised texts, their positions in
// oldNorm and newNorm, and the word diff of the texts when it was made.
type extracted struct {
	oldNorm, newNorm string
	olds, news       []factAt
	hunks            []Hunk
}

func extractWhole(oldNorm, newNorm, subject string) extracted {
	return extracted{oldNorm: oldNorm, newNorm: newNorm,
		olds: extractNormalized(oldNorm, subject), news: extractNormalized(newNorm, subject)}
}

// piece is a stretch of two texts read for facts: byte ranges in each.
type piece struct{ old, new [2]int }

// changedPieces cuts two texts whose word diff is hunks into the pieces
// whose facts are read: everything but the paragraphs of the text they
// share that lie more than factContext bytes from every change. The cuts
// fall at blank lines, which end every sentence.
func changedPieces(old, new string, hunks []Hunk) []piece {
	var pieces []piece
	cur := piece{}
	for sh := range sharedStretches(hunks) {
		shift := sh.new - sh.old
		from, to := sh.old+factContext, sh.old+len(sh.text)-factContext
		if from >= to {
			continue
		}
		i := strings.Index(old[from:to], "\n\n")
		if i < 0 {
			continue
		}
		j := strings.LastIndex(old[from+i:to], "\n\n")
		if j <= 0 {
			continue
		}
		end, next := from+i, from+i+j+2
		cur.old[1], cur.new[1] = end, end+shift
		pieces = append(pieces, cur)
		cur = piece{old: [2]int{next, 0}, new: [2]int{next + shift, 0}}
	}
	cur.old[1], cur.new[1] = len(old), len(new)
	return append(pieces, cur)
}

// appendShifted appends facts read in a piece starting at off, their
// places made the text's. The facts are shifted where they are: the
// caller keeps only the result.
func appendShifted(to, facts []factAt, off int) []factAt {
	for i := range facts {
		facts[i].start += off
		facts[i].end += off
	}
	if to == nil {
		return facts
	}
	return append(to, facts...)
}

// changedWindow finds in two normalised texts the paragraphs that differ,
// with factContext bytes of paragraphs on either side: it returns how many
// bytes the texts share before the window and after it. It gives up (ok
// false) wherever facts outside the window could be reported or pair
// otherwise:
//   - a tariff row's subject, which dates and prices the whole row;
//   - texts too long to anchor facts by a word diff: facts are then
//     paired by value over the whole texts;
//   - a reference index against which an unchanged reference may have
//     gone stale (see refIndex.citesAffected, the filter unchanged
//     clauses pass too), or that knows no old article, when every
//     reference to an unknown number is reported.
func changedWindow(oldNorm, newNorm, subject string, refs *refIndex, newText string) (start, tail int, ok bool) {
	if subject != "" || oldNorm == newNorm || len(oldNorm)+len(newNorm) > maxAnchoredDiff {
		return 0, 0, false
	}
	if refs != nil && (len(refs.OldToNew) == 0 || refs.citesAffected(newText)) {
		return 0, 0, false
	}
	prefix := commonPrefixLen(oldNorm, newNorm)
	suffix := commonSuffixLen(oldNorm[prefix:], newNorm[prefix:])
	if cut := prefix - factContext; cut > 0 {
		if i := strings.LastIndex(oldNorm[:cut], "\n\n"); i >= 0 {
			start = i + 2
		}
	}
	if from := len(oldNorm) - suffix + factContext; from < len(oldNorm) {
		if i := strings.Index(oldNorm[from:], "\n\n"); i >= 0 {
			tail = len(oldNorm) - from - i
		}
	}
	if start == 0 && tail == 0 {
		return 0, 0, false
	}
	return start, tail, true
}
