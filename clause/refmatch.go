package clause

import "strings"

// A reference to articles is read by hand, as the expression refReRule
// (in the tests) reads it: "l'article 28.1", "articles 12, 13 et 14",
// "art. L. 162-5", "article 2 bis". Go's backtracker ran over a window of
// 400 bytes from every keyword, then another expression over the list to
// find its numbers again: the most costly part of reading a clause's
// facts. Every choice of the expression is decided by the next byte, so
// the first path the backtracker would take is read straight.

// refMatch is one reference: m holds the submatch indexes of refReRule in
// s (whole match, keyword, list of numbers), nums the spans of the
// numbers of the list, relative to its start.
type refMatch struct {
	m    []int
	nums [][2]int
}

// refMatchWidth is how far from its keyword a reference is read.
const refMatchWidth = 400

// refMatchesAt reads a reference at each keyword start of s, skipping
// those inside the one read before, as matchesAt does with refReRule.
func refMatchesAt(s string, starts []int) []refMatch {
	var out []refMatch
	last := 0
	for _, i := range starts {
		if i < last {
			continue
		}
		r, ok := matchRef(factWindow(s, i, refMatchWidth))
		if !ok {
			continue
		}
		for k := range r.m {
			r.m[k] += i
		}
		out = append(out, r)
		last = r.m[1]
	}
	return out
}

// matchRef reads a reference at the start of w: the keyword ("article",
// "articles", "art.", in any case), a blank, "n°" and a blank maybe, then
// numbers joined by commas, "et", "à" or "ou".
func matchRef(w string) (refMatch, bool) {
	kw := refKeywordEnd(w)
	if kw < 0 || kw >= len(w) || !perlSpace(w[kw]) {
		return refMatch{}, false
	}
	i := kw + 1
	if strings.HasPrefix(w[i:], "n°") {
		i += len("n°")
		if i < len(w) && perlSpace(w[i]) {
			i++
		}
	}
	end := refNumEnd(w, i)
	if end < 0 {
		return refMatch{}, false
	}
	list := i
	nums := [][2]int{{0, end - list}}
	for {
		j := refSeparatorEnd(w, end)
		if j < 0 {
			break
		}
		e := refNumEnd(w, j)
		if e < 0 {
			break
		}
		nums = append(nums, [2]int{j - list, e - list})
		end = e
	}
	return refMatch{m: []int{0, end, 0, kw, list, end}, nums: nums}, true
}

// refKeywordEnd is the end of "article", "articles" or "art." at the
// start of w, in any case as (?i) reads it (ſ is an s), or -1. "articles"
// is a keyword only before a blank; "article" then is none either, its
// "s" being no blank.
func refKeywordEnd(w string) int {
	if len(w) >= len("article") && foldASCII(w[:len("article")], "article") {
		k := len("article")
		if k < len(w) && (w[k] == 's' || w[k] == 'S') {
			k++
		} else if strings.HasPrefix(w[k:], "ſ") {
			k += len("ſ")
		}
		return k
	}
	if len(w) >= len("art.") && foldASCII(w[:len("art.")], "art.") {
		return len("art.")
	}
	return -1
}

// foldASCII reports whether s is lower, an ASCII word without s or k,
// in any case.
func foldASCII(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// refNumEnd is the end of one article number at p in w ("12", "1er",
// "28.1", "L. 162-5", "R*423-1", "2 bis", "premier"), or -1.
func refNumEnd(w string, p int) int {
	if strings.HasPrefix(w[p:], "premier") {
		return p + len("premier")
	}
	q := p
	if q < len(w) && strings.IndexByte("LRDA", w[q]) >= 0 {
		r := q + 1
		for _, c := range []byte{'.', '*'} {
			if r < len(w) && w[r] == c {
				r++
			}
		}
		if r < len(w) && perlSpace(w[r]) {
			r++
		}
		if r < len(w) && isDigit(w[r]) {
			q = r
		}
	}
	if q >= len(w) || !isDigit(w[q]) {
		return -1
	}
	q = digitsEnd(w, q)
	if strings.HasPrefix(w[q:], "er") {
		q += len("er")
	}
	for q+1 < len(w) && (w[q] == '.' || w[q] == '-') && isDigit(w[q+1]) {
		q = digitsEnd(w, q+1)
	}
	if q < len(w) && perlSpace(w[q]) {
		for _, rank := range latinRanks {
			if e := q + 1 + len(rank); strings.HasPrefix(w[q+1:], rank) && (e == len(w) || !asciiWordByte(w[e]) && w[e] != '_') {
				return e
			}
		}
	}
	return q
}

// latinRanks follow a number ("2 bis"), in this order.
var latinRanks = [...]string{"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "decies"}

// refSeparatorEnd is the end of what joins two numbers of a list at p in
// w (", ", " , ", " et ", " à ", " ou "), or -1.
func refSeparatorEnd(w string, p int) int {
	q := p
	if q < len(w) && perlSpace(w[q]) {
		q++
	}
	if q+1 < len(w) && w[q] == ',' && perlSpace(w[q+1]) {
		return q + 2
	}
	if q == p {
		return -1
	}
	for _, link := range [...]string{"et", "à", "ou"} {
		if e := q + len(link); strings.HasPrefix(w[q:], link) && e < len(w) && perlSpace(w[e]) {
			return e + 1
		}
	}
	return -1
}

// perlSpace is \s of Go's expressions: ASCII blanks only.
func perlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
