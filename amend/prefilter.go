package amend

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A prefilter holds the words every match of a pattern contains: each of
// its clauses is met when the text holds one of the clause's words. It is
// read off the pattern's syntax tree, so it follows every change to a
// pattern. The words of all the screened patterns are looked for in a
// case-folded text in one pass (see vocabulary), and a pattern whose
// clauses a text does not meet is never run on it: the backtracking of the
// expressions was the most of what `avenant diff` spent on texts that hold
// no instruction.
type prefilter [][]string

func prefilterFor(src string) prefilter {
	// The words are folded anyway (foldCase): parsed without its case
	// flag, a pattern's classes (\pL…) are not folded to every case, two
	// fifths of what screening cost each run. TestPrefilterIgnoresCase
	// holds the result to the pattern's own.
	tree, err := syntax.Parse(strings.TrimPrefix(src, "(?i)"), syntax.Perl)
	if err != nil {
		return nil
	}
	return prefilterOf(tree)
}

// prefilterOf returns the clauses every match of re must meet; none when
// the pattern can match without a fixed word.
func prefilterOf(re *syntax.Regexp) prefilter {
	switch re.Op {
	case syntax.OpLiteral:
		return prefilter{{foldCase(string(re.Rune))}}
	case syntax.OpCapture, syntax.OpPlus:
		return prefilterOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return prefilterOf(re.Sub[0])
		}
	case syntax.OpConcat:
		var all prefilter
		for _, sub := range re.Sub {
			all = append(all, prefilterOf(sub)...)
		}
		return all
	case syntax.OpAlternate:
		// Any branch may match: one clause, the union of each branch's
		// most selective clause.
		var words []string
		for _, sub := range re.Sub {
			best := bestClause(prefilterOf(sub))
			if best == nil {
				return nil
			}
			words = append(words, best...)
		}
		return prefilter{words}
	}
	return nil
}

// bestClause is the clause whose shortest word is the longest, the one a
// text meets least by chance.
func bestClause(p prefilter) []string {
	var best []string
	bestLen := 0
	for _, c := range p {
		if n := shortest(c); n > bestLen || n == bestLen && len(c) < len(best) {
			best, bestLen = c, n
		}
	}
	return best
}

func shortest(words []string) int {
	n := -1
	for _, w := range words {
		if n < 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}

// foldCase maps every rune to the smallest rune of its case-folding orbit,
// the form in which the regexp parser keeps a case-insensitive literal:
// two runes a (?i) literal takes for each other fold the same ("ſ", "s"
// and "S" all to "S"), and a literal matching in a text is so found as a
// substring of the folded text.
func foldCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z':
			b.WriteByte(byte(r) - 'a' + 'A')
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		default:
			b.WriteRune(minFold(r))
		}
	}
	return b.String()
}

func minFold(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// foldedText is a text beside its folded form and the vocabulary's words
// found in it, found once for all the patterns tried on it.
type foldedText struct {
	text, fold string
	found      wordSet
}

func foldText(s string) foldedText {
	fold := foldCase(s)
	return foldedText{s, fold, screening().find(fold)}
}

// admits reports whether the pattern's prefilter lets f through.
func (l *lazyRegexp) admits(f foldedText) bool {
	screening()
	for _, c := range l.clauses {
		if !c.meets(f.found) {
			return false
		}
	}
	return true
}

// matches is MatchString behind the pattern's prefilter.
func (l *lazyRegexp) matches(f foldedText) bool {
	if !l.admits(f) {
		return false
	}
	if l.lastWords > 0 {
		return l.MatchString(f.text[wordsBefore(f.text, len(f.text), l.lastWords):])
	}
	return l.MatchString(f.text)
}
