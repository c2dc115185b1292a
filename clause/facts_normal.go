package clause

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Fact extraction reads texts in a normal form (normalizeFactText), so
// that a revision of their typography yields no fact.

// normalizeFactText folds the differences that carry no meaning, so that
// a cosmetic revision extracts the same facts: compatibility forms (NFKC
// turns "1ᵉʳ" into "1er" and no-break spaces into spaces), typographic
// apostrophes, dashes and quotes, invisible characters, runs of blanks. A
// line break is kept as "\n" and a blank line as "\n\n" because bullets and
// paragraphs bound sentences. A true minus sign set as a number's sign
// (see minusSign) is kept as U+2212: a hyphen or a dash before a sum may
// be a title's or a list's, a minus sign never is.
func normalizeFactText(s string) string {
	if factTextNormal(s) {
		return s
	}
	return foldFactText(s)
}

// foldFactText is normalizeFactText writing its result.
func foldFactText(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	blank, newlines := false, 0
	for i := 0; i < len(s); {
		start := i
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r == '\n':
			blank = true
			newlines++
			continue
		case unicode.IsSpace(r):
			blank = true
			continue
		case frtext.Invisible(r):
			continue
		}
		if blank && b.Len() > 0 {
			switch {
			case newlines >= 2:
				b.WriteString("\n\n")
			case newlines == 1:
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
		}
		blank, newlines = false, 0
		if visibleASCII(r) {
			// The rest of a run of visible ASCII, most of any text,
			// is written at once: Typography changes none of it.
			for i < len(s) && visibleASCII(rune(s[i])) {
				i++
			}
			b.WriteString(s[start:i])
			continue
		}
		if r == minus && minusSign(b.String(), s[i:]) {
			b.WriteRune(minus)
			continue
		}
		b.WriteRune(frtext.Typography(r))
	}
	return b.String()
}

// minus is the one character that is only ever a minus sign, never a
// hyphen or a dash: U+2212, which NFKC also makes of the superscript and
// subscript minus. The hyphen-minus, and its fullwidth and small forms,
// are left to signBefore.
const minus = '−'

// minusSign reports whether a true minus between the text written so far
// and the rest is a number's sign: a figure follows it on its line, at
// once or after blanks, and it is not set against a word or a figure before it
// ("10−15", "L. 162−5", where a typesetter took it for a hyphen).
func minusSign(before, rest string) bool {
	if startsWordBefore(before) {
		return false
	}
	rest = strings.TrimLeftFunc(rest, func(r rune) bool { return r != '\n' && unicode.IsSpace(r) || frtext.Invisible(r) })
	return rest != "" && isDigit(rest[0])
}

// normalizeFactTexts is normalizeFactText of the two texts of a clause,
// which share most of their bytes: when the old text is normal (no rune
// of it changing beside others), the new one is checked only where it
// differs, a few bytes around, and they are the same texts. same is then
// how many bytes they share at either end, the zero value when unknown.
func normalizeFactTexts(old, new string) (oldNorm, newNorm string, same ends, known bool) {
	if ok, alone := normalSpan(old, 0, len(old)); !ok || !alone {
		return normalizeFactText(old), normalizeFactText(new), ends{}, false
	}
	same = sharedEnds(old, new)
	// A byte is checked against two before it and one after: those of
	// the shared ends further than that from the change were checked in
	// the old text, among the same neighbours.
	from := max(0, same.prefix-2-utf8.UTFMax)
	for from > 0 && !utf8.RuneStart(new[from]) {
		from--
	}
	if ok, alone := normalSpan(new, from, min(len(new), len(new)-same.suffix+2)); ok && alone {
		return old, new, same, true
	}
	return old, normalizeFactText(new), ends{}, false
}

// factTextNormal reports whether normalizeFactText would give s back as
// it is, most clause texts being so already: a pass that writes nothing.
// It may say no to a few normal texts (control characters), never yes to
// one that is not.
func factTextNormal(s string) bool {
	ok, alone := normalSpan(s, 0, len(s))
	// NFKC is asked about the whole text only when a rune of it may
	// change with its neighbours (see normalRune): French texts hold
	// none, and the question was a second pass over every text.
	return ok && (alone || norm.NFKC.IsNormalString(s))
}

// normalSpan checks the bytes of s from i, a rune's start, to end as
// factTextNormal does: ok when none is folded, and alone when every
// non-ASCII rune of them is left alone by NFKC whatever stands beside it.
func normalSpan(s string, i, end int) (ok, alone bool) {
	alone = true
	span := s[:end]
	for ; i < len(span); i++ {
		// Most of any text: visible ASCII, and spaces between two
		// such bytes.
		for i < len(span) && (plainByte[span[i]] ||
			span[i] == ' ' && i > 0 && i+1 < len(s) && plainByte[s[i-1]] && plainByte[s[i+1]]) {
			i++
		}
		if i == len(span) {
			break
		}
		switch c := s[i]; {
		case c == ' ':
			// Between two words, alone.
			if i == 0 || i+1 == len(s) || blankByte(s[i-1]) || blankByte(s[i+1]) {
				return false, false
			}
		case c == '\n':
			// Ending a line or a paragraph, the next one starting at once.
			if i == 0 || i+1 == len(s) || s[i-1] == ' ' || s[i+1] == ' ' ||
				s[i-1] == '\n' && (i < 2 || blankByte(s[i-2])) {
				return false, false
			}
		case c < utf8.RuneSelf:
			return false, false
		default:
			k, w := normalRuneAt(s, i)
			switch k {
			case runeFolded:
				return false, false
			case runeInContext:
				alone = false
			}
			i += w - 1
		}
	}
	return true, alone
}

// normalRuneAt is normalRune of the rune of s at i, and its width. A
// rune of two bytes (Latin letters with their accents, most of what a
// French text holds beyond ASCII) is put together here and looked up
// in normalRunes.
func normalRuneAt(s string, i int) (kind uint32, w int) {
	if c := s[i]; c >= 0xc2 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
		if k := normalRunes[rune(c&0x1f)<<6|rune(s[i+1]&0x3f)].Load(); k != runeUnknown {
			return k, 2
		}
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return normalRune(r, w), w
}

// plainByte marks the ASCII bytes that normalizeFactText keeps whatever
// stands around them: visibleASCII's.
var plainByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = visibleASCII(rune(c))
	}
	return t
}()

// What normalizeFactText does to a non-ASCII rune.
const (
	runeUnknown   = iota // not yet asked (normalRunes)
	runeKept             // nothing, whatever its neighbours
	runeInContext        // nothing alone, maybe something beside others (NFKC)
	runeFolded           // changes it or drops it
)

// normalRunes caches normalRune for the runes of Latin, Greek and
// Cyrillic letters, punctuation and symbols, which a text asks about
// again and again.
var normalRunes [0x3000]atomic.Uint32

// normalRune tells what normalizeFactText does to the non-ASCII rune r,
// w bytes long. A rune that NFKC keeps (quick check yes), that combines
// with no rune before it and has no combining class leaves every text
// of such runes and ASCII as NFKC has it: each starts a segment of its
// own (x/text's quickSpan says so, rune by rune).
func normalRune(r rune, w int) uint32 {
	if w == 1 {
		return runeFolded // invalid UTF-8
	}
	if r < rune(len(normalRunes)) {
		if k := normalRunes[r].Load(); k != runeUnknown {
			return k
		}
	}
	var k uint32
	var buf [utf8.UTFMax]byte
	b := buf[:utf8.EncodeRune(buf[:], r)]
	switch {
	case unicode.IsSpace(r) || frtext.Invisible(r) || frtext.Typography(r) != r || !norm.NFKC.IsNormal(b):
		k = runeFolded
	case norm.NFKC.Properties(b).BoundaryBefore():
		k = runeKept
	default:
		k = runeInContext
	}
	if r < rune(len(normalRunes)) {
		normalRunes[r].Store(k)
	}
	return k
}

func blankByte(c byte) bool { return c == ' ' || c == '\n' }

// visibleASCII tells the ASCII runes that are neither blank nor folded by
// frtext.Typography (which turns a backquote into an apostrophe).
func visibleASCII(r rune) bool {
	return r > ' ' && r < utf8.RuneSelf && r != '`'
}
