package amend

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A quotation set aside is replaced in the frame by a placeholder: a
// control character, its index, another control character. Control
// characters never reach here from a file (package reader removes them),
// so a placeholder cannot be forged by the text.
const (
	quoteOpen  = '\x01'
	quoteClose = '\x02'
)

func placeholder(i int) string {
	return string(quoteOpen) + strconv.Itoa(i) + string(quoteClose)
}

// errUnclosedQuote is the reason given for a quotation that never ends.
var errUnclosedQuote = fmt.Errorf("a quotation is never closed")

// splitQuotes sets aside the quotations of text. It returns the frame, in
// which each quotation is a placeholder, and the quoted texts, in order.
//
// « opens and » closes, nested pairs staying inside the quotation; inside
// an open quotation, a « that opens a line is the continuation mark of
// French typography and is dropped. “ ” work the same way. A straight "
// opens a quotation when none is open and closes it otherwise, except at
// the start of a line, where it continues it.
func splitQuotes(text string) (frame string, quotes []string, err error) {
	frame, _, quotes, err = setAside(text, true)
	return frame, quotes, err
}

// frameOf is splitQuotes for a reader of the frame alone, as Amends is:
// the quotations are counted, not copied and cleaned.
func frameOf(text string) (frame string, quoted int, err error) {
	frame, quoted, _, err = setAside(text, false)
	return frame, quoted, err
}

func setAside(text string, keep bool) (frame string, quoted int, quotes []string, err error) {
	if strings.IndexByte(text, quoteOpen) >= 0 || strings.IndexByte(text, quoteClose) >= 0 {
		text = strings.Map(func(r rune) rune {
			if r == quoteOpen || r == quoteClose {
				return -1
			}
			return r
		}, text)
	}
	text = runesOf(text)
	var out, q strings.Builder
	out.Grow(len(text))
	depth := 0
	var opener, closer rune
	var marks *runeSet // what matters inside the open quotation
	lineStart := true
	for i := 0; i < len(text); {
		if depth == 0 {
			k := openers.index(text[i:])
			if k < 0 {
				out.WriteString(text[i:])
				break
			}
			out.WriteString(text[i : i+k])
			r, size := utf8.DecodeRuneInString(text[i+k:])
			i += k + size
			depth, opener, closer = 1, r, closerOf(r)
			marks = marksOf(opener)
			q.Reset()
			lineStart = false
			continue
		}
		if !lineStart {
			// The quoted text up to its next line break or mark is
			// copied as it is.
			k := marks.index(text[i:])
			if k < 0 {
				if keep {
					q.WriteString(text[i:])
				}
				break
			}
			if keep {
				q.WriteString(text[i : i+k])
			}
			i += k
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == '\n':
			lineStart = true
			if keep {
				q.WriteRune(r)
			}
			continue
		case lineStart && (r == ' ' || r == '\t'):
			continue
		case lineStart && r == opener:
			// The continuation mark of a quoted paragraph.
			lineStart = false
			continue
		case r == opener && closer != '"':
			depth++
		case r == closer:
			depth--
			if depth == 0 {
				out.WriteString(placeholder(quoted))
				if keep {
					quotes = append(quotes, cleanQuote(q.String()))
				}
				quoted++
				lineStart = false
				continue
			}
		}
		lineStart = false
		if keep {
			q.WriteRune(r)
		}
	}
	if depth > 0 {
		return "", 0, nil, errUnclosedQuote
	}
	return out.String(), quoted, quotes, nil
}

// A runeSet finds the first of a few runes in valid UTF-8 by their first
// bytes: strings.IndexAny decodes every rune of the text when one of the
// runes it looks for is not ASCII, which was most of what setting the
// quotations aside cost.
type runeSet struct {
	first [256]bool
	runes string
}

func newRuneSet(runes string) *runeSet {
	s := &runeSet{runes: runes}
	for _, r := range runes {
		s.first[string(r)[0]] = true
	}
	return s
}

func (s *runeSet) index(text string) int {
	for i := 0; i < len(text); i++ {
		if !s.first[text[i]] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[i:]); strings.ContainsRune(s.runes, r) {
			return i
		}
	}
	return -1
}

// openers are the marks that open a quotation; marksOf gives what matters
// inside one: a line break, its opener and its closer.
var (
	openers      = newRuneSet("«“\"")
	guillemets   = newRuneSet("\n«»")
	curlyQuotes  = newRuneSet("\n“”")
	straightMark = newRuneSet("\n\"")
)

func marksOf(opener rune) *runeSet {
	switch opener {
	case '«':
		return guillemets
	case '“':
		return curlyQuotes
	}
	return straightMark
}

// runesOf is s with every byte that is not UTF-8 replaced by U+FFFD, as
// ranging over s reads it: splitQuotes copies runs of text as they are.
func runesOf(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// closerOf and openerOf pair the quotation marks.
func closerOf(opener rune) rune {
	switch opener {
	case '«':
		return '»'
	case '“':
		return '”'
	}
	return opener
}

func openerOf(closer rune) rune {
	switch closer {
	case '»':
		return '«'
	case '”':
		return '“'
	}
	return closer
}

// cleanQuote trims a quotation's inner spaces and the spaces around its
// lines (a line's indentation is already left out, but for the space after
// a continuation mark: "« Il le transmet…"); paragraphs stay separated by
// a blank line.
func cleanQuote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimFunc(l, unicode.IsSpace)
	}
	s = strings.Join(lines, "\n")
	for strings.Contains(s, "\n\n\n") {
		s = strings.ReplaceAll(s, "\n\n\n", "\n\n")
	}
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' })
}

// restoreQuotes puts the quotations back into a piece of frame, for
// messages.
func restoreQuotes(frame string, quotes []string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(frame, quoteOpen)
		if i < 0 {
			b.WriteString(frame)
			return b.String()
		}
		j := strings.IndexByte(frame[i:], quoteClose)
		if j < 0 {
			b.WriteString(frame)
			return b.String()
		}
		b.WriteString(frame[:i])
		n, _ := strconv.Atoi(frame[i+1 : i+j])
		if n < len(quotes) {
			b.WriteString("« " + quotes[n] + " »")
		}
		frame = frame[i+j+1:]
	}
}
