package clause

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// proseWords make synthetic French prose: enough distinct words that two
// texts drawn with different seeds share no sentence.
var proseWords = strings.Fields("le la les médecin caisse patient tarif honoraires convention avenant " +
	"article annexe consultation acte forfait secteur assurance maladie partenaires commission " +
	"paritaire régionale nationale dispositif évaluation contrat durée délai mois année montant " +
	"taux prise charge responsabilité majoration dépassement option pratique tarifaire maîtrisée " +
	"doit peut est sont fixé fixée porté portée versé versée applicable compter janvier juillet " +
	"dans pour avec sans sous selon entre après avant chaque tout toute aucun aucune notamment")

// prose returns about size bytes of sentences drawn with seed, each
// starting with a capital and ending with a full stop, a paragraph break
// now and then.
func prose(size int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	for b.Len() < size {
		n := 8 + r.IntN(20)
		for k := range n {
			w := proseWords[r.IntN(len(proseWords))]
			if k == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if k < n-1 {
				b.WriteByte(' ')
			}
		}
		if r.IntN(6) == 0 {
			b.WriteString(".\n\n")
		} else {
			b.WriteString(". ")
		}
	}
	return b.String()
}

// diffWork returns the word diff's hunks, checked, with the work it did.
func diffWork(t *testing.T, old, new string) ([]Hunk, *differ) {
	t.Helper()
	h, d := wordDiff(old, new)
	checkHunks(t, old, new, h)
	return h, d
}

// TestWordDiffRewrittenIsBounded: two 400 KB versions of one article with
// nothing in common are one rewrite, found without any exact diff (the
// quadratic path that took 28 s).
func TestWordDiffRewrittenIsBounded(t *testing.T) {
	old, new := prose(400<<10, 1), prose(400<<10, 2)
	h, d := diffWork(t, old, new)
	if d.exactTokens != 0 || d.rewritten != 1 {
		t.Errorf("exact diff over %d tokens, %d rewrites; want none and one", d.exactTokens, d.rewritten)
	}
	ops := make([]Op, len(h))
	for i, x := range h {
		ops[i] = x.Op
	}
	if len(h) > 3 {
		t.Errorf("a rewrite gives at most equal ends around one deletion and one insertion, got %v", ops)
	}
}

// TestWordDiffLargeEditedIsExact: a 400 KB article with a few words changed
// in three sentences still gets its word diff, anchored on the sentences
// kept, with exact work on the changed stretches only.
func TestWordDiffLargeEditedIsExact(t *testing.T) {
	old := prose(400<<10, 3)
	sentences := strings.SplitAfter(old, ". ")
	edits := map[int][2]string{100: {"médecin", "praticien"}, 1200: {"caisse", "CPAM"}, 2300: {"doit", "peut"}}
	for i, e := range edits {
		for !strings.Contains(sentences[i], e[0]+" ") {
			i++ // the nearest sentence that holds the word
		}
		sentences[i] = strings.Replace(sentences[i], e[0]+" ", e[1]+" ", 1)
	}
	new := strings.Join(sentences, "")
	h, d := diffWork(t, old, new)
	var changes []string
	for _, x := range h {
		if x.Op != OpEqual {
			changes = append(changes, x.Text)
		}
	}
	want := []string{"médecin", "praticien", "caisse", "CPAM", "doit", "peut"}
	if strings.Join(changes, " ") != strings.Join(want, " ") {
		t.Errorf("changes %q, want %q", changes, want)
	}
	if d.exactTokens > exactDiffTokens {
		t.Errorf("exact diff over %d tokens: the anchors should leave only the changed sentences", d.exactTokens)
	}
}

// TestWordDiffSmallUnchanged: below the bound, the exact diff runs on the
// whole text as before.
func TestWordDiffSmallIsExact(t *testing.T) {
	old, new := prose(4000, 4), prose(4000, 5)
	_, d := diffWork(t, old, new)
	if d.rewritten != 0 || d.exactTokens == 0 {
		t.Errorf("small texts: %d exact tokens, %d rewrites; want an exact diff", d.exactTokens, d.rewritten)
	}
}

// BenchmarkWordDiffExactBound is the worst exact diff the bound allows:
// two unrelated texts of exactDiffTokens tokens together.
func BenchmarkWordDiffExactBound(b *testing.B) {
	old, new := prose(1<<20, 6), prose(1<<20, 7)
	half := func(s string) string {
		toks := tokens(s)
		return strings.Join(toks[:exactDiffTokens/2], "")
	}
	old, new = half(old), half(new)
	for b.Loop() {
		WordDiff(old, new)
	}
}

// BenchmarkWordDiffRewritten400K is the pair of issue 13: two 400 KB
// versions of one entirely rewritten article.
func BenchmarkWordDiffRewritten400K(b *testing.B) {
	old, new := prose(400<<10, 1), prose(400<<10, 2)
	for b.Loop() {
		WordDiff(old, new)
	}
}

// plainUnits is units as it was, asking each token whether it holds a
// line break; units walks the line breaks instead.
func plainUnits(text string, off []int, from, to int) [][2]int {
	body := text[off[from]:off[to]]
	cuts := frtext.SentenceStarts(body)
	var out [][2]int
	start, c := from, 0
	for k := from; k < to; k++ {
		pos := off[k] - off[from]
		for c < len(cuts) && cuts[c] < pos {
			c++
		}
		atCut := c < len(cuts) && cuts[c] == pos
		afterBreak := k > from && strings.Contains(text[off[k-1]:off[k]], "\n")
		if k > start && (atCut || afterBreak) {
			out = append(out, [2]int{start, k})
			start = k
		}
	}
	if start < to {
		out = append(out, [2]int{start, to})
	}
	return out
}

func TestUnitsIsPlain(t *testing.T) {
	texts := []string{"", "a", "\n", "Un. Deux.\nTrois\n\nQuatre. ", prose(20000, 8)}
	for _, arts := range corpusArticles(t) {
		texts = append(texts, strings.Join(arts, "\n\n"))
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for _, s := range texts {
		d := newDiffer(s, "")
		n := len(d.a.r)
		for range 20 {
			from := rng.IntN(n + 1)
			to := from + rng.IntN(n-from+1)
			if got, want := units(s, d.a.off, from, to), plainUnits(s, d.a.off, from, to); !slices.Equal(got, want) {
				t.Fatalf("units of tokens %d to %d of %q: %v, want %v", from, to, s, got, want)
			}
		}
		d.release()
	}
}
