package reader

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/internal/synth"
)

// strayBytesRule reads text that is not all UTF-8 sequence by sequence: a
// byte outside any sequence, or in one of two bytes past Latin Extended-A,
// is Windows-1252.
func strayBytesRule(b []byte) string {
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 || n == 2 && r > 0x17f {
			n = 1
			sb.WriteString(windows1252(b[:1]))
		} else {
			sb.Write(b[:n])
		}
		b = b[n:]
	}
	return sb.String()
}

// decodeRule states what Decode does the slow, plain way: pick the
// encoding, map rune by rune, refuse binary, tidy the lines (or clean a
// PDF's text), then NFC over the whole text. Decode must give the same
// bytes and the same errors; it was checked against the rune-by-rune
// Decode of 9a00541 before the one-pass mapping learnt to skip NFC.
func decodeRule(data []byte) (string, error) {
	if len(data) == 0 {
		return "", &Error{Err: errEmpty}
	}
	var text string
	switch {
	case bytes.HasPrefix(data, bomUTF8) && utf8.Valid(data[3:]):
		text = string(data[3:])
	case bytes.HasPrefix(data, bomUTF8):
		text = strayBytesRule(data[3:])
	case (bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)) && len(data)%2 == 1:
		return "", &Error{Err: errTruncated, Detail: truncatedUTF16}
	case bytes.HasPrefix(data, bomUTF16LE):
		text = decodeUTF16(data, xunicode.LittleEndian)
	case bytes.HasPrefix(data, bomUTF16BE):
		text = decodeUTF16(data, xunicode.BigEndian)
	case bytes.IndexByte(data, 0) >= 0:
		return "", &Error{Err: errBinary, Detail: "binary file (NUL bytes), not a text document" + utf16Hint(data)}
	case utf8.Valid(data):
		text = string(data)
	default:
		text = strayBytesRule(data)
	}
	mapped, controls, total := mapRule(text)
	if controls > 0 && controls*100 > total*binaryPercent {
		return "", &Error{Err: errBinary, Detail: fmt.Sprintf(
			"binary file (%d%% control characters), not a text document", controls*100/total)}
	}
	if strings.Contains(mapped, "\f") {
		text = cleanPDFText(mapped)
	} else {
		text = tidyLinesRule(mapped)
	}
	text = partGluedCells(unescapeMarkdown(norm.NFC.String(text)))
	if text == "" {
		return "", &Error{Err: errEmpty, Detail: "empty file (only whitespace)"}
	}
	return text, nil
}

// mapRule maps one rune at a time and counts the runes read and the
// controls removed.
func mapRule(s string) (out string, controls, total int) {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		total++
		switch {
		case r == '\r' && strings.HasPrefix(s[i+size:], "\n"):
			b.WriteByte('\n')
			size++
		case r == '\r' || r == '\v' || r == '\u0085' || r == '\u2028':
			b.WriteByte('\n')
		case r == '\u2029':
			b.WriteString("\n\n")
		case r == '\n' || r == '\t' || r == '\f':
			b.WriteRune(r)
		case r == '\uFEFF' || sanitize.IsBidi(r) || sanitize.IsInvisible(r):
		case r == '\u1680':
			// The one space that stays: NFC and the rest keep it.
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.IsControl(r):
			controls++
			if n := sanitize.Sequence(s[i:]); n > size {
				total += utf8.RuneCountInString(s[i+size : i+n])
				size = n
			}
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String(), controls, total
}

// sameAsRule fails t unless Decode and decodeRule agree on data.
func sameAsRule(t *testing.T, name string, data []byte) {
	t.Helper()
	got, err := Decode(data)
	want, werr := decodeRule(data)
	if got != want || fmt.Sprint(err) != fmt.Sprint(werr) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("%s: Decode(%.200q) differs from the rule at byte %d: %.80q, %v; want %.80q, %v",
			name, data, i, got[i:], err, want[i:], werr)
	}
}

// encodings are the ways a text reaches Decode.
var encodings = []struct {
	name   string
	encode func(string) ([]byte, bool)
}{
	{"UTF-8", func(s string) ([]byte, bool) { return []byte(s), true }},
	{"UTF-8 BOM", func(s string) ([]byte, bool) { return append(bytes.Clone(bomUTF8), s...), true }},
	{"UTF-16LE", func(s string) ([]byte, bool) { return utf16Bytes(s, false), utf8.ValidString(s) }},
	{"UTF-16BE", func(s string) ([]byte, bool) { return utf16Bytes(s, true), utf8.ValidString(s) }},
	{"Windows-1252", func(s string) ([]byte, bool) {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		return b, err == nil
	}},
	{"CRLF", func(s string) ([]byte, bool) { return []byte(strings.ReplaceAll(s, "\n", "\r\n")), true }},
	{"NFD", func(s string) ([]byte, bool) { return []byte(norm.NFD.String(s)), true }},
}

func TestDecodeAsRuleOnCorpus(t *testing.T) {
	files := corpus.Files(t, "raw/*/*.md", "seeds/*.txt", "raw/lafabrique/pjl16-580/steps/*.txt")
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range encodings {
			if b, ok := enc.encode(string(data)); ok {
				sameAsRule(t, filepath.Base(path)+" "+enc.name, b)
			}
		}
		// Typography as word processors set it, and blanks to tidy.
		s := strings.NewReplacer(" :", "\u00A0:", " ;", "\u202F;", "« ", "«\u00A0", "\n\n", " \n\t\n \n").Replace(string(data))
		sameAsRule(t, filepath.Base(path)+" typeset", []byte(s))
	}
	base := synth.Base(1<<18, 1)
	sameAsRule(t, "synthetic", []byte(base.Text))
	sameAsRule(t, "synthetic edited", []byte(synth.Edit(base, 0.05, 2).Text))
}

// probeAlphabet holds what Decode treats apart, and what NFC does:
// composes (e + U+0301), reorders (U+0323 after U+0301), replaces
// (U+212B, U+037E, U+2000), keeps though it is a starter that combines
// (Hangul), counts for stream safety (a run of combining marks).
var probeAlphabet = []string{
	"a", "e", "K", "1", "é", "’", "œ", "€", "«", "»", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n",
	"\u00A0", "\u202F", "\u2000", "\u2001", "\u2007", "\u2009", "\u205F", "\u3000", "\u1680",
	"\u2028", "\u2029", "\u0085", "\v", "\f", "\x1b[1m", "\x1b]0;t\x07", "\x1b]2;", "\u009D", "\x01", "\x7F", "\u0080",
	"\u202E", "\u2066", "\u009B", "\uFEFF", "\u0301", "\u0323", "\u0327", strings.Repeat("\u0301", 16), "\u212B",
	"\u212A", "\u037E", "\u0344", "\u0F73", "\u1100", "\u1161", "\u11A8", "가", "\uFF9E",
	"\U0001D15E", "\uFFFD", "\xE9", "\x92", "\xC3", "\xEF\xBB\xBF", "\x00", "\x80",
}

func TestDecodeAsRuleOnProbes(t *testing.T) {
	n := 25000
	if testing.Short() {
		n = 2500
	}
	for s := range synth.Strings(15, probeAlphabet, 40, n) {
		for _, enc := range encodings[:5] {
			if b, ok := enc.encode(s); ok {
				sameAsRule(t, enc.name, b)
			}
		}
	}
	// Without the rarities, so that few probes are refused as binary.
	for s := range synth.Strings(16, probeAlphabet[:44], 60, n) {
		sameAsRule(t, "plain", []byte(s))
	}
}

func FuzzDecodeAsRule(f *testing.F) {
	f.Add([]byte("Article 1\r\nLes m\xE9decins\u00A0: 26,50 \x80"))
	f.Add([]byte("me\u0301decin \u1680\n\u212B\u037E \u1100\u1161\u11A8 x\u0301\u0323"))
	f.Add(utf16Bytes("Titre\u202F!\u0301\n", false))
	f.Add([]byte("\xEF\xBB\xBFnégocia-\ntion\f- 2 -\f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsRule(t, "fuzz", data)
	})
}

// A text made of ASCII and the runes inertRunes accepts is in NFC, however
// they are ordered or repeated: every rune of Unicode it accepts is tried
// repeated past norm's stream-safe limit of 30, then all of them in a row
// and each between ASCII letters.
func TestInertRunesNeedNoNFC(t *testing.T) {
	var c inertRunes
	var all, spaced strings.Builder
	last := unicode.MaxRune
	if testing.Short() {
		last = 0xFFFF
	}
	for r := rune(utf8.RuneSelf); r <= last; r++ {
		enc := string(r)
		if !utf8.ValidRune(r) || !c.has(r, enc) {
			continue
		}
		if s := strings.Repeat(enc, 33); !norm.NFC.IsNormalString(s) {
			t.Fatalf("inertRunes accepts %U, but %+q is not in NFC", r, s)
		}
		if !c.has(r, enc) {
			t.Fatalf("inertRunes forgot %U", r)
		}
		all.WriteString(enc)
		spaced.WriteString("e" + enc)
	}
	if !norm.NFC.IsNormalString(all.String()) || !norm.NFC.IsNormalString(spaced.String()) {
		t.Fatal("runes inertRunes accepts make a text that is not in NFC")
	}
	for _, r := range []rune{'\u0301', '\u212B', '\u037E', '\u1161', '\u11A8', '\u0F73', '\u2000', '\u3133'} {
		if c.has(r, string(r)) {
			t.Errorf("inertRunes accepts %U", r)
		}
	}
	if n := utf8.RuneCountInString(all.String()); n < 30000 {
		t.Errorf("inertRunes accepts only %d runes", n)
	}
}

// printable reads eight bytes at a time what a loop reads one by one: on
// every byte value in every place of a word, and past its end.
func TestPrintableAsLoop(t *testing.T) {
	rule := func(s string) int {
		i := 0
		for i < len(s) && s[i] >= ' ' && s[i] <= '~' {
			i++
		}
		return i
	}
	base := []byte("Article 12 ~ les tarifs sont fixés")
	for k := range 20 {
		for c := range 256 {
			b := bytes.Clone(base)
			b[k] = byte(c)
			for _, s := range []string{string(b), string(b[:k+1]), string(b[k/2:])} {
				if got, want := printable(s), rule(s); got != want {
					t.Fatalf("printable(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
}

// Text that needs no change but its final line break is returned in
// place: the only allocation left is norm's look at its first accent.
func TestDecodeKeepsNormalTextInPlace(t *testing.T) {
	data := []byte("Article 1\n\nLes médecins\tconventionnés.\n\n")
	var got string
	if n := testing.AllocsPerRun(20, func() { got, _ = Decode(data) }); n > 1 {
		t.Errorf("Decode allocates %v times for text in its final form", n)
	}
	if got != string(data[:len(data)-1]) || unsafe.StringData(got) != &data[0] {
		t.Errorf("Decode = %q, not the text in place", got)
	}
}
