package sanitize

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// oracleNeedsJSONCleaning is needsJSONCleaning as it was, one byte at a
// time.
func oracleNeedsJSONCleaning(lit []byte) bool {
	for j := 0; j < len(lit); j++ {
		switch c := lit[j]; {
		case c == '\\' && j+1 < len(lit):
			if !strings.ContainsRune(`nt"\/`, rune(lit[j+1])) {
				return true
			}
			j++
		case c == 0x7f:
			return true
		case c == 0xc2 && j+1 < len(lit) && lit[j+1] >= 0x80 && lit[j+1] < 0xa0:
			return true
		case c >= 0xc0:
			if r, _ := utf8.DecodeRune(lit[j:]); IsBidi(r) {
				return true
			}
		}
	}
	return false
}

// jsonPieces make strings around what needs cleaning: escapes JSON writes
// and those it does not, DEL, C1 controls and bytes near them.
var jsonPieces = []string{
	"a", "é", "«", "\u202e", "\u2066", "\u200f", "\u061c", "\u2069", "\u202d", "\u2028", "\xe2\x80", "\xd8", "\u0085", "\u009b", "\u009f", "\u00a0", "\x7f", "\x1b", "\x1b[31m", "\x07", "\n", "\t", "\r",
	`"`, `\`, `\n`, `\t`, `\"`, `\\`, `\/`, `\u001b`, `\r`, "\xc2", "\x80", "\x9f", "\xa0", "{", "}", "[", "]", ":", ",", " ", "<", "&",
}

func randomPiece(r *rand.Rand, n int) string {
	var b strings.Builder
	for range r.IntN(n) {
		b.WriteString(jsonPieces[r.IntN(len(jsonPieces))])
	}
	return b.String()
}

// needsJSONCleaning answers as the oracle, and JSON, which skips a
// document it finds clean, as cleaning each string does, on encoded
// documents of random strings and on random bytes that are no JSON at all.
func TestJSONAsOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 3))
	changed := 0
	for range 30000 {
		var doc []byte
		if r.IntN(2) == 0 {
			v := map[string]any{"ref": randomPiece(r, 4), "texts": []string{randomPiece(r, 6), randomPiece(r, 6)}}
			doc, _ = json.MarshalIndent(v, "", "  ")
		} else {
			doc = []byte(randomPiece(r, 12))
		}
		if got, want := needsJSONCleaning(doc), oracleNeedsJSONCleaning(doc); got != want {
			t.Fatalf("needsJSONCleaning(%q) = %v, the oracle says %v", doc, got, want)
		}
		got, want := JSON(bytes.Clone(doc)), cleanStrings(bytes.Clone(doc))
		if !bytes.Equal(got, want) {
			t.Fatalf("JSON(%q) = %q, every string cleaned gives %q", doc, got, want)
		}
		if !bytes.Equal(got, doc) {
			changed++
		}
	}
	if changed < 1000 {
		t.Fatalf("%d documents cleaned: too few to tell", changed)
	}
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{`{"a": "\u001b[31m"}`, "\"\u009b\"", `"\\"`, `\`, "\"\x7f\"", `"é\n"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		if got, want := needsJSONCleaning(doc), oracleNeedsJSONCleaning(doc); got != want {
			t.Fatalf("needsJSONCleaning(%q) = %v, the oracle says %v", doc, got, want)
		}
		if got, want := JSON(bytes.Clone(doc)), cleanStrings(bytes.Clone(doc)); !bytes.Equal(got, want) {
			t.Fatalf("JSON(%q) = %q, every string cleaned gives %q", doc, got, want)
		}
	})
}

// BenchmarkJSON cleans a diff-sized document of French clauses, which
// needs no cleaning, as nearly every document.
func BenchmarkJSON(b *testing.B) {
	clause := "Le médecin « traitant » perçoit 30 € au 1° de l'article L. 162-5.\n\nIl \"doit\" informer le patient.\t"
	texts := make([]string, 4000)
	for i := range texts {
		texts[i] = strings.Repeat(clause, 1+i%5)
	}
	doc, _ := json.MarshalIndent(map[string]any{"changes": texts}, "", "  ")
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		JSON(doc)
	}
}
