package clause

import (
	"bytes"
	"hash/maphash"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// The aligner's canonical folding: what it compares and hashes to find
// clauses whose texts differ only in case, typography and white space,
// and the heading rest that identifies a heading across renumbering.

// canonRune is the canonical form of one non-ASCII rune: lower case, and
// typography folded (see frtext.Typography).
func canonRune(r rune) rune {
	return unicode.ToLower(frtext.Typography(r))
}

// canonScanner yields the runes of the canonical form of a string: folded
// runes, every run of white space collapsed to one space, none at either
// end. It lets two texts be compared or hashed without building the
// canonical strings.
type canonScanner struct {
	s       string
	i       int
	started bool
	pending bool
}

func (c *canonScanner) next() (rune, bool) {
	for c.i < len(c.s) {
		b := c.s[c.i]
		var r rune
		size := 1
		if b < utf8.RuneSelf {
			if isSpaceByte(b) {
				c.i++
				c.pending = c.started
				continue
			}
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			r = rune(b)
		} else {
			r, size = utf8.DecodeRuneInString(c.s[c.i:])
			if unicode.IsSpace(r) {
				c.i += size
				c.pending = c.started
				continue
			}
			r = canonRune(r)
		}
		if c.pending {
			c.pending = false
			return ' ', true
		}
		c.i += size
		c.started = true
		return r, true
	}
	return 0, false
}

// asciiFold maps an ASCII byte to its canonical form, 0 for white space.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for b := range t {
		c := byte(b)
		switch {
		case isSpaceByte(c):
			c = 0
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		t[b] = c
	}
	return t
}()

// canonAppend appends the canonical form of s to buf. It is canonScanner
// unrolled, since every text of both documents goes through it; hashing
// the result with maphash is much faster than folding runes into FNV.
func canonAppend(buf []byte, s string) []byte {
	started, pending := false, false
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if asciiFold[b] == b {
				// A run of bytes that are their own canonical form
				// (lower-case letters, digits, punctuation) is copied
				// whole.
				j := i + 1
				for j < len(s) && s[j] < utf8.RuneSelf && asciiFold[s[j]] == s[j] {
					j++
				}
				buf, pending, started = spaceOwed(buf, pending), false, true
				buf = append(buf, s[i:j]...)
				i = j
				continue
			}
			i++
			f := asciiFold[b]
			if f == 0 && b != 0 {
				pending = started
				continue
			}
			buf, pending, started = spaceOwed(buf, pending), false, true
			buf = append(buf, f)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			pending = started
			continue
		}
		buf, pending, started = spaceOwed(buf, pending), false, true
		buf = utf8.AppendRune(buf, canonRune(r))
	}
	return buf
}

// spaceOwed appends the one space that a run of white space between two
// words of canonAppend's output becomes.
func spaceOwed(buf []byte, pending bool) []byte {
	if pending {
		return append(buf, ' ')
	}
	return buf
}

// hashSeed only has to be the same for both documents of one alignment:
// the hashes group equal texts and never decide an order.
var hashSeed = maphash.MakeSeed()

// canonEqual reports whether a and b have the same canonical form.
func canonEqual(a, b string) bool {
	if a == b {
		return true
	}
	sa, sb := canonScanner{s: a}, canonScanner{s: b}
	for {
		ra, oka := sa.next()
		rb, okb := sb.next()
		if oka != okb || ra != rb {
			return false
		}
		if !oka {
			return true
		}
	}
}

// isBlank reports whether s holds no visible character.
func isBlank(s string) bool {
	sc := canonScanner{s: s}
	_, ok := sc.next()
	return !ok
}

// headingRestBuf is the canonical heading without its kind word and number:
// "Article 12 - Consultation" gives "consultation", "Titre II" gives "".
// Renumbering changes the number but not the rest, so the rest is what
// identifies a heading across versions. buf is scratch space, returned
// for reuse, so that only the result is allocated.
func headingRestBuf(heading, number string, buf []byte) (string, []byte) {
	if isBlank(heading) {
		return "", buf
	}
	buf = canonAppend(buf[:0], heading)
	hl := len(buf)
	buf = canonAppend(buf, number)
	h, num := buf[:hl], buf[hl:]
	if len(num) == 0 {
		return string(h), buf
	}
	from := 0
	for {
		k := bytes.Index(h[from:], num)
		if k < 0 {
			return string(h), buf
		}
		start, end := from+k, from+k+len(num)
		if wordEdge(h, start-1) && wordEdge(h, end) {
			return string(bytes.TrimLeft(h[end:], " -:.,;)/")), buf
		}
		from = start + 1
	}
}

// wordEdge reports whether byte i of s is outside s or not part of a word,
// so that the number "i" is not found inside "titre".
func wordEdge(s []byte, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	b := s[i]
	if b >= utf8.RuneSelf {
		r, _ := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError {
			// Inside a multi-byte rune: look back for its start.
			for j := i; j >= 0 && j > i-utf8.UTFMax; j-- {
				if utf8.RuneStart(s[j]) {
					r, _ = utf8.DecodeRune(s[j:])
					break
				}
			}
		}
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return !('a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9')
}
