package reader

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark, built by hand so
// that the test does not trust the decoder's own encoder.
func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	put := func(u uint16) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	put(0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		put(u)
	}
	return out
}

func TestDecodeEncodings(t *testing.T) {
	const want = "Les médecins l’acceptent – 26,50 € … œuvre\n"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"utf-8", []byte("Les médecins l’acceptent – 26,50 € … œuvre\n"), want},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, "Les médecins l’acceptent – 26,50 € … œuvre\n"...), want},
		{"utf-16 LE with BOM", utf16Bytes("Les médecins l’acceptent – 26,50 € … œuvre\n", false), want},
		{"utf-16 BE with BOM", utf16Bytes("Les médecins l’acceptent – 26,50 € … œuvre\n", true), want},
		// Windows-1252: é=E9, ’=92, –=96, €=80, …=85, œ=9C. In ISO-8859-1
		// the bytes 0x80–0x9F would be control characters.
		{"windows-1252", []byte("Les m\xE9decins l\x92acceptent \x96 26,50 \x80 \x85 \x9Cuvre\n"), want},
		{"windows-1252 CRLF", []byte("Les m\xE9decins l\x92acceptent \x96 26,50 \x80 \x85 \x9Cuvre\r\n"), want},
		{"utf-16 LE CRLF", utf16Bytes("Les médecins l’acceptent – 26,50 € … œuvre\r\n", false), want},
		{"utf-16 supplementary plane", utf16Bytes("Signé 𝒜\n", false), "Signé 𝒜\n"},
		{"utf-16 unpaired surrogate", append(utf16Bytes("ab", false), 0x00, 0xD8, 'c', 0), "ab\uFFFDc\n"},
		{"utf-8 BOM then invalid", []byte("\xEF\xBB\xBFm\xE9decin"), "médecin\n"},
		// A paragraph in Windows-1252 pasted into a UTF-8 text: each
		// keeps its encoding (read whole as Windows-1252, "é" was "Ã©").
		{"utf-8 with stray windows-1252", []byte("Les médecins l’acceptent \x96 26,50 € \x85 \x9Cuvre\n"), want},
		{"windows-1252 with a chance sequence", []byte("\xABL\x92\xC9T\xC9\xBB et \xC9\x92 m\xE9decins\n"), "«L’ÉTÉ» et É’ médecins\n"},
		{"no final newline", []byte("texte"), "texte\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeNormalisation(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"CRLF", "ligne 1\r\nligne 2\r\n", "ligne 1\nligne 2\n"},
		{"lone CR", "ligne 1\rligne 2\r", "ligne 1\nligne 2\n"},
		{"CR CR LF", "a\r\r\nb", "a\n\nb\n"},
		{"mixed endings", "a\r\nb\rc\nd", "a\nb\nc\nd\n"},
		{"NFD to NFC", "me\u0301decin", "m\u00E9decin\n"},
		{"NFC unchanged", "m\u00E9decin", "m\u00E9decin\n"},
		{"control between letter and accent", "me\x01\u0301decin et les autres médecins", "m\u00E9decin et les autres médecins\n"},
		{"nbsp before colon", "article 5\u00A0: les tarifs", "article 5 : les tarifs\n"},
		{"narrow nbsp in quotes", "«\u202Fsecteur 2\u202F»", "« secteur 2 »\n"},
		{"figure space in amount", "2\u2007500 €", "2 500 €\n"},
		{"thin, hair, en and em spaces", "Article\u20091er\u200A;\u2002a\u2003b", "Article 1er ; a b\n"},
		{"tab kept", "G\t26,50", "G\t26,50\n"},
		// ESC c is a sequence (full reset): it goes as a whole.
		{"controls stripped", "a\x01b\x1Bc\x7Fd\u0080e" + strings.Repeat("x", 100), "abde" + strings.Repeat("x", 100) + "\n"},
		{"escape sequences leave no residue", "\x1b[31mROUGE\x1b[0m, \x1b]0;pwned\x07titre, \u009b2Jécran, \x1b]52;c;Y2xpcA==\x1b\\fin" + strings.Repeat(" et la suite", 10),
			"ROUGE, titre, écran, fin" + strings.Repeat(" et la suite", 10) + "\n"},
		{"vertical tab is a line break", "a\vb", "a\nb\n"},
		{"line separator", "a\u2028b", "a\nb\n"},
		{"paragraph separator", "a\u2029b", "a\n\nb\n"},
		{"stray BOM inside", "a\uFEFFb", "ab\n"},
		{"invisible characters dropped", "3,1\u200b5 euros\U000E0041. régle\u00admentation\u2060 \u200c\u200dfin", "3,15 euros. réglementation fin\n"},
		{"trailing blanks", "a  \t\nb\u00A0\n", "a\nb\n"},
		{"leading indentation kept", "  a\n\tb", "  a\n\tb\n"},
		{"blank runs collapse", "\n\n  \na\n\n \n\nb\n\n\n", "a\n\nb\n"},
		{"form feed triggers PDF clean-up", "négocia-\ntion\f", "négociation\n"},
		{"Markdown escapes", "1\\. Le médecin \\- s\\'engage à 30\\ € \\*au plus\\* \\\\ fin\\\nsuite", "1. Le médecin - s'engage à 30 € *au plus* \\ fin\nsuite\n"},
		{"backslashes of the text kept", "C:\\dossier\\2024 | V\\|L |", "C:\\dossier\\2024 | V\\|L |\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.in))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("Decode(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		target error
		msg    string
	}{
		{"empty", nil, errEmpty, "empty file"},
		{"whitespace", []byte(" \r\n\t\u00A0\n"), errEmpty, "empty file (only whitespace)"},
		{"only a BOM", []byte{0xEF, 0xBB, 0xBF}, errEmpty, "empty file (only whitespace)"},
		{"utf-16 BOM only", []byte{0xFF, 0xFE}, errEmpty, "empty file (only whitespace)"},
		{"utf-16 cut short", []byte{0xFF, 0xFE, 0x00}, errTruncated, "truncated UTF-16 text (an odd number of bytes): its end is missing"},
		{"utf-16 BE cut short", append(utf16Bytes("Article 1er", true), 'x'), errTruncated, "truncated UTF-16 text (an odd number of bytes): its end is missing"},
		{"NUL byte", []byte("texte\x00suite"), errBinary, "binary file (NUL bytes), not a text document"},
		{"utf-16 without BOM", utf16Bytes("Article 1er - Objet\n", false)[2:], errBinary, "binary file (NUL bytes), not a text document (UTF-16 without a byte-order mark? save it as UTF-8)"},
		{"utf-16 BE without BOM", utf16Bytes("Article 1er - Objet\n", true)[2:], errBinary, "binary file (NUL bytes), not a text document (UTF-16 without a byte-order mark? save it as UTF-8)"},
		{"control characters", []byte("ab\x01\x02\x03\x04cdefgh"), errBinary, "binary file (33% control characters), not a text document"},
		{"utf-16 full of NULs", utf16Bytes("a\x00\x00\x00b", false), errBinary, "binary file (60% control characters), not a text document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.data)
			if err == nil {
				t.Fatalf("Decode = %q, want error %v", got, tt.target)
			}
			if !errors.Is(err, tt.target) {
				t.Errorf("error %v is not %v", err, tt.target)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not *Error", err)
			}
			if err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err.Error(), tt.msg)
			}
		})
	}
}

func TestDecodeBinaryThreshold(t *testing.T) {
	// One control character in a hundred runes is noise in a text file,
	// not a sign of binary data.
	text := strings.Repeat("a", 99) + "\x07"
	got, err := Decode([]byte(text))
	if err != nil || got != strings.Repeat("a", 99)+"\n" {
		t.Fatalf("Decode = %q, %v", got, err)
	}
}

// words returns the maximal runs of letters and digits of s.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func TestDecodeCorpusKeepsWords(t *testing.T) {
	for _, path := range corpus.Texts(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			want := words(norm.NFC.String(string(data)))
			if have := words(got); !slices.Equal(have, want) {
				i := 0
				for i < len(have) && i < len(want) && have[i] == want[i] {
					i++
				}
				t.Fatalf("word sequence differs at word %d of %d: got %q, want %q",
					i, len(want), have[i:min(i+5, len(have))], want[i:min(i+5, len(want))])
			}
			// Every encoding of the same text decodes to the same result.
			variants := map[string][]byte{
				"CRLF":     []byte(strings.ReplaceAll(string(data), "\n", "\r\n")),
				"UTF-16LE": utf16Bytes(string(data), false),
				"UTF-16BE": utf16Bytes(string(data), true),
				"NFD":      []byte(norm.NFD.String(string(data))),
			}
			if cp, err := charmap.Windows1252.NewEncoder().Bytes(data); err == nil {
				variants["Windows-1252"] = cp
			}
			for name, v := range variants {
				if other, err := Decode(v); err != nil || other != got {
					t.Errorf("%s variant decodes differently (err %v)", name, err)
				}
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("Article 1\r\nLes m\xE9decins\u00A0: 26,50 \x80"))
	f.Add(utf16Bytes("Titre\u202F!\n", false))
	f.Add(utf16Bytes("Titre\n", true))
	f.Add([]byte("\xEF\xBB\xBFnégocia-\ntion\f- 2 -\f"))
	f.Add([]byte("me\u0301decin\r\r\n\v\x1b"))
	f.Add([]byte("1\\. a\\\\* 30\\ € \\\\\n\\|\\\\|x\\\n \\ "))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Decode(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !(errors.Is(err, errEmpty) || errors.Is(err, errBinary) || errors.Is(err, errTruncated)) {
				t.Fatalf("unexpected error %T %v", err, err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error spans lines: %q", err.Error())
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("output is not UTF-8: %q", got)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Fatalf("output is not NFC: %q", got)
		}
		if strings.TrimSpace(got) == "" || !strings.HasSuffix(got, "\n") {
			t.Fatalf("output %q is blank or lacks its final newline", got)
		}
		for _, r := range got {
			if unicode.IsControl(r) && r != '\n' && r != '\t' || r == '\u00A0' || r == '\u202F' {
				t.Fatalf("output holds %U: %q", r, got)
			}
		}
		if strings.Contains(got, "\n\n\n") || strings.Contains(got, " \n") {
			t.Fatalf("blank lines or trailing blanks left: %q", got)
		}
		// Decoding is idempotent: normalised text stays as it is.
		if again, err := Decode([]byte(got)); err != nil || again != got {
			t.Fatalf("Decode(Decode(x)) = %q, %v; want %q", again, err, got)
		}
	})
}

// benchmarkText is about 5 MB of corpus text with a share of CRLF lines
// and non-breaking spaces, and decomposed accents if nfd, so that every
// pass works.
func benchmarkText(b *testing.B, nfd int) []byte {
	var buf strings.Builder
	files := corpus.Texts(b)
	for buf.Len() < 5<<20 {
		for _, path := range files {
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			buf.Write(data)
		}
	}
	s := buf.String()
	s = strings.ReplaceAll(s, " :", "\u00A0:")
	s = strings.Replace(s, "é", "e\u0301", nfd)
	s = strings.Replace(s, "\n", "\r\n", 20000)
	return []byte(s)
}

// BenchmarkDecode decodes text in NFC, as nearly every file is, text with
// a thousand decomposed accents, which NFC must then rewrite, and the NFC
// text in Windows-1252 and UTF-16.
func BenchmarkDecode(b *testing.B) {
	for _, bc := range []struct {
		name string
		data func(nfc []byte) []byte
	}{
		{"nfc", func(nfc []byte) []byte { return nfc }},
		{"nfd", func([]byte) []byte { return benchmarkText(b, 1000) }},
		{"windows-1252", func(nfc []byte) []byte {
			out, err := encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder()).Bytes(nfc)
			if err != nil {
				b.Fatal(err)
			}
			return out
		}},
		{"utf-16", func(nfc []byte) []byte { return utf16Bytes(string(nfc), false) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := bc.data(benchmarkText(b, 0))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// tidyLinesRule states the tidying the one pass of mapRunes does: trailing
// blanks off every line, runs of blank lines collapsed into one, none at
// either end, one "\n" at the end.
func tidyLinesRule(s string) string {
	var b strings.Builder
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// Mapping and tidying in one pass gives what mapping, then tidying, gives:
// on crafted lines, random strings of blanks, breaks and controls, and the
// corpus.
func TestMapRunesTidiesAsTheRule(t *testing.T) {
	check := func(s string) {
		t.Helper()
		m := mapRunes(s, false)
		if strings.Contains(m.text, "\f") {
			if !mapRunes(s, true).pages {
				t.Fatalf("mapRunes(%q, true) missed the page break", s)
			}
			return
		}
		got := mapRunes(s, true)
		if want := tidyLinesRule(m.text); got.text != want || got.controls != m.controls || got.total != m.total || got.pages || m.pages {
			t.Fatalf("mapRunes(%q, true) = %+v; want %q, %d, %d", s, got, want, m.controls, m.total)
		}
	}
	for _, s := range []string{"", " ", "\n\n", "a", " a \n\n\n b\t\n", "a\r\nb\rc\u2029d\u2028 \u00a0\n", "\u1680x\u1680\ny", "\x1b[31mred\x1b[0m \n", "a\f b"} {
		check(s)
	}
	alphabet := []string{"a", "é", " ", "\t", "\n", "\r", "\u00a0", "\u1680", "\u2029", "\x1b[1m", "\x01", "\ufeff", "\v"}
	for s := range synth.Strings(3, alphabet, 14, 20000) {
		check(s)
	}
	for _, f := range corpus.Files(t, "raw/*/*.md", "raw/lafabrique/pjl16-580/steps/*.txt") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(string(b))
	}
}
