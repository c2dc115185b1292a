package reader

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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
			text = string(data)
		} else {
			text = windows1252(data)
		}
	}

	text, controls, total := mapRunes(text)
	if controls > 0 && controls*100 > total*binaryPercent {
		return "", &Error{Err: errBinary, Detail: fmt.Sprintf(
			"binary file (%d%% control characters), not a text document", controls*100/total)}
	}
	if strings.IndexByte(text, '\f') >= 0 {
		text = cleanPDFText(text)
	} else {
		text = tidyLines(text)
	}
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
// for cleanPDFText to see the pages.
func mapRunes(s string) (out string, controls, total int) {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			b.WriteByte(c)
			i++
			total++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		total++
		switch r {
		case '\n', '\t', '\f':
			b.WriteRune(r)
		case '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case '\v', '\u0085', '\u2028':
			b.WriteByte('\n')
		case '\u2029':
			b.WriteString("\n\n")
		case '\u00A0', '\u202F', '\u2000', '\u2001', '\u2007', '\u2009', '\u200A', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2008', '\u205F', '\u3000':
			// No-break, narrow no-break, en and em quads (which NFC
			// makes en and em spaces), figure, thin, hair, en, em…
			// spaces: French typography sets them around punctuation,
			// and they separate words as a space does.
			b.WriteByte(' ')
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
			b.WriteRune(r)
		}
	}
	return b.String(), controls, total
}

// tidyLines removes trailing blanks on every line, collapses runs of blank
// lines into one, drops blank lines at both ends and ends the text with one
// "\n". It returns "" for text with nothing visible.
func tidyLines(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 1)
	blank := false
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
