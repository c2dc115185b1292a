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
	mapped, controls, total, pages := mapRunes(text, true)
	if pages {
		mapped, controls, total, _ = mapRunes(text, false)
	}
	if controls > 0 && controls*100 > total*binaryPercent {
		return "", &Error{Err: errBinary, Detail: fmt.Sprintf(
			"binary file (%d%% control characters), not a text document", controls*100/total)}
	}
	text = mapped
	if pages {
		text = cleanPDFText(text)
	}
	// NFC checks first whether the text is already composed (nearly
	// always) and copies nothing then.
	text = norm.NFC.String(text)
	if text == "" {
		return "", &Error{Err: errEmpty, Detail: "empty file (only whitespace)"}
	}
	return text, nil
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
// and reports pages, for the caller to map it again untidied.
func mapRunes(s string, tidy bool) (out string, controls, total int, pages bool) {
	w := lineWriter{tidy: tidy}
	w.b.Grow(len(s) + 1)
	for i := 0; i < len(s); {
		c := s[i]
		if c > 0x20 && c < 0x7F {
			// A run of visible ASCII, most of any text, is written
			// at once.
			j := i + 1
			for j < len(s) && s[j] > 0x20 && s[j] < 0x7F {
				j++
			}
			w.visible()
			w.b.WriteString(s[i:j])
			total += j - i
			i = j
			continue
		}
		if c == ' ' {
			w.byte(c)
			i++
			total++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		total++
		switch r {
		case '\n':
			w.newline()
		case '\t':
			w.byte('\t')
		case '\f':
			if tidy {
				return "", 0, 0, true
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
			w.rune(r)
		}
	}
	w.end()
	return w.b.String(), controls, total, false
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
