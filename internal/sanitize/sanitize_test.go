package sanitize

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// cases is shared by the tests of Text and Line: want is Text's result;
// Line's is the same with "\n" and "\t" as spaces.
var cases = []struct {
	name, in, want string
}{
	{"plain", "Article 1 — la consultation à 30 €", "Article 1 — la consultation à 30 €"},
	{"lines and tabs kept", "a\n\tb", "a\n\tb"},
	{"CSI colour, whole", "\x1b[31mROUGE\x1b[0m", "ROUGE"},
	{"CSI private mode", "x\x1b[?1049hy", "xy"},
	{"CSI clear screen", "\x1b[2J\x1b[Hz", "z"},
	{"OSC title with BEL", "\x1b]0;pwned\x07texte", "texte"},
	{"OSC 52 clipboard with ST", "X\x1b]52;c;Y3VybCBldmlsfHNo\x1b\\Y", "XY"},
	{"OSC unterminated stops at line end", "a\x1b]0;pwned\nsuite", "a\nsuite"},
	{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
	{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
	{"8-bit CSI", "a\u009b31mb", "ab"},
	{"8-bit OSC ended by 8-bit ST", "a\u009d0;pwned\u009cb", "ab"},
	{"lone C1", "a\u0085b\u0080c", "abc"},
	{"charset selection", "a\x1b(Bb", "ab"},
	{"save cursor", "a\x1b7b", "ab"},
	{"trailing ESC", "a\x1b", "a"},
	{"C0 and DEL", "a\x00b\x07c\x08d\x7fe\rf", "abcdef"},
	{"invalid UTF-8", "a\xffb", "a\ufffdb"},
	{"bidi override", "G : \u202e€ 05,62\u202c", "G : € 05,62"},
	{"bidi isolates and marks", "a\u2066b\u2069c\u200ed\u200fe\u061cf", "abcdef"},
}

func TestText(t *testing.T) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			want := strings.NewReplacer("\n", " ", "\t", " ").Replace(tt.want)
			if got := Line(tt.in); got != want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	for _, ok := range []string{"CNAM-2024-02", "MG France", "Médecins libéraux", "avenant n° 1"} {
		if err := Check(ok); err != nil {
			t.Errorf("Check(%q) = %v, want nil", ok, err)
		}
	}
	for _, bad := range []string{"v\u009b1", "a\x1b[31m", "a\nb", "a\tb", "a\x7f", "a\xff", "CNAM\u202e"} {
		if err := Check(bad); !errors.Is(err, errControl) {
			t.Errorf("Check(%q) = %v, want ErrControl", bad, err)
		}
	}
}

// FuzzText checks the properties every output relies on: nothing a
// terminal would act upon survives, the result is valid UTF-8, cleaning
// twice changes nothing, and Line never breaks a line.
func FuzzText(f *testing.F) {
	for _, tt := range cases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Text(%q) = %q: invalid UTF-8", in, out)
		}
		for _, r := range out {
			if isControl(r) && r != '\n' && r != '\t' || IsBidi(r) {
				t.Fatalf("Text(%q) = %q keeps U+%04X", in, out, r)
			}
		}
		if again := Text(out); again != out {
			t.Fatalf("Text is not idempotent on %q: %q then %q", in, out, again)
		}
		line := Line(in)
		if Check(line) != nil {
			t.Fatalf("Line(%q) = %q fails Check", in, line)
		}
	})
}

// TestJSON: every string of an encoded document, whatever its place,
// decodes to its cleaned form; clean documents come back byte for byte.
func TestJSON(t *testing.T) {
	type doc struct {
		Ref   string            `json:"ref"`
		Texts []string          `json:"texts"`
		Map   map[string]string `json:"map"`
		N     int               `json:"n"`
	}
	var in doc
	in.N = 3
	in.Map = map[string]string{}
	for _, tt := range cases {
		in.Texts = append(in.Texts, tt.in)
		in.Map[tt.name] = tt.in + "\n\"quoted\" \\ back"
	}
	in.Ref = "v\u009bm1 \x1b]0;t\x07"
	b, err := json.MarshalIndent(in, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var out doc
	if err := json.Unmarshal(JSON(b), &out); err != nil {
		t.Fatalf("cleaned JSON does not parse: %v\n%s", err, JSON(b))
	}
	if out.Ref != "v1 " || out.N != 3 {
		t.Errorf("ref %q, n %d", out.Ref, out.N)
	}
	for i, tt := range cases {
		if out.Texts[i] != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, out.Texts[i], tt.want)
		}
		if want := tt.want + "\n\"quoted\" \\ back"; out.Map[tt.name] != want {
			t.Errorf("%s in a map: %q, want %q", tt.name, out.Map[tt.name], want)
		}
	}
	clean := []byte(`{"a": "é\n\t\"x\"", "b": [1, "\u00e9"]}`)
	if got := JSON(clean); !bytes.Equal(got, clean) {
		t.Errorf("clean JSON changed: %s", got)
	}
}

// TestVisible: an error line keeps every character of what it echoes,
// written out when a terminal would obey or hide it, on one line; what
// prints as itself is left as it is.
func TestVisible(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`Article 1 — "à 30 €" \ fin`, `Article 1 — "à 30 €" \ fin`},
		{"x\x1b[31m: unknown clause", `x\x1b[31m: unknown clause`},
		{"a\x1b]52;c;Y2xpcA==\ab", `a\x1b]52;c;Y2xpcA==\x07b`},
		{"a\u009b2Jb", `a\u009b2Jb`},
		{"G \u202e€ 05,62\u202c", `G \u202e€ 05,62\u202c`},
		{"2\u200d6 €", `2\u200d6 €`},
		{"a\xffb\x00c", `a\xffb\x00c`},
		{"ligne\nsuite\tfin", "ligne suite fin"},
	} {
		got := Visible(tt.in)
		if got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if Check(got) != nil {
			t.Errorf("Visible(%q) = %q still holds a control character", tt.in, got)
		}
	}
}
