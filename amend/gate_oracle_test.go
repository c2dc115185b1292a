package amend

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/synth"
)

// oracleMayInstruct is mayInstruct as it was before it looked for the
// stems at their anchors: any byte that ends a quotation mark (« and “
// are told by their last byte, which other runes share) or a placeholder's
// control character, or any place where a stem starts, ignoring ASCII case.
func oracleMayInstruct(text string) bool {
	if endsWithColon(text) {
		return true
	}
	for _, q := range []byte{'"', "«"[1], "“"[2], quoteOpen, quoteClose} {
		if strings.IndexByte(text, q) >= 0 {
			return true
		}
	}
	for i := range len(text) {
		for _, s := range instructionStems {
			if len(text)-i >= len(s) && strings.EqualFold(text[i:i+len(s)], s) {
				return true
			}
		}
	}
	return false
}

// Each anchor is a lower-case ASCII letter of its stem: gateBytes marks it
// in both cases.
func TestStemAnchorsAreLetters(t *testing.T) {
	for k, s := range instructionStems {
		if a := stemAnchors[k]; a < 0 || a >= len(s) || s[a] < 'a' || s[a] > 'z' {
			t.Errorf("stem %q: anchor %d is no lower-case letter of it", s, a)
		}
	}
}

// mayInstruct answers as the oracle over every clause and line of the
// demo's texts and of the corpus and over random texts made of the stems,
// their neighbours and the bytes that gate them, cut anywhere.
func TestMayInstructAsOracle(t *testing.T) {
	var probes []string
	for _, text := range demoAndCorpus(t, "raw/lafabrique/*/steps/*.txt", "raw/*/*.md", "seeds/*.txt") {
		for _, c := range decodeDoc(t, []byte(text)).Clauses {
			probes = append(probes, c.Text)
			for line := range strings.Lines(c.Text) {
				probes = append(probes, line)
			}
		}
	}
	alphabet := []string{
		"modifi", "MODIFI", "mOdIfI", "modif", "odifi", "devien", "DEVIEN", "devie", "evien", "remplac", "REMPLAC",
		"rempla", "emplac", "abrog", "ABROG", "abro", "brog", "upprim", "UPPRIM", "uppri", "pprim", "ſupprim",
		"ë", "œ", "f", "F", "v", "V", "p", "P", "b", "B", "m", "d", "r", "a", "u", " ", "é", "«", "“", `"`, "\x01", "\x02",
		":", ".", "K", "ı", "\xc3",
	}
	for s := range synth.Strings(16, alphabet, 8, 100000) {
		probes = append(probes, s)
		if s != "" {
			probes = append(probes, s[1:], s[:len(s)-1])
		}
	}
	yes := 0
	for _, p := range probes {
		got, want := mayInstruct(p), oracleMayInstruct(p)
		if got != want {
			t.Fatalf("mayInstruct(%q) = %v, the oracle says %v", p, got, want)
		}
		if want {
			yes++
		}
	}
	if yes < len(probes)/10 || yes > len(probes)*9/10 {
		t.Fatalf("%d of %d probes may instruct: too few or too many to tell", yes, len(probes))
	}
}

func FuzzMayInstruct(f *testing.F) {
	for _, s := range []string{"", "est ainsi modifié", "La ligne IK est ſupprimée.", "Le mot « peut »", "abrogé", "rem\x02placé", "article 12 :"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mayInstruct(s), oracleMayInstruct(s); got != want {
			t.Fatalf("mayInstruct(%q) = %v, the oracle says %v", s, got, want)
		}
	})
}
