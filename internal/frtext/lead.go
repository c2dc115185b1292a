package frtext

import (
	"strings"
	"unicode/utf8"
)

// The start (or end) of a text as a message or a view shows it, cut
// between words. Lead makes a one-line excerpt that names a clause
// ("Les parties conviennent…"); HeadAtWord and TailAtWord keep the text
// as written, line breaks included, as context around a change.

// Lead is the start of s on one line: its words joined by single spaces,
// at most maxWords of them and at most maxRunes runes in all (0: no
// bound), then "…" when words were left out. A first word longer than
// maxRunes is cut. Words are cut at ASCII white space only: a no-break
// space stays within its word ("art.\u00a05"), as it is printed.
func Lead(s string, maxWords, maxRunes int) string {
	var b strings.Builder
	words, runes := 0, 0
	for i := 0; i < len(s); {
		for i < len(s) && isASCIISpace(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		j := i
		for j < len(s) && !isASCIISpace(s[j]) && (maxRunes == 0 || j-i <= 4*maxRunes) {
			j++
		}
		w := s[i:j]
		n := utf8.RuneCountInString(w)
		switch {
		case maxWords > 0 && words == maxWords, maxRunes > 0 && words > 0 && runes+1+n > maxRunes:
			return b.String() + "…"
		case maxRunes > 0 && n > maxRunes:
			return string([]rune(w)[:maxRunes]) + "…"
		}
		if words > 0 {
			b.WriteByte(' ')
			runes++
		}
		b.WriteString(w)
		runes += n
		words++
		i = j
	}
	return b.String()
}

func isASCIISpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// HeadAtWord returns the start of s, at most about n runes, cut after a
// word; s whole when it is no longer.
func HeadAtWord(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexAny(cut, " \n"); i > 0 {
		cut = cut[:i]
	}
	return cut
}

// TailAtWord returns the end of s, at most about n runes, cut before a
// word; s whole when it is no longer.
func TailAtWord(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[len(r)-n:])
	if i := strings.IndexAny(cut, " \n"); i >= 0 && i < len(cut)-1 {
		cut = cut[i+1:]
	}
	return cut
}
