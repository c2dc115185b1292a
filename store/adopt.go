package store

import (
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// stretch is a run of bytes of a revision: at in the text revised, from
// to to in the revision.
type stretch struct{ at, from, to int }

// stretches lists the hunks of diffText(prev, next) of kind op (equal or
// insert) as stretches of next.
func stretches(prev, next string, op clause.Op) []stretch {
	var out []stretch
	p, n := 0, 0
	for _, h := range diffText(prev, next) {
		if h.Op == op {
			out = append(out, stretch{p, n, n + len(h.Text)})
		}
		if h.Op != clause.OpInsert {
			p += len(h.Text)
		}
		if h.Op != clause.OpDelete {
			n += len(h.Text)
		}
	}
	return out
}

// adopted credits the words that version v inserted into clause id (spans
// cut next, the text v made of prev, its parent's) to an earlier version
// off v's line that had inserted them into the same text, as that
// version's own blame credits them: a convention taking a union's
// counter-proposal credits the union, and a version putting back what a
// sibling kept credits whoever wrote it. A sentence v inserted (or the
// words it inserted into one) is adopted from a version w when at least
// half of it stands unchanged, in a diff of w's text and v's, on words w
// had inserted: the words kept are w's, the words
// v changed in them (one word of a sentence) stay v's, and a word or two
// that two different insertions happen to share credit no one else. The
// earliest such version, imported and dated no later than v, wins. line
// holds the commits of v's line.
func (b *blamer) adopted(id string, v *Version, spans []Span, prev, next string, line map[string]bool, depth int) ([]Span, error) {
	vi, ok := b.ix.byCommit[v.Commit]
	if !ok || depth >= 16 {
		return spans, nil
	}
	var mine []stretch // v's insertions left to credit, computed once a candidate is found
	for wi := 0; wi < vi && (mine == nil || len(mine) > 0); wi++ {
		w := &b.ix.Versions[wi]
		if line[w.Commit] || w.Date > v.Date && v.Date != "" || !b.ix.names(wi, id) {
			continue
		}
		if mine == nil {
			if mine = sentences(stretches(prev, next, clause.OpInsert), next); len(mine) == 0 {
				break
			}
		}
		d := b.deltaOf(w, id)
		if d == nil || d.Gone {
			continue
		}
		if err := b.s.readTrees(b.ix, w); err != nil {
			return nil, err
		}
		raw, err := b.s.readDeltaBlob(d)
		if err != nil {
			return nil, err
		}
		theirs := stretches(prev, string(raw), clause.OpInsert)
		kept := stretches(string(raw), next, clause.OpEqual)
		var blame []Span // w's, read once an insertion is found adopted
		left := mine[:0]
		for _, m := range mine {
			pieces := adoptedPieces(m, kept, theirs)
			if 2*piecesLen(pieces) < m.to-m.from {
				left = append(left, m)
				continue
			}
			if blame == nil {
				if blame, _, err = b.blame(id, w, depth+1); err != nil {
					return nil, err
				}
			}
			for _, pc := range pieces {
				spans = overlay(spans, pc.from, cut(blame, pc.at, pc.at+pc.to-pc.from))
			}
		}
		mine = left
	}
	return spans, nil
}

// pastLines are the lines of the earlier texts of a clause, each with the
// spans of the newest text that had it and its offset there.
type pastLines struct {
	lines map[string]lineSource
	// texts counts the texts added: a line's gen is the count when the
	// newest text that had it was added.
	texts int
	// words caches the word sets closest compares, made once a line.
	words map[string]map[string]bool
	// past are the texts added, whole, and grams where each phrase of
	// movedWords words stood in them (text, word): see moved.
	past  []pastText
	grams map[string][][2]int
}

func newPastLines() pastLines {
	return pastLines{lines: map[string]lineSource{}, words: map[string]map[string]bool{}, grams: map[string][][2]int{}}
}

type lineSource struct {
	spans []Span
	at    int
	gen   int
}

// add records the lines of text, which spans cut.
func (p *pastLines) add(spans []Span, text string) {
	p.texts++
	p.addText(spans, text)
	for at := 0; at < len(text); {
		end := len(text)
		if k := strings.IndexByte(text[at:], '\n'); k >= 0 {
			end = at + k + 1
		}
		p.lines[text[at:end]] = lineSource{spans, at, p.texts}
		at = end
	}
}

// restored gives back their authors to the sentences, the lines, into
// which the revision next of a clause's text prev inserts anything, where
// an earlier text of the clause on the line (past) had that very line: a
// sentence moved within the clause, or put back after a version had
// removed or changed it (the convention restoring a sentence of the
// règlement arbitral that the proposal it answers dropped, or 'six ans'
// where the proposal had written 'huit ans'), was written by whoever wrote
// it first, not by the version that moved or restored it. The line, not
// the words inserted, is the unit: a word put back alone may be no
// restoration, but a whole line as it stood was written before.
//
// A line put back with words of its own changed (a reading restoring its
// text with 'trente jours' for 'soixante') is compared with the closest
// earlier line (closest): the words it kept are their first author's, the
// words it changed who's, the version revising. Only a line who wrote
// most of is so compared, and the comparison is kept only where it
// leaves who fewer of the line's bytes.
func restored(spans []Span, prev, next string, past pastLines, who Span) []Span {
	done := -1 // the end of the last line looked at
	for _, m := range stretches(prev, next, clause.OpInsert) {
		for from := max(strings.LastIndexByte(next[:m.from], '\n')+1, done); from < m.to; {
			to := len(next)
			if k := strings.IndexByte(next[from:], '\n'); k >= 0 {
				to = from + k + 1
			}
			line := next[from:to]
			if strings.HasSuffix(line, "\n") && strings.TrimSpace(line) != "" {
				if src, ok := past.lines[line]; ok {
					spans = overlay(spans, from, cut(src.spans, src.at, src.at+len(line)))
				} else if mine := bytesBy(cut(spans, from, to), who); 2*mine > len(line) {
					if was, src, ok := past.closest(line); ok {
						again := carry(cut(src.spans, src.at, src.at+len(was)), was, line, who, false)
						if bytesBy(again, who) < mine {
							spans = overlay(spans, from, again)
						}
					}
				}
			}
			from, done = to, to
		}
	}
	return spans
}

// bytesBy counts the bytes of spans credited to who.
func bytesBy(spans []Span, who Span) int {
	n := 0
	for _, sp := range spans {
		if sp.Version == who.Version && sp.By == who.By {
			n += len(sp.Text)
		}
	}
	return n
}

// closest is the earlier line most like line, by the words they share
// (Dice over their sets of words, at least closeLines), no more than twice
// as long or short, and gone from the text revised; ties go to the first
// in byte order, so that the answer does not follow the map's order.
// Lines of fewer than closeWords words are never compared: two short
// lines share words by chance.
func (p pastLines) closest(line string) (string, lineSource, bool) {
	words := wordSet(line)
	if len(words) < closeWords {
		return "", lineSource{}, false
	}
	best, bestScore := "", closeLines
	for was, src := range p.lines {
		// The text revised (the newest added) was compared already.
		if src.gen == p.texts || 2*len(was) < len(line) || 2*len(line) < len(was) {
			continue
		}
		other, ok := p.words[was]
		if !ok {
			other = wordSet(was)
			p.words[was] = other
		}
		shared := 0
		for w := range words {
			if other[w] {
				shared++
			}
		}
		score := 2 * float64(shared) / float64(len(words)+len(other))
		if score > bestScore || score == bestScore && best != "" && was < best {
			best, bestScore = was, score
		}
	}
	if best == "" {
		return "", lineSource{}, false
	}
	return best, p.lines[best], true
}

// closeLines is the share of words a line put back with changes has in
// common with the earlier line it restores; closeWords the fewest words
// a line needs to be compared so.
const (
	closeLines = 0.7
	closeWords = 6
)

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}

// sentences cuts stretches of text after each line break: a clause file
// holds a sentence a line, and each sentence v inserted is adopted or not
// on its own.
func sentences(ss []stretch, text string) []stretch {
	var out []stretch
	for _, st := range ss {
		for st.from < st.to {
			end := st.to
			if k := strings.IndexByte(text[st.from:st.to], '\n'); k >= 0 {
				end = st.from + k + 1
			}
			out = append(out, stretch{at: st.at, from: st.from, to: end})
			st.from = end
		}
	}
	return out
}

// adoptedPieces lists the bytes of insertion m (a stretch of next) that a
// diff of the other text and next keeps (kept: equal stretches, at in the
// other text) and that the other text had inserted itself (theirs:
// stretches of the other text), each with its place in the other text.
func adoptedPieces(m stretch, kept, theirs []stretch) []stretch {
	var out []stretch
	for _, k := range kept {
		lo, hi := max(m.from, k.from), min(m.to, k.to)
		if lo >= hi {
			continue
		}
		// The same bytes in the other text, then their part it inserted.
		olo, ohi := k.at+lo-k.from, k.at+hi-k.from
		for _, t := range theirs {
			if a, z := max(olo, t.from), min(ohi, t.to); a < z {
				out = append(out, stretch{at: a, from: lo + a - olo, to: lo + z - olo})
			}
		}
	}
	return out
}

func piecesLen(ps []stretch) int {
	n := 0
	for _, p := range ps {
		n += p.to - p.from
	}
	return n
}

// cut is the part of spans that covers bytes from to to of their text.
func cut(spans []Span, from, to int) []Span {
	var out []Span
	pos := 0
	for _, sp := range spans {
		a, z := pos, pos+len(sp.Text)
		pos = z
		if lo, hi := max(a, from), min(z, to); lo < hi {
			out = append(out, Span{Text: sp.Text[lo-a : hi-a], Version: sp.Version, By: sp.By})
		}
	}
	return out
}

// overlay gives the bytes of spans' text from off on the attributions of
// src, which cuts the same bytes; neighbours with one author are joined.
func overlay(spans []Span, off int, src []Span) []Span {
	n := 0
	for _, sp := range src {
		n += len(sp.Text)
	}
	parts := append(append(cut(spans, 0, off), src...), cut(spans, off+n, len(joinSpans(spans)))...)
	out := parts[:0]
	for _, sp := range parts {
		if k := len(out); k > 0 && out[k-1].Version == sp.Version && out[k-1].By == sp.By {
			out[k-1].Text += sp.Text
			continue
		}
		out = append(out, sp)
	}
	return out
}
