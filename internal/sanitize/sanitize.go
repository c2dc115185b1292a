// Package sanitize is the one place that decides what text may reach a
// terminal, a JSON document, a Markdown or HTML page, or an error line.
//
// Everything avenant prints can hold text it did not write: a document's
// clauses, a label or party typed by another negotiator and pulled from
// their store, a file name, a URL, an argument echoed in an error. A
// terminal obeys escape sequences wherever they come from: CSI moves the
// cursor and hides text, OSC retitles the window or writes to the
// clipboard (OSC 52), DCS and APC reach terminal extensions. Dropping only
// the ESC byte is not enough: "\x1b[31mROUGE" would print "[31mROUGE", and
// a C1 introducer (U+009B, U+009D) starts the same sequences without any
// ESC at all. So whole sequences are removed, in their 7-bit (ESC [) and
// 8-bit (U+009B) forms, and then every remaining control character.
//
// Two uses: Text and Line clean what is about to be printed; Check refuses
// what is about to be stored (labels, parties, kinds, trailers), so that a
// store never holds a name that would need cleaning.
package sanitize

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"
)

// errControl is what Check returns, wrapped with the offending character.
var errControl = errors.New("control characters and escape sequences are not allowed")

// Text returns s without escape sequences or control characters, keeping
// "\n" and "\t": for multi-line text such as a clause. Invalid UTF-8
// becomes U+FFFD, so the result is always valid UTF-8.
func Text(s string) string { return clean(s, false) }

// Line returns s as Text does, with line breaks and tabs turned into
// spaces: for what must stay on one line (an error, a label, a table cell).
func Line(s string) string { return clean(s, true) }

// Check reports whether s is free of control characters (line breaks and
// tabs included), DEL and invalid UTF-8: what a label, a party or a kind
// must be. The error names the first offending character and its place.
func Check(s string) error {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return fmt.Errorf("invalid UTF-8 at byte %d: %w", i, errControl)
			}
		}
		if isControl(r) || IsBidi(r) {
			return fmt.Errorf("U+%04X at byte %d: %w", r, i, errControl)
		}
	}
	return nil
}

// Name returns a file's or a directory's name as an error should give it:
// as it is when it prints as it is, else quoted with its escapes written
// out ("x\x1b[31my"). Line would drop them and name another file, one the
// user never gave.
func Name(p string) string {
	if Check(p) != nil {
		return strconv.Quote(p)
	}
	return p
}

// PathReason is what went wrong with a path the user named, without the
// copy of the path an *fs.PathError carries: the message names the path
// itself, as Name gives it ("contrat.md: permission denied"), where the
// error's own copy would say it twice, raw.
func PathReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Visible returns s on one line with every character a terminal would
// obey or hide written out as a Go escape, and nothing dropped: C0, DEL
// and C1 controls ("\x1b", "\u009b"), bidi and invisible characters
// ("\u202e", "\u200d"), invalid bytes ("\xff"); line breaks and tabs
// become spaces. It is for error lines, which echo what the user typed or
// a document holds: "x\x1b[31m: unknown clause" names what was given,
// where cleaning it as Line does would name "x", another clause or file.
func Visible(s string) string {
	if !needsVisible(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case r < 0x80 && isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case isControl(r) || IsBidi(r) || IsInvisible(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsVisible(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || isControl(r) || IsBidi(r) || IsInvisible(r) {
			return true
		}
	}
	return false
}

// isControl is C0, DEL and C1.
func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }

// IsBidi reports the characters that change the order in which text is
// shown rather than what it says: the embeddings, overrides and isolates
// of the bidirectional algorithm and its three marks. A French text has no
// use for them; in a clause they make a page or a terminal show other
// words than the ones avenant compares ("Trojan Source": U+202E shows what
// follows it right to left), so they go with the control characters.
func IsBidi(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// IsInvisible reports the format characters that show nothing and mean
// nothing in a French text: the soft hyphen, the zero-width space, joiners
// and word joiner, the invisible operators, the deprecated format
// characters and the tag characters. Left in a clause, a price with one
// inside ("3,1\u200b5 €") or after it was modified, and its change shown
// as nothing at all.
func IsInvisible(r rune) bool {
	return r == '\u00ad' || r >= '\u200b' && r <= '\u200d' || r >= '\u2060' && r <= '\u2064' ||
		r >= '\u206a' && r <= '\u206f' || r == '\u180e' || r >= 0xe0000 && r <= 0xe007f
}

func clean(s string, oneLine bool) string {
	if !needsCleaning(s, oneLine) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if n := Sequence(s[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n' || r == '\t':
			if oneLine {
				r = ' '
			}
		case isControl(r) || IsBidi(r):
			continue
		}
		b.WriteRune(r) // RuneError for a bad byte: written as U+FFFD
	}
	return b.String()
}

func needsCleaning(s string, oneLine bool) bool {
	for _, r := range s {
		if r == utf8.RuneError || (isControl(r) && (oneLine || r != '\n' && r != '\t')) || IsBidi(r) {
			return true
		}
	}
	return false
}

// Introducers of the sequences a terminal reads as one unit, in their C1
// form; the 7-bit form is ESC followed by the C1 code minus 0x40.
const (
	dcs = 0x90
	sos = 0x98
	csi = 0x9b
	st  = 0x9c
	osc = 0x9d
	pm  = 0x9e
	apc = 0x9f
)

// Sequence returns the length in bytes of the escape sequence s starts
// with, or 0 when s does not start with ESC or a C1 introducer. A lone C1
// control that introduces nothing counts as a sequence of its own.
//
// Control strings (OSC, DCS, SOS, PM, APC) end at ST, at BEL (which
// xterm accepts for OSC), or, when unterminated, at the end of the line:
// a terminal would swallow the rest of the output, but a document's next
// lines are text a reader needs, not part of the attack.
func Sequence(s string) int {
	if s == "" {
		return 0
	}
	var intro rune
	var n int
	switch r, size := utf8.DecodeRuneInString(s); {
	case r == 0x1b:
		if len(s) == 1 {
			return 1
		}
		c := s[1]
		if c >= 0x40 && c < 0x60 {
			intro, n = rune(c)+0x40, 2
			break
		}
		// ESC, intermediates 0x20–0x2F, one final 0x30–0x7E (charset
		// selection, save cursor, reset…).
		j := 1
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
			j++
		}
		return j
	case r >= 0x80 && r < 0xa0:
		intro, n = r, size
	default:
		return 0
	}
	switch intro {
	case csi:
		// Parameters 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
		for n < len(s) && s[n] >= 0x20 && s[n] <= 0x3f {
			n++
		}
		if n < len(s) && s[n] >= 0x40 && s[n] <= 0x7e {
			n++
		}
		return n
	case osc, dcs, sos, pm, apc:
		return n + controlStringEnd(s[n:])
	}
	return n
}

// controlStringEnd returns how many bytes of s belong to a control string
// up to and including its terminator; a line break ends it but is kept.
func controlStringEnd(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x07 || r == st:
			return i + size
		case r == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case r == '\n':
			return i
		}
		i += size
	}
	return len(s)
}

// JSON returns the encoded JSON document b with every string cleaned as
// Text does. encoding/json escapes C0 controls ("\u001b[31m"), which a
// program reading the document turns back into the escape sequence it
// then prints, and writes C1 controls and DEL raw; cleaning the encoded
// document rather than the values keeps every JSON output, whatever its
// shape, behind one boundary.
func JSON(b []byte) []byte {
	// What needsJSONCleaning looks for stands nowhere outside a string
	// (nor across one's quotes): a document without it anywhere, as
	// nearly every document is, needs no cut into strings.
	if !needsJSONCleaning(b) {
		return b
	}
	return cleanStrings(b)
}

// cleanStrings cleans each string literal of b that needs it.
func cleanStrings(b []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(b); i++ {
		if b[i] != '"' {
			continue
		}
		end := i + 1
		for end < len(b) && b[end] != '"' {
			if b[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(b) {
			break // not JSON: nothing more to clean
		}
		lit := b[i : end+1]
		if needsJSONCleaning(lit) {
			var s string
			if json.Unmarshal(lit, &s) == nil {
				if c := Text(s); c != s {
					var enc bytes.Buffer
					e := json.NewEncoder(&enc)
					e.SetEscapeHTML(false)
					if e.Encode(c) == nil {
						out = append(append(out, b[last:i]...), bytes.TrimSuffix(enc.Bytes(), []byte("\n"))...)
						last = end + 1
					}
				}
			}
		}
		i = end
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// needsJSONCleaning spots, in an encoded string, what may decode to a
// control character: an escape other than \n, \t, \" , \\ and \/, DEL,
// a C1 control (encoded in UTF-8 as C2 80–C2 9F), or a bidi character
// (E2 80 8E–8F, E2 80 AA–AE, E2 81 A6–A9, D8 9C). Each is searched for
// with IndexByte rather than byte by byte. A byte that an escape's
// backslash covers is never DEL or C2 but where that escape is itself one
// to clean, so the three searches answer as one pass would.
func needsJSONCleaning(lit []byte) bool {
	if bytes.IndexByte(lit, 0x7f) >= 0 || hasBidi(lit) {
		return true
	}
	for i := 0; ; {
		k := bytes.IndexByte(lit[i:], 0xc2)
		if k < 0 {
			break
		}
		i += k + 1
		if i < len(lit) && lit[i] >= 0x80 && lit[i] < 0xa0 {
			return true
		}
	}
	for i := 0; ; {
		k := bytes.IndexByte(lit[i:], '\\')
		if k < 0 {
			return false
		}
		i += k + 1
		if i == len(lit) {
			return false
		}
		if !strings.ContainsRune(`nt"\/`, rune(lit[i])) {
			return true
		}
		i++ // the escaped byte
	}
}

// hasBidi reports whether b holds a character IsBidi accepts, encoded in
// UTF-8: each starts with E2 or D8.
func hasBidi(b []byte) bool {
	for _, lead := range []byte{0xe2, 0xd8} {
		for i := 0; ; i++ {
			k := bytes.IndexByte(b[i:], lead)
			if k < 0 {
				break
			}
			i += k
			if r, _ := utf8.DecodeRune(b[i:]); IsBidi(r) {
				return true
			}
		}
	}
	return false
}
