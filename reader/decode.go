package reader

import (
	"bytes"
	"fmt"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/internal/swar"
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

// truncatedUTF16 is the error of UTF-16 cut short.
const truncatedUTF16 = "truncated UTF-16 text (an odd number of bytes): its end is missing"

// Decode turns the bytes of a text document into normalised text: UTF-8,
// NFC, "\n" line endings, no control character but "\n" and "\t", plain
// spaces for non-breaking ones, trailing blanks and extra blank lines
// removed, and PDF clean-up when the text holds page breaks. See the package
// documentation for the reasons. Errors are *Error wrapping errEmpty or
// errBinary. The text returned shares data's memory when data is UTF-8
// that needs no change but at its end (see output): data must not change
// afterwards.
func Decode(data []byte) (string, error) {
	if len(data) == 0 {
		return "", &Error{Err: errEmpty}
	}
	var m mapping
	switch {
	case (bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)) && len(data)%2 == 1:
		// UTF-16 comes in pairs of bytes: an odd count is a file cut
		// short (a copy or a download interrupted), its end lost.
		return "", &Error{Err: errTruncated, Detail: truncatedUTF16}
	case bytes.HasPrefix(data, bomUTF16LE):
		m = mapText(decodeUTF16(data, xunicode.LittleEndian))
	case bytes.HasPrefix(data, bomUTF16BE):
		m = mapText(decodeUTF16(data, xunicode.BigEndian))
	default:
		body := data
		if bytes.HasPrefix(data, bomUTF8) {
			// A BOM is a promise the rest may break: what follows is
			// then decoded as if it had none rather than refused.
			body = data[len(bomUTF8):]
		} else if bytes.IndexByte(data, 0) >= 0 {
			return "", &Error{Err: errBinary, Detail: "binary file (NUL bytes), not a text document" + utf16Hint(data)}
		}
		// The text is read in place, not copied, and taken for UTF-8
		// until the mapping meets a byte that says otherwise.
		if m = mapText(unsafe.String(unsafe.SliceData(body), len(body))); m.invalid {
			m = mapText(notUTF8(body))
		}
	}
	if m.controls > 0 && m.controls*100 > m.total*binaryPercent {
		return "", &Error{Err: errBinary, Detail: fmt.Sprintf(
			"binary file (%d%% control characters), not a text document", m.controls*100/m.total)}
	}
	text := m.text
	if m.pages {
		text = cleanPDFText(text)
	}
	if m.pages || !m.composed {
		// The mapping spares nearly every text the NFC check; cleaning
		// a PDF's text joins lines, so it is left to NFC there.
		text = toNFC(text)
	}
	if text == "" {
		return "", &Error{Err: errEmpty, Detail: "empty file (only whitespace)"}
	}
	return framePipeTables(partGluedCells(partGluedAmounts(unescapeMarkdown(text)))), nil
}

// unescapeMarkdown drops the backslashes Markdown puts before a punctuation
// mark to keep it literal ("1\.", "\-", "\*", "\[", "\'" in pandoc's
// output), before a space (pandoc's no-break space) and at the end of a
// line (a hard break): what the text says is the mark, and the same text
// from Word has none. A backslash before a letter or a digit is the text's
// own ("C:\dossier"), and "\|" stays, a pipe written inside a table cell.
// A run of backslashes counts as one, so that reading the result again
// changes nothing (legal texts have no use for a backslash before a mark).
func unescapeMarkdown(text string) string {
	i := strings.IndexByte(text, '\\')
	if i < 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i >= 0 {
		b.WriteString(text[:i])
		k := i
		for k < len(text) && text[k] == '\\' {
			k++
		}
		switch {
		case k < len(text) && text[k] != '|' && isASCIIPunct(text[k]):
		case i > 0 && text[i-1] != '\n' && text[i-1] != ' ' && k < len(text) && (text[k] == ' ' || text[k] == '\n'):
			// pandoc's no-break space ("30\ €") and hard line break,
			// after a word: no line starts or ends with a blank.
		default:
			b.WriteByte('\\')
		}
		text = text[k:]
		i = strings.IndexByte(text, '\\')
	}
	b.WriteString(text)
	return b.String()
}

// isASCIIPunct reports the marks CommonMark lets a backslash escape.
func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
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

// notUTF8 reads bytes that are not all UTF-8: each byte that is not part
// of a UTF-8 sequence as Windows-1252, so that a text mostly in UTF-8 with
// a few stray bytes (a paragraph pasted from an older file, a "é" typed in
// another editor) keeps its UTF-8: read whole as Windows-1252, its every
// "é" became "Ã©" and its "€" "â‚¬", and an amount lost its currency. In a
// text in Windows-1252 a UTF-8 sequence is chance: a capital with an
// accent followed by a sign ("É»" is UTF-8 "ɻ"). Such a chance sequence
// of two bytes reads as a character beyond Latin Extended-A, which a
// French text written in UTF-8 hardly holds, and is read as
// Windows-1252; one of three bytes needs two signs in a row after an
// accented letter ("â€™" is the mojibake of ’), which no French text has.
func notUTF8(data []byte) string {
	out := make([]byte, 0, len(data)+len(data)/8)
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || size == 2 && r > latinExtendedA {
			r, size = charmap.Windows1252.DecodeByte(c), 1
		}
		out = utf8.AppendRune(out, r)
		i += size
	}
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// latinExtendedA is the last character of the blocks of French letters
// (œ and Œ among them).
const latinExtendedA = '\u017f'

// utf16Hint names the likely cause of NUL bytes in a text: UTF-16 without
// its byte-order mark, whose every other byte is NUL in a Latin text. It
// is not decoded (see the package documentation), but the user is told
// what to do.
func utf16Hint(data []byte) string {
	head := data[:min(len(data), 4096)]
	var nul [2]int
	for i, c := range head {
		if c == 0 {
			nul[i%2]++
		}
	}
	if len(head) >= 16 && max(nul[0], nul[1]) > len(head)/4 && min(nul[0], nul[1]) <= len(head)/64 {
		return " (UTF-16 without a byte-order mark? save it as UTF-8)"
	}
	return ""
}

// windows1252 and decodeUTF16 return the decoder's own bytes as the
// string: nothing else holds them.
func windows1252(data []byte) string {
	// The decoder maps every byte to a rune and never fails; given room
	// for what it writes (known from the bytes), it writes it at once
	// rather than into a buffer it grows.
	size := len(data)
	for _, c := range data {
		if c >= utf8.RuneSelf {
			size += utf8.RuneLen(charmap.Windows1252.DecodeByte(c)) - 1
		}
	}
	out := make([]byte, size)
	n, _, err := charmap.Windows1252.NewDecoder().Transform(out, data, true)
	if err != nil {
		// Not with room for every rune; kept so that a decoder that
		// changed could not cut the text short.
		out, _ = charmap.Windows1252.NewDecoder().Bytes(data)
		n = len(out)
	}
	return unsafe.String(unsafe.SliceData(out), n)
}

func decodeUTF16(data []byte, order xunicode.Endianness) string {
	// ExpectBOM consumes the mark; unpaired surrogates become U+FFFD
	// rather than an error, so text is never refused for one bad
	// character (an odd final byte, a text cut short, is refused before).
	out, _ := xunicode.UTF16(order, xunicode.ExpectBOM).NewDecoder().Bytes(data)
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// mapping is what mapRunes makes of a text.
type mapping struct {
	text string
	// controls counts the control characters removed, for the binary
	// check, and total the runes read.
	controls, total int
	// pages: the text has a form feed, and tidying was left undone.
	pages bool
	// composed: every rune written is one NFC leaves alone whatever
	// stands around it (see inertRunes), so that text is in NFC.
	composed bool
	// invalid: the text is not UTF-8, and the mapping stopped there.
	invalid bool
}

// mapText maps text for Decode: tidied in the same pass, unless it has page
// breaks (cleanPDFText tidies those its own way).
func mapText(text string) mapping {
	m := mapRunes(text, true)
	if m.pages {
		m = mapRunes(text, false)
		m.pages = true
	}
	return m
}

// mapRunes applies the rune-level normalisations in one pass. Form feeds
// are kept for cleanPDFText to see the pages. With tidy, the same pass
// tidies the lines (see lineWriter) unless the text has a form feed: it
// then stops and reports pages, for the caller to map it again untidied.
func mapRunes(s string, tidy bool) mapping {
	m := mapping{composed: true}
	w := lineWriter{tidy: tidy, out: output{src: s}}
	var inert inertRunes
	for i := 0; i < len(s); {
		// Most of any text is runs of visible characters and the blanks
		// between them, which the mapping keeps as they are: such a run
		// is written at once.
		if n, runes, composed := plainRun(s[i:], &inert); n > 0 {
			w.run(s[i : i+n])
			m.total += runes
			m.composed = m.composed && composed
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 && r == utf8.RuneError {
			return mapping{invalid: true}
		}
		i += size
		m.total++
		switch r {
		case '\n':
			w.newline()
		case '\f':
			if tidy {
				return mapping{pages: true}
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
			if sanitize.IsBidi(r) || sanitize.IsInvisible(r) {
				continue // see sanitize.IsBidi and IsInvisible
			}
			if unicode.IsControl(r) {
				// An escape sequence goes as a whole: dropping only
				// its ESC would leave "[31m" or "]0;title" in the text.
				if n := sanitize.Sequence(s[i-size:]); n > size {
					if !utf8.ValidString(s[i : i-size+n]) {
						return mapping{invalid: true}
					}
					m.total += utf8.RuneCountInString(s[i : i-size+n])
					i += n - size
				}
				m.controls++
				continue
			}
			// U+1680, the one space not mapped above.
			if m.composed && !inert.has(r, s[i-size:i]) {
				m.composed = false
			}
			w.rune(s[i-size : i])
		}
	}
	w.end()
	m.text = w.out.String()
	return m
}

// plainRun returns how many bytes s starts with that the mapping keeps as
// they are (printable ASCII, tabs, and every rune from U+00A0 on but the
// spaces, U+FEFF, the bidi and the invisible characters), how many runes they make, and whether all of them
// are inert (see inertRunes).
func plainRun(s string, inert *inertRunes) (n, runes int, composed bool) {
	composed = true
	// extra counts the bytes after the first of each rune.
	extra := 0
	for n < len(s) {
		n += printable(s[n:])
		if n == len(s) {
			break
		}
		c := s[n]
		if c == '\t' {
			n++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		var r rune
		var size int
		if c >= 0xC2 && c < 0xE0 && n+1 < len(s) && s[n+1]&0xC0 == 0x80 {
			// Two bytes, as nearly every rune of a French text beyond
			// ASCII: decoded here, as DecodeRuneInString would, without
			// the call.
			r, size = rune(c&0x1F)<<6|rune(s[n+1]&0x3F), 2
		} else {
			r, size = utf8.DecodeRuneInString(s[n:])
		}
		// Below U+00A0 lie the C1 controls; size 1 is invalid UTF-8.
		// Of two bytes, only U+00A0 is a space, U+00AD invisible and
		// U+061C a bidi mark.
		if size == 2 {
			if r <= 0xA0 || r == '\u00ad' || r == '\u061c' {
				break
			}
		} else if r < 0xA0 || size == 1 || r == '\uFEFF' || unicode.IsSpace(r) || sanitize.IsBidi(r) || sanitize.IsInvisible(r) {
			break
		}
		if composed && !inert.has(r, s[n:n+size]) {
			composed = false
		}
		n += size
		extra += size - 1
	}
	return n, n - extra, composed
}

// printable returns how many bytes s starts with that are printable ASCII
// (space to tilde). It looks at eight bytes at a time: with v holding them,
// a byte of v-0x20… sets its top bit when it is below 0x20, one of
// (v^0x7F…)-0x01… when it is 0x7F, one of v when it is not ASCII, and the
// lowest byte flagged is the first that is not printable (no borrow
// reaches it from the bytes below, which are).
func printable(s string) int {
	const ones, tops = swar.Ones, 0x80 * swar.Ones
	i := 0
	for ; i+8 <= len(s); i += 8 {
		v := swar.Load(s, i)
		if t := (v | (v - 0x20*ones) | ((v ^ 0x7F*ones) - ones)) & tops; t != 0 {
			return i + bits.TrailingZeros64(t)/8
		}
	}
	for i < len(s) && s[i] >= ' ' && s[i] < 0x7F {
		i++
	}
	return i
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
	return c.known[uint8(r)^uint8(r>>8)] == r || c.learn(r, enc)
}

// learn asks norm whether r is inert, and remembers it when it is.
func (c *inertRunes) learn(r rune, enc string) bool {
	k := uint8(r) ^ uint8(r>>8)
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
	out     output
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
	w.out.writeByte(c)
}

// run writes s, which has no line break: in tidy mode, the blanks that end
// it wait for what follows.
func (w *lineWriter) run(s string) {
	// strings.TrimRight would build its set of two bytes anew for each
	// run, most of a line's cost here.
	text := s
	for text != "" && (text[len(text)-1] == ' ' || text[len(text)-1] == '\t') {
		text = text[:len(text)-1]
	}
	if text != "" {
		w.visible()
		w.out.write(text)
	}
	if w.tidy {
		w.pending = append(w.pending, s[len(text):]...)
	} else {
		w.out.write(s[len(text):])
	}
}

// rune writes the rune enc encodes.
func (w *lineWriter) rune(enc string) {
	if r, _ := utf8.DecodeRuneInString(enc); w.tidy && unicode.IsSpace(r) {
		w.pending = append(w.pending, enc...)
		return
	}
	w.visible()
	w.out.write(enc)
}

// visible writes what waits before a visible character.
func (w *lineWriter) visible() {
	if !w.tidy {
		return
	}
	if w.blank && !w.text {
		w.out.writeByte('\n')
		w.blank = false
	}
	w.text = true
	if len(w.pending) > 0 {
		w.out.write(unsafe.String(unsafe.SliceData(w.pending), len(w.pending)))
		w.pending = w.pending[:0]
	}
}

func (w *lineWriter) newline() {
	if !w.tidy {
		w.out.writeByte('\n')
		return
	}
	w.pending = w.pending[:0]
	if w.text {
		w.out.writeByte('\n')
		w.text = false
	} else {
		w.blank = w.out.len() > 0
	}
}

// end ends the last line.
func (w *lineWriter) end() {
	if w.tidy && w.text {
		w.newline()
	}
}

// output holds what a lineWriter wrote. As long as that is the start of
// src, the text mapped, it only counts its bytes, and the result is that
// start itself: most files are UTF-8 already normalised but for their
// last line break, and copying one is a fresh allocation of its size
// (about as long as the mapping). The first byte that differs copies the
// start into a buffer of src's size, written on from there.
type output struct {
	src string
	// n counts the bytes of src written, while buf is nil.
	n   int
	buf []byte
}

func (o *output) write(s string) {
	if o.buf == nil && strings.HasPrefix(o.src[o.n:], s) {
		o.n += len(s)
		return
	}
	o.own()
	o.buf = append(o.buf, s...)
}

func (o *output) writeByte(c byte) {
	if o.buf == nil && o.n < len(o.src) && o.src[o.n] == c {
		o.n++
		return
	}
	o.own()
	o.buf = append(o.buf, c)
}

// own copies what was written out of src.
func (o *output) own() {
	if o.buf == nil {
		o.buf = append(make([]byte, 0, len(o.src)+1), o.src[:o.n]...)
	}
}

func (o *output) len() int {
	if o.buf == nil {
		return o.n
	}
	return len(o.buf)
}

func (o *output) String() string {
	if o.buf == nil {
		return o.src[:o.n]
	}
	return unsafe.String(unsafe.SliceData(o.buf), len(o.buf))
}
