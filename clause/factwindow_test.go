package clause

import (
	"os"
	"reflect"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

// The facts of a changed clause read in the window around its changes
// are those of the whole texts: on every pair of matched clauses of
// consecutive steps of a bill, of the bench's bill pair (one paragraph in
// twenty edited) and of an edited synthetic convention.
func TestFactsInWindowAreTheWholeTexts(t *testing.T) {
	var pairs [][2]string
	steps := corpus.Files(t, "raw/lafabrique/pjl16-580/steps/*.txt")
	texts := make([]string, len(steps))
	for i, f := range steps {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = decoded(t, string(b))
	}
	for i := 1; i < len(texts); i++ {
		pairs = append(pairs, [2]string{texts[i-1], texts[i]})
	}
	old, new := synth.Bill(texts, 0.05, 2)
	pairs = append(pairs, [2]string{decoded(t, old.Text), decoded(t, new.Text)})
	base := synth.Base(1<<18, 1)
	pairs = append(pairs, [2]string{decoded(t, base.Text), decoded(t, synth.Edit(base, 0.05, 2).Text)})
	windowed := 0
	for _, p := range pairs {
		od, nd := Parse(p[0]), Parse(p[1])
		matches := Align(od, nd, AlignOptions{})
		refs := buildRefIndex(od, nd, matches)
		for _, m := range matches {
			if len(m.Old) == 0 || len(m.New) == 0 {
				continue
			}
			ot, nt := joinClauses(od, m.Old), joinClauses(nd, m.New)
			subject := factSubject(&nd.Clauses[m.New[0]])
			for _, r := range []*refIndex{refs, nil} {
				want := reportFacts(extractWhole(normalizeFactText(ot), normalizeFactText(nt), subject), r)
				// Without the word diff, and with the one classifyMatch
				// made of the texts as given.
				for _, hunks := range [][]Hunk{nil, WordDiff(ot, nt)} {
					if got := compareDiffedFacts(ot, nt, subject, r, hunks); !reflect.DeepEqual(got, want) {
						t.Fatalf("%s: facts in the window\n%s\nwhole texts\n%s", nd.Clauses[m.New[0]].Label(), factsJSON(got), factsJSON(want))
					}
				}
				if ex := factsAround(ot, nt, subject, r, nil); len(ex.oldNorm) < len(normalizeFactText(ot)) {
					windowed++
				}
			}
		}
	}
	if windowed < 10 {
		t.Fatalf("only %d clause pairs read in a window: the test proves little", windowed)
	}
	t.Logf("%d clause pairs read in a window", windowed)
}

// A word diff cut to a window keeps what lies in it; a diff that changes
// something outside the window cannot be cut.
func TestClipHunks(t *testing.T) {
	old, new := "a\n\nx y z\n\nb c", "a\n\nx w z\n\nb c"
	hunks := WordDiff(old, new)
	got, ok := clipHunks(hunks, 3, len(old)-5, len(new)-5)
	want := []Hunk{{OpEqual, "x "}, {OpDelete, "y"}, {OpInsert, "w"}, {OpEqual, " z"}}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("clipHunks = %q, %v; want %q", got, ok, want)
	}
	if _, ok := clipHunks(hunks, 7, len(old)-5, len(new)-5); ok {
		t.Error("a window after a change was cut")
	}
	if _, ok := clipHunks(hunks, 0, 5, 5); ok {
		t.Error("a window before a change was cut")
	}
	if _, ok := clipHunks(nil, 0, len(old), len(new)); ok {
		t.Error("no diff was cut")
	}
}

// The word diff of a window put back between the text around it is the
// word diff of the whole texts, whether the window starts and ends with
// an equality or with a change.
func TestWidenHunks(t *testing.T) {
	for _, tc := range []struct{ old, new string }{
		{"a b\n\nx y z\n\nc d", "a b\n\nx w z\n\nc d"},
		{"a b\n\ny z\n\nc d", "a b\n\nw z\n\nc d"},
		{"a b\n\nx y\n\nc d", "a b\n\nx w\n\nc d"},
	} {
		start, tail := len("a b\n\n"), len("\n\nc d")
		window := WordDiff(tc.old[start:len(tc.old)-tail], tc.new[start:len(tc.new)-tail])
		if got, want := widenHunks(window, tc.old, start, tail), WordDiff(tc.old, tc.new); !reflect.DeepEqual(got, want) {
			t.Errorf("widenHunks(%q → %q) = %q, want %q", tc.old, tc.new, got, want)
		}
	}
}
