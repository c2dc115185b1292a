package reader

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Byte-order marks recognised by Decode.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// binaryPercent is the share of control characters above which a text is
// taken for binary. Real documents have next to none; random bytes read as
// Windows-1252 give about 13%.
const binaryPercent = 5

// Decode turns the bytes of a text document into normalised text: UTF-8,
// NFC, "\n" line endings, no control character but "\n" and "\t", plain
// spaces for non-breaking ones, trailing blanks and extra blank lines
// removed, and PDF clean-up when the text holds page breaks. See the package
// documentation for the reasons. Errors are *Error wrapping errEmpty or
// errBinary.
func Decode(data []byte) (string, error) {
	if len(data) == 0 {
		return "", &Error{Err: errEmpty}
	}
	var text string
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		text = string(data[len(bomUTF8):])
		if !utf8.ValidString(text) {
			// A BOM is a promise the rest broke; decode what follows as
			// if it had none rather than refuse the file.
			text = windows1252(data[len(bomUTF8):])
		}
	case bytes.HasPrefix(data, bomUTF16LE):
		text = decodeUTF16(data, xunicode.LittleEndian)
	case bytes.HasPrefix(data, bomUTF16BE):
		text = decodeUTF16(data, xunicode.BigEndian)
	default:
		if bytes.IndexByte(data, 0) >= 0 {
			return "", &Error{Err: errBinary, Detail: "binary file (NUL bytes), not a text document"}
		}
		if utf8.Valid(data) {
			// The text is read in place, not copied: every path below
			// writes what it returns anew (mapRunes always does), so
			// no string made here outlives the call or sees data
			// change.
			text = unsafe.String(unsafe.SliceData(data), len(data))
		} else {
			text = windows1252(data)
		}
	}

	// One pass maps the runes and tidies the lines; a text with page
	// breaks is mapped again without the tidying, which cleanPDFText
	// does its own way.
	mapped, controls, total, pages, composed := mapRunes(text, true)
	if pages {
		mapped, controls, total, _, _ = mapRunes(text, false)
	}
	if controls > 0 && controls*100 > total*binaryPercent {
		return "", &Error{Err: errBinary, Detail: fmt.Sprintf(
			"binary file (%d%% control characters), not a text document", controls*100/total)}
	}
	text = mapped
	if pages {
		text = cleanPDFText(text)
	}
	if pages || !composed {
		// The mapping spares nearly every text the NFC check; cleaning
		// a PDF's text joins lines, so it is left to NFC there.
		text = toNFC(text)
	}
	if text == "" {
		return "", &Error{Err: errEmpty, Detail: "empty file (only whitespace)"}
	}
	return text, nil
}

// toNFC is norm.NFC.String with one copy of the text instead of two when
// it is not in NFC: the bytes norm writes become the string.
func toNFC(s string) string {
	n := norm.NFC.QuickSpanString(s)
	if n == len(s) {
		return s
	}
	out := make([]byte, n, len(s))
	copy(out, s)
	out = norm.NFC.AppendString(out, s[n:])
	return unsafe.String(unsafe.SliceData(out), len(out))
}

func windows1252(data []byte) string {
	// The Windows-1252 decoder maps every byte to a rune and never fails.
	out, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(out)
}

func decodeUTF16(data []byte, order xunicode.Endianness) string {
	// ExpectBOM consumes the mark; unpaired surrogates and an odd final
	// byte become U+FFFD rather than an error, so text is never refused
	// for one bad character.
	out, _ := xunicode.UTF16(order, xunicode.ExpectBOM).NewDecoder().Bytes(data)
	return string(out)
}

// mapRunes applies the rune-level normalisations in one pass and counts the
// control characters it removed, for the binary check. Form feeds are kept
// for cleanPDFText to see the pages. With tidy, the same pass tidies the
// lines (see lineWriter) unless the text has a form feed: it then stops
// and reports pages, for the caller to map it again untidied. composed
// reports that every rune written is one NFC leaves alone whatever stands
// around it (see inertRunes), so that out is already in NFC.
func mapRunes(s string, tidy bool) (out string, controls, total int, pages, composed bool) {
	w := lineWriter{tidy: tidy}
	w.b.Grow(len(s) + 1)
	var inert inertRunes
	composed = true
	for i := 0; i < len(s); {
		// Most of any text is runs of visible characters and the blanks
		// between them, which the mapping keeps as they are: such a run
		// is written at once.
		j, end, n := i, i, 0
		for j < len(s) {
			c := s[j]
			if c > ' ' && c < 0x7F {
				k := j + 1
				for k < len(s) && s[k] > ' ' && s[k] < 0x7F {
					k++
				}
				n += k - j
				j, end = k, k
				continue
			}
			if c == ' ' || c == '\t' {
				j++
				n++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			// Below U+00A0 lie the C1 controls, and every space but
			// U+1680 is mapped below (as is invalid UTF-8, size 1).
			if r < 0xA0 || size == 1 || r == '\uFEFF' || unicode.IsSpace(r) {
				break
			}
			if composed && !inert.has(r, s[j:j+size]) {
				composed = false
			}
			j += size
			n++
			end = j
		}
		if j > i {
			w.run(s[i:end], s[end:j])
			total += n
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		total++
		switch r {
		case '\n':
			w.newline()
		case '\f':
			if tidy {
				return "", 0, 0, true, false
			}
			w.byte('\f')
		case '\r':
			w.newline()
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case '\v', '\u0085', '\u2028':
			w.newline()
		case '\u2029':
			w.newline()
			w.newline()
		case '\u00A0', '\u202F', '\u2000', '\u2001', '\u2007', '\u2009', '\u200A', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2008', '\u205F', '\u3000':
			// No-break, narrow no-break, en and em quads (which NFC
			// makes en and em spaces), figure, thin, hair, en, em…
			// spaces: French typography sets them around punctuation,
			// and they separate words as a space does.
			w.byte(' ')
		case '\uFEFF':
			// A zero-width no-break space inside the text is a BOM left
			// over by concatenating files: invisible, and not a control.
		default:
			if unicode.IsControl(r) {
				// An escape sequence goes as a whole: dropping only
				// its ESC would leave "[31m" or "]0;title" in the text.
				if n := sanitize.Sequence(s[i-size:]); n > size {
					total += utf8.RuneCountInString(s[i : i-size+n])
					i += n - size
				}
				controls++
				continue
			}
			// U+1680, the one space not mapped above.
			if composed && !inert.has(r, s[i-size:i]) {
				composed = false
			}
			w.rune(r)
		}
	}
	w.end()
	return w.b.String(), controls, total, false, composed
}

// inertRunes remembers runes found to be NFC starters that nothing before
// or after them combines or reorders with, and that NFC keeps as they are
// (NFC_Quick_Check=Yes, combining class 0, and not counted by norm toward
// its stream-safe limit): a text made of them and ASCII is in NFC, which
// norm's quick check would otherwise confirm by looking every rune up
// again. A French text uses a dozen runes beyond ASCII, so a small table
// indexed by the low bits answers nearly every time; a miss asks norm.
type inertRunes struct {
	known [256]rune
	// run is where a rune is repeated for norm, kept from one miss to
	// the next: norm keeps what it is given on the heap.
	run []byte
}

func (c *inertRunes) has(r rune, enc string) bool {
	k := uint8(r) ^ uint8(r>>8)
	if c.known[k] == r {
		return true
	}
	if !norm.NFC.PropertiesString(enc).BoundaryBefore() {
		return false
	}
	// The rune repeated past norm's stream-safe limit of 30: norm counts
	// some starters toward it (U+3133, which NFKC decomposes to a
	// trailing jamo) and would break a long enough run of them.
	if c.run == nil {
		c.run = make([]byte, 0, 31*utf8.UTFMax)
	}
	c.run = c.run[:0]
	for range 31 {
		c.run = append(c.run, enc...)
	}
	if norm.NFC.QuickSpan(c.run) != len(c.run) {
		return false
	}
	c.known[k] = r
	return true
}

// lineWriter writes mapped text. Tidy, it removes trailing blanks on every
// line, collapses runs of blank lines into one, drops blank lines at both
// ends and ends the text with one "\n" (nothing for a text with nothing
// visible): blanks wait in pending until something visible follows them
// on their line, and a blank line until a line with text follows it.
type lineWriter struct {
	b       strings.Builder
	tidy    bool
	pending []byte
	// text is set once the current line has something visible, blank
	// when a blank line waits to be written.
	text, blank bool
}

func (w *lineWriter) byte(c byte) {
	if w.tidy && (c == ' ' || c == '\t') {
		w.pending = append(w.pending, c)
		return
	}
	w.visible()
	w.b.WriteByte(c)
}

// run writes text, which has no line break and ends with a visible
// character unless empty, then the blanks that follow it.
func (w *lineWriter) run(text, blanks string) {
	if text != "" {
		w.visible()
		w.b.WriteString(text)
	}
	if w.tidy {
		w.pending = append(w.pending, blanks...)
	} else {
		w.b.WriteString(blanks)
	}
}

func (w *lineWriter) rune(r rune) {
	if w.tidy && unicode.IsSpace(r) {
		w.pending = utf8.AppendRune(w.pending, r)
		return
	}
	w.visible()
	w.b.WriteRune(r)
}

// visible writes what waits before a visible character.
func (w *lineWriter) visible() {
	if !w.tidy {
		return
	}
	if w.blank && !w.text {
		w.b.WriteByte('\n')
		w.blank = false
	}
	w.text = true
	if len(w.pending) > 0 {
		w.b.Write(w.pending)
		w.pending = w.pending[:0]
	}
}

func (w *lineWriter) newline() {
	if !w.tidy {
		w.b.WriteByte('\n')
		return
	}
	w.pending = w.pending[:0]
	if w.text {
		w.b.WriteByte('\n')
		w.text = false
	} else {
		w.blank = w.b.Len() > 0
	}
}

// end ends the last line.
func (w *lineWriter) end() {
	if w.tidy && w.text {
		w.newline()
	}
}
