package clause

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// factMargins are the widths, in bytes, of the text kept on either side
// of the changes when their facts are read, tried in turn. Facts depend
// on little around them (a reference reads the name of the text after
// its number, a date the words before it, an amount or a modal verb its
// sentence, every fact four words either side for its context), but the
// facts of a window pair as those of the whole texts only when anchors
// fence each change within it (see unseparated): a stretch between two
// changes cut out without such a fact is cut again with a wider margin,
// then kept whole (see piecesFacts).
var factMargins = [...]int{64, 512, 4096}

// factsAround normalises both texts and extracts their facts: from the
// paragraphs around each change when that gives the facts of the whole
// texts, else from the whole texts. A clause of a bill runs to tens of
// kilobytes for a few changed lines; its facts cost the paragraphs of
// those lines, not the clause. The word diff that finds the changes is
// the one that anchors the facts (see diffAnchors).
func factsAround(oldText, newText, subject string, refs *refIndex, hunks []Hunk) extracted {
	mayWindow := windowable(subject, refs, newText)
	var oldNorm, newNorm string
	var shared ends
	if mayWindow {
		var known bool
		if oldNorm, newNorm, shared, known = normalizeFactTexts(oldText, newText); !known {
			shared = sharedEnds(oldNorm, newNorm)
		}
	} else {
		oldNorm, newNorm = normalizeFactText(oldText), normalizeFactText(newText)
	}
	// The word diff of the texts is that of the normalised texts when
	// normalising changed neither.
	if oldNorm != oldText || newNorm != newText {
		hunks = nil
	}
	// Texts too long to anchor facts by a word diff pair their facts by
	// value over the whole texts.
	if mayWindow && oldNorm != newNorm && len(oldNorm)+len(newNorm) <= maxAnchoredDiff {
		holdsCode := sync.OnceValue(func() bool { return holdsActCode(oldNorm) || holdsActCode(newNorm) })
		oldWhole, newWhole := wholeOf(oldNorm), wholeOf(newNorm)
		for level, margin := range factMargins {
			// Changes near both ends leave no window smaller than the
			// texts, but the pieces may still cut out long stretches
			// between changes: the whole texts are tried as a window when
			// they may (changedPieces), at the narrowest margin only,
			// wider ones cutting less.
			start, tail, cut := shared.window(oldNorm, margin)
			if !cut && (margin != factMargins[0] || !stretchBetween(hunks, 2*margin)) {
				break
			}
			if hunks == nil {
				hunks = shared.wordDiff(oldNorm, newNorm)
			}
			o, n := oldNorm[start:len(oldNorm)-tail], newNorm[start:len(newNorm)-tail]
			wh, ok := clipHunks(hunks, start, len(oldNorm)-tail, len(newNorm)-tail)
			if !ok {
				// The diff placed a change outside (a repeated word
				// inserted at the start of its run): a wider window
				// may hold it.
				continue
			}
			if ex, ok := piecesFacts(o, n, wh, level, cut, subject, oldWhole, newWhole, holdsCode); ok {
				return ex
			}
			break
		}
	}
	ex := extractWhole(oldNorm, newNorm, subject)
	ex.hunks = hunks
	return ex
}

// piecesFacts reads the facts of the pieces of the windows o and n of
// two texts, whose word diff is wh, cut with the margins of factMargins
// from the level-th on: false when their amounts need the whole texts,
// or when the window is the whole texts (cut false) and no stretch
// between changes is left out. Where no anchored fact stands between the
// changes of two consecutive pieces (see unseparated), the stretch
// between them is cut with the next margin, and kept whole past the
// widest: only the pieces such stretches bound are read again.
func piecesFacts(o, n string, wh []Hunk, level int, cut bool, subject string, oldWhole, newWhole *wholeText, holdsCode func() bool) (extracted, bool) {
	levels := map[int]int{} // by hunk, the margins' level of a stretch beyond level
	margin := func(hunk int) int {
		if l := level + levels[hunk]; l < len(factMargins) {
			return factMargins[l]
		}
		return -1
	}
	type read struct{ olds, news []factAt }
	reads := map[piece]read{}
	bytesRead := 0
	for {
		pieces, cuts := changedPieces(o, n, wh, margin)
		if !cut && len(pieces) < 2 {
			return extracted{}, false
		}
		var texts [][2]*factTextKind
		for _, p := range pieces {
			if _, ok := reads[p]; !ok {
				texts = append(texts, [2]*factTextKind{pieceText(o[p.old[0]:p.old[1]], oldWhole), pieceText(n[p.new[0]:p.new[1]], newWhole)})
			}
		}
		// An amount may take its act code from a label anywhere before
		// it, and its pairing looks at every code of the other side:
		// amounts are read in the whole texts, unless the pieces hold
		// none (known from their text alone) or neither text holds a
		// code to tie one to.
		for _, t := range texts {
			if (len(t[0].amountMatches()) > 0 || len(t[1].amountMatches()) > 0) && holdsCode() {
				return extracted{}, false
			}
		}
		ex := extracted{oldNorm: o, newNorm: n, hunks: wh}
		for _, p := range pieces {
			r, ok := reads[p]
			if !ok {
				t := texts[0]
				texts = texts[1:]
				olds, news := factsOfBoth(t[0], t[1], subject)
				r = read{appendShifted(nil, olds, p.old[0]), appendShifted(nil, news, p.new[0])}
				reads[p] = r
				bytesRead += len(t[0].s) + len(t[1].s)
			}
			ex.olds = append(ex.olds, r.olds...)
			ex.news = append(ex.news, r.news...)
		}
		ex.anchors = diffAnchors(o, n, wh, ex.olds, ex.news)
		open := unseparated(wh, pieces, ex.olds, ex.anchors)
		if len(open) == 0 {
			ex.read = bytesRead
			return ex, true
		}
		for _, k := range open {
			levels[cuts[k]]++
		}
	}
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
	anchors          [][2]int // diffAnchors of the above, when known
	read             int      // bytes of both texts whose facts were read, for tests
}

func extractWhole(oldNorm, newNorm, subject string) extracted {
	olds, news := factsOfBoth(pieceText(oldNorm, wholeOf(oldNorm)), pieceText(newNorm, wholeOf(newNorm)), subject)
	return extracted{oldNorm: oldNorm, newNorm: newNorm, olds: olds, news: news, read: len(oldNorm) + len(newNorm)}
}

// piece is a stretch of two texts read for facts: byte ranges in each.
type piece struct{ old, new [2]int }

// changedPieces cuts two texts whose word diff is hunks into the pieces
// whose facts are read: everything but the paragraphs of the text they
// share that lie more than margin(k) bytes from every change, k being the
// index of the equal hunk they stand in, which a negative margin keeps
// whole. The cuts fall at blank lines, which end every sentence; cuts
// holds the hunk of each, the one between pieces k and k+1 first.
func changedPieces(old, new string, hunks []Hunk, margin func(hunk int) int) (pieces []piece, cuts []int) {
	cur := piece{}
	for sh := range sharedStretches(hunks) {
		m := margin(sh.k)
		if m < 0 {
			continue
		}
		shift := sh.new - sh.old
		// Past the paragraphs of the changes on either side, ctxWords
		// words at least: the context of their facts.
		stretchEnd := sh.old + len(sh.text)
		from := max(sh.old+m, paragraphsAfter(old, sh.old, stretchEnd))
		to := min(stretchEnd-m, paragraphsBefore(old, stretchEnd, sh.old))
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
		cuts = append(cuts, sh.k)
		cur = piece{old: [2]int{next, 0}, new: [2]int{next + shift, 0}}
	}
	cur.old[1], cur.new[1] = len(old), len(new)
	return append(pieces, cur), cuts
}

// paragraphsAfter returns where the paragraph of s holding pos ends, plus
// ctxWords words, and no further than limit.
func paragraphsAfter(s string, pos, limit int) int {
	i := strings.Index(s[pos:limit], "\n\n")
	if i < 0 {
		return limit
	}
	pos += i
	for range ctxWords {
		_, pos, _ = nextFactWord(s[:limit], pos)
	}
	return pos
}

// paragraphsBefore returns where the paragraph of s holding pos starts,
// less ctxWords words, and no earlier than limit.
func paragraphsBefore(s string, pos, limit int) int {
	i := strings.LastIndex(s[limit:pos], "\n\n")
	if i < 0 {
		return limit
	}
	pos = limit + i
	for range ctxWords {
		pos = limit + wordBefore(s[limit:], pos-limit)
	}
	return pos
}

// wordBefore returns where the word of s before pos starts, the blanks
// before pos passed over; 0 when there is none.
func wordBefore(s string, pos int) int {
	for _, inWord := range [2]bool{false, true} { // the blanks, then the word
		for pos > 0 {
			r, w := utf8.DecodeLastRuneInString(s[:pos])
			if isFactWordRune(r) != inWord {
				break
			}
			pos -= w
		}
	}
	return pos
}

// unseparated returns each k for which the facts read in pieces k and
// k+1 of the old text may pair otherwise than the facts of the whole
// texts would. Facts are paired anchor to anchor (see pairFacts): the
// facts between two anchors are paired among themselves, by their kinds
// and the words around them. Every fact left out lies in text both sides
// share, farther from every change than a fact looks (a margin), so it
// is an anchor: the facts before the first change and after the last
// pair alike whatever was cut, but between two pieces the whole texts
// have an anchor (a fact left out) where the pieces may have none. An
// anchored fact must then stand between the changes of two consecutive
// pieces.
func unseparated(hunks []Hunk, pieces []piece, olds []factAt, anchors [][2]int) []int {
	var out []int
	changes := changedSpans(hunks)
	c, a := 0, 0
	for k := 0; k+1 < len(pieces); k++ {
		// The last change of piece k, the first of piece k+1.
		for c+1 < len(changes) && changes[c+1][0] <= pieces[k].old[1] {
			c++
		}
		from := changes[c][1]
		to := pieces[k+1].old[0]
		if c+1 < len(changes) {
			to = changes[c+1][0]
		}
		for a < len(anchors) && olds[anchors[a][0]].start < from {
			a++
		}
		if a == len(anchors) || olds[anchors[a][0]].end > to {
			out = append(out, k)
		}
	}
	return out
}

// stretchBetween reports whether a word diff keeps more than n bytes
// equal between two of its changes, as far as its hunks tell at once.
func stretchBetween(hunks []Hunk, n int) bool {
	first := slices.IndexFunc(hunks, func(h Hunk) bool { return h.Op != OpEqual })
	for k := first + 1; first >= 0 && k < len(hunks)-1; k++ {
		if hunks[k].Op == OpEqual && len(hunks[k].Text) > n {
			return true
		}
	}
	return false
}

// changedSpans are the byte ranges of the old text that a word diff
// deletes, an insertion being an empty range where it goes.
func changedSpans(hunks []Hunk) [][2]int {
	var out [][2]int
	o := 0
	for _, h := range hunks {
		switch h.Op {
		case OpEqual:
			o += len(h.Text)
		case OpDelete:
			out = append(out, [2]int{o, o + len(h.Text)})
			o += len(h.Text)
		case OpInsert:
			out = append(out, [2]int{o, o})
		}
	}
	return out
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

// windowable reports whether the facts of a clause may be read around
// the changes of its text only, as far as its subject and the reference
// index tell (the texts must also differ, and be short enough to anchor
// facts by a word diff: see factsAround). Not when facts outside could
// be reported or pair otherwise:
//   - a tariff row's subject, which dates and prices the whole row;
//   - a reference index against which an unchanged reference may have
//     gone stale (see refIndex.citesAffected, the filter unchanged
//     clauses pass too), or that knows no old article, when every
//     reference to an unknown number is reported.
func windowable(subject string, refs *refIndex, newText string) bool {
	if subject != "" {
		return false
	}
	return refs == nil || len(refs.OldToNew) > 0 && !refs.citesAffected(newText)
}

// ends is how many bytes two texts share at their start and at their end.
type ends struct{ prefix, suffix int }

func sharedEnds(old, new string) ends {
	prefix := commonPrefixLen(old, new)
	return ends{prefix, commonSuffixLen(old[prefix:], new[prefix:])}
}

// window finds in the old text the paragraphs that differ, with margin
// bytes of paragraphs on either side, and ctxWords words at least: it
// returns how many bytes the texts share before the window and after it,
// ok false when that is nothing.
func (e ends) window(old string, margin int) (start, tail int, ok bool) {
	if cut := min(e.prefix-margin, paragraphsBefore(old, e.prefix, 0)); cut > 0 {
		if i := strings.LastIndex(old[:cut], "\n\n"); i >= 0 {
			start = i + 2
		}
	}
	if from := max(len(old)-e.suffix+margin, paragraphsAfter(old, len(old)-e.suffix, len(old))); from < len(old) {
		if i := strings.Index(old[from:], "\n\n"); i >= 0 {
			tail = len(old) - from - i
		}
	}
	return start, tail, start > 0 || tail > 0
}

// wordDiff is the word diff of the two texts, made on the widest window
// of factMargins and put back between the ends the texts share.
func (e ends) wordDiff(old, new string) []Hunk {
	start, tail, _ := e.window(old, factMargins[len(factMargins)-1])
	return widenHunks(WordDiff(old[start:len(old)-tail], new[start:len(new)-tail]), old, start, tail)
}
