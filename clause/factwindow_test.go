package clause

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

// The facts of a changed clause read in the window around its changes
// are those of the whole texts: on every pair of matched clauses of
// consecutive steps of a bill, of the bench's bill pair (one paragraph in
// twenty edited) and of an edited synthetic convention.
func TestFactsInWindowAreTheWholeTexts(t *testing.T) {
	var pairs [][2]string
	texts := corpus.Read(t, corpus.BillSteps)
	for i := range texts {
		texts[i] = decoded(t, texts[i])
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

// Two changes far apart, with no fact between them but in paragraphs
// the narrowest window leaves out: the whole texts pair each change on
// its own side of those facts, and so must the window, which widens until
// an anchor stands between the changes.
func TestWindowFencesChangesApart(t *testing.T) {
	filler := func(n int) string {
		return strings.Repeat("Les parties se réunissent en commission paritaire régionale.\n\n", n)
	}
	text := func(first, last string) string {
		return "Le délai de réponse est " + first + ".\n\n" + filler(5) +
			"Le rapport est remis le 1er mars 2025.\n\n" + filler(40) +
			"La durée du mandat est " + last + ".\n\n" + filler(40)
	}
	// A time limit removed here, another added there: two facts, not
	// one that changed.
	old, new := text("de trente jours", "longue"), text("bref", "de soixante jours")
	want := reportFacts(extractWhole(normalizeFactText(old), normalizeFactText(new), ""), nil)
	if got := compareDiffedFacts(old, new, "", nil, nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("facts in the window\n%s\nwhole texts\n%s", factsJSON(got), factsJSON(want))
	}
	if ex := factsAround(old, new, "", nil, nil); len(ex.oldNorm) == len(old) {
		t.Error("the whole texts were read: the window was not used")
	}

	// The narrowest window cuts the date out: no anchor stands between
	// the two changes there.
	hunks := WordDiff(old, new)
	pieces, _ := changedPieces(old, new, hunks, func(int) int { return factMargins[0] })
	if len(pieces) < 2 {
		t.Fatalf("%d pieces, want the changes apart", len(pieces))
	}
	var olds, news []factAt
	for _, p := range pieces {
		olds = appendShifted(olds, extractNormalized(old[p.old[0]:p.old[1]], ""), p.old[0])
		news = appendShifted(news, extractNormalized(new[p.new[0]:p.new[1]], ""), p.new[0])
	}
	if len(unseparated(hunks, pieces, olds, diffAnchors(old, new, hunks, olds, news))) == 0 {
		t.Error("pieces without an anchor between their changes were taken as fenced")
	}
}

// Three changes far apart: an anchor stands between the first two within
// the narrowest margin, and between the last two only within the next.
// Only the stretch without an anchor is cut again, wider: the piece of
// the first change is read once, where widening every piece read them
// all twice; the facts are still those of the whole texts.
func TestWindowWidensOnlyWhereUnfenced(t *testing.T) {
	filler := func(n int) string {
		return strings.Repeat("Les parties se réunissent en commission paritaire régionale.\n\n", n)
	}
	text := func(a, b, c string) string {
		return "Le délai de réponse est " + a + ". Le rapport est remis le 1er mars 2025.\n\n" + filler(40) +
			"La durée du mandat est " + b + ".\n\n" + filler(5) + "Le bilan est remis le 1er juin 2026.\n\n" +
			filler(40) + "Le préavis est " + c + "."
	}
	old, new := text("de trente jours", "longue", "court"), text("bref", "de soixante jours", "de deux mois")
	hunks := WordDiff(old, new)
	want := reportFacts(extractWhole(normalizeFactText(old), normalizeFactText(new), ""), nil)
	if got := compareDiffedFacts(old, new, "", nil, hunks); !reflect.DeepEqual(got, want) {
		t.Fatalf("facts in the window\n%s\nwhole texts\n%s", factsJSON(got), factsJSON(want))
	}
	ex := factsAround(old, new, "", nil, hunks)
	widenedAll := 0
	for _, m := range factMargins[:2] {
		pieces, _ := changedPieces(old, new, hunks, func(int) int { return m })
		if len(pieces) != 3 {
			t.Fatalf("margin %d: %d pieces, want one a change", m, len(pieces))
		}
		for _, p := range pieces {
			widenedAll += p.old[1] - p.old[0] + p.new[1] - p.new[0]
		}
	}
	if ex.read == 0 || ex.read >= widenedAll {
		t.Errorf("read %d bytes of facts, widening every piece reads %d", ex.read, widenedAll)
	}
}

// Random edits of the longer clauses of the corpus and of a convention's
// articles, facts put in, taken
// out and changed in paragraphs far apart or close together: the facts
// read around the changes are those of the whole texts, with and without
// a reference index.
func TestWindowFactsUnderRandomEdits(t *testing.T) {
	var texts []string
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			if len(c.Text) > 3000 && strings.Count(c.Text, "\n\n") > 6 {
				texts = append(texts, c.Text)
			}
		}
	}
	if len(texts) == 0 {
		t.Fatal("no long clause in the corpus")
	}
	// A convention's articles, which price acts, joined in threes.
	var articles []string
	for _, c := range Parse(decoded(t, synth.Base(1<<17, 3).Text)).Clauses {
		if c.Text != "" {
			articles = append(articles, c.Text)
		}
	}
	for i := 0; i+3 <= len(articles); i += 3 {
		texts = append(texts, strings.Join(articles[i:i+3], "\n\n"))
	}
	snippets := []string{"trente jours", "deux mois", "le 1er janvier 2025", "30 €", "12,5 %", "l'article 12",
		"l'article L. 162-5 du code de la sécurité sociale", "doit", "peut", "ne peut pas", "n'est pas",
		"la consultation G", "un délai de soixante jours", "\n\n", " ", "Le médecin", "V. - ", "au V", "G", "25 €"}
	refs := &refIndex{OldToNew: map[string]string{"article:12": "13", "article:3": ""}, NewKeys: map[string]bool{"article:13": true},
		affected: map[string]bool{"article:12": true, "article:3": true}}
	r := rand.New(rand.NewPCG(11, 12))
	windowed := 0
	const trials = 400
	for trial := range trials {
		old := texts[r.IntN(len(texts))]
		new := old
		for range 1 + r.IntN(4) {
			at := r.IntN(len(new) + 1)
			for at < len(new) && !utf8.RuneStart(new[at]) {
				at++
			}
			end := at
			if r.IntN(2) == 0 {
				end = min(len(new), at+r.IntN(40))
				for end < len(new) && !utf8.RuneStart(new[end]) {
					end++
				}
			}
			new = new[:at] + snippets[r.IntN(len(snippets))] + new[end:]
		}
		for _, ri := range []*refIndex{nil, refs} {
			want := reportFacts(extractWhole(normalizeFactText(old), normalizeFactText(new), ""), ri)
			if got := compareDiffedFacts(old, new, "", ri, WordDiff(old, new)); !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d: facts around the changes\n%s\nwhole texts\n%s", trial, factsJSON(got), factsJSON(want))
			}
		}
		if ex := factsAround(old, new, "", nil, nil); len(ex.oldNorm) < len(normalizeFactText(old)) {
			windowed++
		}
	}
	if windowed < trials/4 {
		t.Fatalf("only %d of %d edits read in a window: the test proves little", windowed, trials)
	}
	t.Logf("%d of %d edits read in a window", windowed, trials)
}
