package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
)

// movedWords is the fewest words a phrase needs for blame to credit it,
// where a revision wrote it anew, to an earlier text of the clause that
// had it, and movedContent how many of them must be words of contentLetters
// letters or more: shorter phrases ('de la', 'du code') and those made of
// function words, single letters and numbers ('à l'article L. O',
// 'exercées à la date de') recur by chance.
const (
	movedWords     = 5
	movedContent   = 3
	contentLetters = 4
)

// telling reports whether the words (byte offsets in text) hold
// movedContent words of contentLetters letters or more.
func telling(text string, words [][2]int) bool {
	n := 0
	for _, w := range words {
		if isContentWord(text[w[0]:w[1]]) {
			n++
		}
	}
	return n >= movedContent
}

// isContentWord reports whether w is all letters, contentLetters or more.
func isContentWord(w string) bool {
	return utf8.RuneCountInString(w) >= contentLetters && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
}

// pastText is an earlier text of a clause, the spans that cut it and its
// words (byte offsets: start, end).
type pastText struct {
	text  string
	spans []Span
	words [][2]int
}

// wordBounds lists the words of text, runs of letters and digits, as byte
// offsets.
func wordBounds(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// gramKey is the first movedWords words of text from word k, the key
// under which pastLines indexes where a phrase stood.
func gramKey(text string, words [][2]int, k int) string {
	return text[words[k][0]:words[k+movedWords-1][1]]
}

// addText records text, which spans cut, among the earlier texts, and
// indexes its phrases of movedWords words that start in a line no earlier
// text had (those of the lines it shares are indexed already, where they
// first stood).
func (p *pastLines) addText(spans []Span, text string) {
	t := pastText{text: text, spans: spans, words: wordBounds(text)}
	ti := len(p.past)
	p.past = append(p.past, t)
	k := 0
	for at := 0; at < len(text); {
		end := len(text)
		if i := strings.IndexByte(text[at:], '\n'); i >= 0 {
			end = at + i + 1
		}
		_, seen := p.lines[text[at:end]]
		for ; k < len(t.words) && t.words[k][0] < end; k++ {
			if !seen && k+movedWords <= len(t.words) {
				key := gramKey(text, t.words, k)
				p.grams[key] = append(p.grams[key], [2]int{ti, k})
			}
		}
		at = end
	}
}

// moved gives back their authors to the phrases of at least movedWords
// words that the revision next of a clause credits to who (its spans)
// where an earlier text of the clause had them, once in each (see once):
// a phrase carried from one sentence into another ('compte parmi les
// membres de son cabinet'), or from a sentence that was dropped into one
// rewritten, keeps the version that wrote it.
// The word diffs and restored look at one sentence, or one run of changed
// sentences, at a time and miss such a phrase. Each phrase is matched
// byte for byte, word boundary to word boundary, the longest first.
func moved(spans []Span, next string, past *pastLines, who Span) []Span {
	if len(past.grams) == 0 || bytesBy(spans, who) == 0 {
		return spans
	}
	words := wordBounds(next)
	// Which words who wrote, read off spans once.
	own := make([]bool, len(words))
	pos, k := 0, 0
	for _, sp := range spans {
		end := pos + len(sp.Text)
		for ; k < len(words) && words[k][1] <= end; k++ {
			own[k] = words[k][0] >= pos && sp.Version == who.Version && sp.By == who.By
		}
		for ; k < len(words) && words[k][0] < end; k++ {
			own[k] = false // a word two spans share is not wholly who's
		}
		pos = end
	}
	mine := func(k int) bool { return own[k] }
	for k := 0; k+movedWords <= len(words); {
		if !mine(k) {
			k++
			continue
		}
		n, src := past.longest(next, words, k, mine)
		t := past.past[src[0]]
		if n < movedWords || !telling(next, words[k:k+n]) || !once(t.text, next, next[words[k][0]:words[k+n-1][1]]) {
			k++
			continue
		}
		from, to := t.words[src[1]][0], t.words[src[1]+n-1][1]
		spans = overlay(spans, words[k][0], cut(t.spans, from, to))
		k += n
	}
	return spans
}

// longest finds the longest phrase of an earlier text equal, byte for
// byte, to next's words from k on that mine credits to the reviser, and
// returns its length in words and where it stood (text, word); the
// oldest text wins a tie: it credits the phrase to whoever wrote it first.
func (p *pastLines) longest(next string, words [][2]int, k int, mine func(int) bool) (int, [2]int) {
	for j := k; j < k+movedWords; j++ {
		if !mine(j) {
			return 0, [2]int{}
		}
	}
	best, at := 0, [2]int{}
	for _, loc := range p.grams[gramKey(next, words, k)] {
		t := p.past[loc[0]]
		n := movedWords
		for k+n < len(words) && loc[1]+n < len(t.words) && mine(k+n) {
			a, b := words[k+n-1][1], words[k+n][1]
			c, d := t.words[loc[1]+n-1][1], t.words[loc[1]+n][1]
			if next[a:b] != t.text[c:d] {
				break
			}
			n++
		}
		if n > best {
			best, at = n, loc
		}
	}
	return best, at
}

// once reports whether phrase stands once in the earlier text and once
// in the revision next: a phrase a text repeats ('la Haute Autorité pour
// la transparence de la vie publique', 'du code de la sécurité sociale')
// is a formula, and which of its copies a new one came from, if any, no
// one can tell.
func once(earlier, next, phrase string) bool {
	return strings.Count(earlier, phrase) == 1 && strings.Count(next, phrase) == 1
}

// maxBorrowSources bounds the other clauses borrowed looks into: a
// version that rewrites hundreds of clauses at once is read for its new
// clause alone.
const maxBorrowSources = 64

// borrowed gives back their authors to the sentences, the lines, that a
// clause new in version v (spans cut next) took whole from another clause
// that v changed or removed and that no longer has them: a sentence taken
// out of article 1er into a new article 3 (too little of it for a split)
// was written by whoever wrote it in article 1er. Only sentences of
// closeWords words or more are compared: short ones ('I. -', '(Supprimé)')
// recur from clause to clause. parent is the version v answers.
func (b *blamer) borrowed(id string, v, parent *Version, spans []Span, next string, who Span, depth int) ([]Span, error) {
	vi, ok := b.ix.byCommit[v.Commit]
	if !ok || depth >= 16 {
		return spans, nil
	}
	mine := map[string][]int{} // the lines who wrote whole, by where they start
	for from := 0; from < len(next); {
		to := len(next)
		if k := strings.IndexByte(next[from:], '\n'); k >= 0 {
			to = from + k + 1
		}
		line := next[from:to]
		if strings.HasSuffix(line, "\n") && len(strings.Fields(line)) >= closeWords && bytesBy(cut(spans, from, to), who) == len(line) {
			mine[line] = append(mine[line], from)
		}
		from = to
	}
	b.ix.decode(vi)
	n := 0
	for _, ch := range b.ix.Versions[vi].Changes {
		if len(mine) == 0 {
			break
		}
		if ch.ID == id || ch.Change != clause.Modified && ch.Change != clause.Removed {
			continue
		}
		if n++; n > maxBorrowSources {
			break
		}
		now := ""
		if !ch.Gone {
			d := b.deltaOf(v, ch.ID)
			if d == nil {
				continue
			}
			raw, err := b.s.readDeltaBlob(d)
			if err != nil {
				return nil, err
			}
			now = string(raw)
		}
		src, ok, err := b.blame(ch.ID, parent, depth+1)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		text := joinSpans(src)
		for at := 0; at < len(text); {
			end := len(text)
			if k := strings.IndexByte(text[at:], '\n'); k >= 0 {
				end = at + k + 1
			}
			line := text[at:end]
			if places, ok := mine[line]; ok && !strings.Contains(now, line) {
				for _, from := range places {
					spans = overlay(spans, from, cut(src, at, end))
				}
				delete(mine, line)
			}
			at = end
		}
	}
	return spans, nil
}
