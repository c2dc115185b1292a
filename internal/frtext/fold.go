package frtext

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/swar"
	"golang.org/x/text/unicode/norm"
)

// Typography folds one typographic rune to its ASCII form: apostrophes
// and primes to ', quotation marks and guillemets to ", hyphens, dashes
// and the minus sign to -. Other runes are returned unchanged. Word
// processors disagree on these, negotiators do not.
func Typography(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ', '‚', '‛', '′', '´', '`':
		return '\''
	case '«', '»', '“', '”', '„', '‟':
		return '"'
	case '\u2010', '\u2011', '\u2012', '–', '—', '\u2015', '−':
		return '-'
	}
	return r
}

// Invisible tells the characters that show nothing and mean nothing in a
// French text: soft hyphens, zero-width spaces, joiners and non-joiners,
// the word joiner, byte order marks. Whether two texts say the same thing
// (cosmetic changes) and what facts they state read past the same set.
func Invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// IsApostrophe reports whether r is an apostrophe as typed or as set by a
// word processor: "l'article", "l’article".
func IsApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Fold is the form in which two names compare equal when they differ only
// in case, accents, ligatures, typography or spacing: lower case, accents
// removed, œ spelt oe, typographic marks folded (see Typography), every
// run of white space (no-break spaces included) one space, trimmed.
// "PRÉAMBULE" and "Préambule" fold to "preambule".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if t := Typography(r); t != r {
			b.WriteRune(t)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // an accent typed apart from its letter
		}
		b.WriteString(foldLetter(r))
	}
	return b.String()
}

// foldLetter is the lower-case form of a non-ASCII rune without its
// accents: the letters and digits of its compatibility decomposition
// ("é" → "e", "ﬁ" → "fi", "²" → "2"), ligatures that do not decompose spelt
// out, and the rune itself lower-cased when nothing ASCII remains of it.
func foldLetter(r rune) string {
	switch r {
	case 'œ', 'Œ':
		return "oe"
	case 'æ', 'Æ':
		return "ae"
	case 'ß':
		return "ss"
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ':
		return "d"
	case 'ł', 'Ł':
		return "l"
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFKD.Append(nil, buf[:n]...)
	out := d[:0]
	for _, c := range d {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			out = append(out, c)
		case c >= 'A' && c <= 'Z':
			out = append(out, c+'a'-'A')
		}
	}
	if len(out) == 0 {
		return string(unicode.ToLower(r))
	}
	return string(out)
}

// Slug folds s to lower-case ASCII letters and digits separated by single
// hyphens: "MG France" → "mg-france", "Fédération" → "federation",
// "Cœur" → "coeur", "28.1" → "28-1". It names clause ids, clause files,
// party branches and author e-mails.
func Slug(s string) string { return SlugMax(s, len(s)*3+8) }

// SlugMax is Slug cut to at most max bytes. A word that the limit would
// cut is dropped whole when a hyphen lies past half the limit, so that
// the slug ends on a word; a single long word is cut.
func SlugMax(s string, max int) string {
	b := make([]byte, 0, min(max, len(s))+8)
	hyphen := false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue // an accent typed apart from its letter
		}
		var folded string
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			default:
				hyphen = true
				continue
			}
			folded = string(rune(c))
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			folded = foldLetter(r)
			if folded[0] >= utf8.RuneSelf {
				folded = "" // nothing ASCII: a letter of another script
			}
		}
		if folded == "" {
			hyphen = true
			continue
		}
		extra := len(folded)
		if hyphen && len(b) > 0 {
			extra++
		}
		if len(b)+extra > max {
			if !hyphen {
				if k := strings.LastIndexByte(string(b), '-'); k > max/2 {
					b = b[:k]
				}
			}
			break
		}
		if hyphen && len(b) > 0 {
			b = append(b, '-')
		}
		hyphen = false
		b = append(b, folded...)
	}
	return string(b)
}

// UnaccentCapital folds an accented capital to its bare letter: É → E,
// À → A, Ç → C, È → E, Ê → E, Î → I, Ô → O, Ù → U… French typography long
// left capitals unaccented (typewriters, ASCII keyboards) and the
// Académie asks for the accents: "Conseil d'Etat" and "Conseil d'État",
// "A défaut" and "À défaut" are one spelling of the same words, and no
// word is told from another by the accent on its capital. Lower-case
// letters keep their accents: "a" and "à", "du" and "dû" are different
// words. Other runes are returned unchanged.
func UnaccentCapital(r rune) rune {
	if r < 0xC0 || !unicode.IsUpper(r) {
		return r
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Append(nil, buf[:n]...)
	if len(d) > 1 && d[0] >= 'A' && d[0] <= 'Z' {
		return rune(d[0])
	}
	return r
}

// ReformAccents writes "è" as "é" where the spelling reform of 1990 (the
// rectifications de l'orthographe, Journal officiel of 6 December 1990)
// lets both stand for one word: before one or two consonants and a mute
// "e", as in "réglementation" / "règlementation", "événement" /
// "évènement", "céderai" / "cèderai". The accent that ends a word or sits
// before a final consonant is left alone: "près" and "prés", "dès" and
// "dés" are different words, and so are "complète" and "complété" (the
// "e" that follows must be bare).
func ReformAccents(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := 0; ; {
		k := strings.Index(s[i:], "è")
		if k < 0 {
			break
		}
		at := i + k
		i = at + len("è")
		if !beforeMuteSyllable(s[i:]) {
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:at])
		b.WriteString("é")
		done = i
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// beforeMuteSyllable reports whether s starts with one or two consonants
// followed by a bare "e".
func beforeMuteSyllable(s string) bool {
	k := 0
	for k < len(s) && k < 2 && isConsonant(s[k]) {
		k++
	}
	return k > 0 && k < len(s) && s[k] == 'e'
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !strings.ContainsRune("aeiouy", rune(c))
}

// IndexFold is strings.Index for an ASCII lower-case needle, ignoring the
// case of s: a cheap test before an expression that ignores case too. It
// runs over whole texts of a diff, eight bytes at a time: with v holding
// them, v|0x20… lower-cases the ASCII letters, and the bytes then equal to
// the needle's first are the places to compare it at.
func IndexFold(s, needle string) int {
	last := len(s) - len(needle)
	first := uint64(needle[0]) * swar.Ones
	// The byte after a candidate is compared as its first was before
	// EqualFold is asked: the needle's first letter is often a frequent
	// one ("euro", "pour cent"). Only for an ASCII needle, which only
	// ASCII bytes may match, their case aside.
	second := -1
	if len(needle) > 1 && isASCII(needle) {
		second = int(needle[1] | 0x20)
	}
	i := 0
	for ; i+8 <= len(s) && i <= last; i += 8 {
		for m := swar.ZeroBytes((swar.Load(s, i) | 0x20*swar.Ones) ^ first); m != 0; m &= m - 1 {
			j := i + bits.TrailingZeros64(m)/8
			if j > last {
				return -1
			}
			if second >= 0 && int(s[j+1]|0x20) != second {
				continue
			}
			if strings.EqualFold(s[j:j+len(needle)], needle) {
				return j
			}
		}
	}
	for ; i <= last; i++ {
		if s[i]|0x20 == needle[0] && strings.EqualFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// LastWord is the run of letters that ends s: the word a line or a phrase
// stops on.
func LastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	return s[i:]
}
