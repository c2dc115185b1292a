package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wrapMark stands, in the text layoutBands sets, where a line of the page
// was wrapped onto the next: a space of the source or no space at all,
// which the page does not show. A browser breaks a line without a space
// after a dash or a question mark, and before an opening bracket that
// follows a closing one: "</tr>" over "</tbody>" in a quoted table, "a—"
// over "b". joinWraps decides once the whole text is known. A
// noncharacter, which no document holds as text: one found in a PDF is
// read as a wrap too, a space or nothing.
const wrapMark = '\uFDD0'

// joinWraps replaces every wrapMark by a space, or by nothing where a
// line may break without a space (breaksUnspaced) and the text itself
// writes the two neighbours glued more often than spaced ("><" four
// times, "> <" never, in an HTML table quoted by a bill). A dash glued to
// the word before it goes on glued, as it was opened. Without evidence, a
// space, the common case.
func joinWraps(s string) string {
	if !strings.ContainsRune(s, wrapMark) {
		return s
	}
	glued, spaced := pairUsage(s)
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexRune(s, wrapMark)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, after := s[:i], s[i+utf8.RuneLen(wrapMark):]
		b.WriteString(before)
		last, n := utf8.DecodeLastRuneInString(before)
		prev, _ := utf8.DecodeLastRuneInString(before[:len(before)-n])
		first, _ := utf8.DecodeRuneInString(after)
		p := [2]rune{last, first}
		switch {
		case !breaksUnspaced(last, first):
			b.WriteByte(' ')
		case (last == '—' || last == '–') && prev != utf8.RuneError && !unicode.IsSpace(prev):
		case glued[p] > spaced[p]:
		default:
			b.WriteByte(' ')
		}
		s = after
	}
}

// pairUsage counts, for each two characters a line may break between
// without a space, how often the text writes them side by side and how
// often with one space between them. Wraps are left out of both counts.
func pairUsage(s string) (glued, spaced map[[2]rune]int) {
	glued, spaced = map[[2]rune]int{}, map[[2]rune]int{}
	var p1, p2 rune // the two characters before r, most recent first
	for _, r := range s {
		switch {
		case r == wrapMark || p1 == wrapMark:
		case breaksUnspaced(p1, r):
			glued[[2]rune{p1, r}]++
		case p1 == ' ' && p2 != wrapMark && breaksUnspaced(p2, r):
			spaced[[2]rune{p2, r}]++
		}
		p1, p2 = r, p1
	}
	return glued, spaced
}

// breaksUnspaced reports two characters between which browsers or word
// processors may break a line though no space stands there: after a dash
// (a hyphen's cut goes through dehyphenate instead), a slash, a question
// or exclamation mark or an ellipsis, and between a closing bracket and an
// opening one (Chromium breaks "</tr></tbody>" there). Never after a
// letter, a figure, an apostrophe, a comma or a full stop: "26,50",
// "l'article" and "L.O." hold together, so a wrap there was a space.
func breaksUnspaced(last, first rune) bool {
	if unicode.IsSpace(first) {
		return false
	}
	switch {
	case strings.ContainsRune("—–‐/?!…", last):
		return true
	case strings.ContainsRune(")]}>", last):
		return strings.ContainsRune("([{<", first)
	}
	return false
}
