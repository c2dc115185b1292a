package render

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

// encoded is v as the encoder writes it with HTML left unescaped, the
// former way of writing a diff's document that appendDiffJSON stands for.
func encoded(t testing.TB, v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// jsonPieces are what a string may hold that the encoder writes otherwise
// than as it stands, among runs long enough to be read eight bytes at once.
var jsonPieces = []string{
	"", "a", "La consultation est valorisée à 26,50 €", "\"", "\\", "\n", "\t", "\r", "\b", "\f", "\x00",
	"\x1b[31m", "\x7f", "\u2028", "\u2029", "\xff", "\xe2\x80", "é", "\xc2", "\xc0\x80", "\xdf\xbf", "\xc3A", "’", "<a & b>", "0123456789abcdef", "\U0001F600",
}

func randomJSONString(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(jsonPieces[r.IntN(len(jsonPieces))])
	}
	return b.String()
}

func TestAppendJSONStringAsEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := randomJSONString(r)
		if got, want := string(appendJSONString(nil, s))+"\n", encoded(t, s); got != want {
			t.Fatalf("appendJSONString(%q) = %s, encoder writes %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, p := range jsonPieces {
		f.Add(p + "0123456789" + p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendJSONString(nil, s))+"\n", encoded(t, s); got != want {
			t.Fatalf("appendJSONString(%q) = %s, encoder writes %s", s, got, want)
		}
	})
}

// TestAppendDiffJSONAsEncoder holds the hand-written document to the
// encoder's on documents of every shape: nil and empty slices, floats
// written in exponent form, facts with and without values.
func TestAppendDiffJSONAsEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	floats := []float64{0, 1, 0.97, 0.5, 1e-7, 3e21, 0.123456789, 100}
	str := func() string { return randomJSONString(r) }
	refs := func() []ClauseRef {
		if r.IntN(4) == 0 {
			return nil
		}
		var out []ClauseRef
		for range r.IntN(3) {
			var path []string
			if r.IntN(3) > 0 {
				path = []string{}
				for range r.IntN(3) {
					path = append(path, str())
				}
			}
			out = append(out, ClauseRef{ID: str(), Number: str(), Heading: str(), Path: path})
		}
		return out
	}
	for range 500 {
		d := DiffDoc{Schema: DiffSchema, Old: Side{Ref: str(), Party: str(), Date: str(), Clauses: r.IntN(900)},
			New: Side{Ref: str(), Clauses: -r.IntN(3)}, Summary: clause.Summary{Modified: r.IntN(9)}}
		if r.IntN(5) > 0 {
			d.Changes = []ChangeDoc{}
		}
		for range r.IntN(4) {
			c := ChangeDoc{Kind: clause.ChangeKind(str()), Renumbered: r.IntN(2) == 0, Moved: r.IntN(2) == 0,
				Old: refs(), New: refs(), Similarity: floats[r.IntN(len(floats))]}
			if r.IntN(4) > 0 {
				c.Hunks = []clause.Hunk{}
			}
			for range r.IntN(4) {
				c.Hunks = append(c.Hunks, clause.Hunk{Op: clause.Op(str()), Text: str()})
			}
			if r.IntN(2) == 0 {
				v := floats[r.IntN(len(floats))]
				c.Facts = []clause.Fact{{Kind: clause.FactAmount, Subject: str(), Old: str(), New: str(), OldValue: &v, Unit: "EUR"}}
			}
			d.Changes = append(d.Changes, c)
		}
		got, err := appendDiffJSON(nil, &d)
		if err != nil {
			t.Fatal(err)
		}
		if want := encoded(t, d); string(got) != want {
			t.Fatalf("appendDiffJSON wrote\n%s\nthe encoder\n%s", got, want)
		}
	}
}
