package clause

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCoarseDiff: two huge texts are diffed by sentence and line; what
// changed inside a sentence shows as that sentence rewritten, and the
// units kept are equal.
func TestCoarseDiff(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []Hunk
	}{
		{"a sentence changed among others",
			"Le tarif est de 25 €. Il est révisé chaque année. La caisse paie.\n",
			"Le tarif est de 25 €. Il est revu chaque année. La caisse paie.\n",
			[]Hunk{{OpEqual, "Le tarif est de 25 €. "}, {OpDelete, "Il est révisé chaque année. "}, {OpInsert, "Il est revu chaque année. "}, {OpEqual, "La caisse paie.\n"}}},
		{"a line added",
			"Un.\nDeux.\nTrois.\n",
			"Un.\nDeux.\nDeux et demi.\nTrois.\n",
			[]Hunk{{OpEqual, "Un.\nDeux.\n"}, {OpInsert, "Deux et demi.\n"}, {OpEqual, "Trois.\n"}}},
		{"one long line, one word changed",
			"le salarié perçoit une indemnité de 26,50 € par jour",
			"le salarié perçoit une indemnité de 30 € par jour",
			[]Hunk{{OpDelete, "le salarié perçoit une indemnité de 26,50 € par jour"}, {OpInsert, "le salarié perçoit une indemnité de 30 € par jour"}}},
		{"lines swapped",
			"Alpha.\nBêta.\nGamma.\n",
			"Gamma.\nBêta.\nAlpha.\n",
			[]Hunk{{OpDelete, "Alpha.\nBêta.\n"}, {OpEqual, "Gamma.\n"}, {OpInsert, "Bêta.\nAlpha.\n"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := coarseDiff(tc.old, tc.new)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			checkHunks(t, tc.old, tc.new, got)
		})
	}
}

// TestCoarseDiffProperty: on texts of many units, past the exact diff's
// bound so that anchors cut them, the hunks give back both texts and no
// two neighbours share an operation.
func TestCoarseDiffProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		var old []string
		for i := range 3000 + r.IntN(3000) {
			old = append(old, fmt.Sprintf("Phrase %d du texte, sur le tarif %d.", i, r.IntN(50)))
		}
		var new []string
		for _, s := range old {
			switch r.IntN(20) {
			case 0: // dropped
			case 1:
				new = append(new, s, "Une phrase ajoutée.")
			case 2:
				new = append(new, strings.Replace(s, "tarif", "prix", 1))
			default:
				new = append(new, s)
			}
		}
		sep := []string{" ", "\n"}[round%2]
		o, n := strings.Join(old, sep), strings.Join(new, sep)
		checkHunks(t, o, n, coarseDiff(o, n))
	}
}

// hugeLine is a single line of about size bytes, one amount in it.
func hugeLine(size int, amount string) string {
	var b strings.Builder
	b.WriteString("Le salarié perçoit " + amount)
	for b.Len() < size {
		b.WriteString(" et la convention s'applique de plein droit")
	}
	return b.String()
}

// TestHugeClauseCoarse: a clause past HugeText is compared by sentence
// and line and its facts are not read, and the change says so; an added
// clause that large is not read for facts either. Word by word, two
// 12 MB versions of a one-line clause took 21 s and 950 MB.
func TestHugeClauseCoarse(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 8 MB")
	}
	size := HugeText/2 + 1024
	oldText, newText, added := hugeLine(size, "26,50 €"), hugeLine(size, "30 €"), hugeLine(HugeText+1, "30 €")
	d := Compare(Parse("Article 1\n\n"+oldText+"\n"), Parse("Article 1\n\n"+newText+"\n\nArticle 2\n\n"+added+"\n"), CompareOptions{})
	if len(d.Changes) != 2 {
		t.Fatalf("%d changes, want 2", len(d.Changes))
	}
	mod, add := &d.Changes[0], &d.Changes[1]
	if mod.Kind != Modified || mod.Coarse != len(oldText)+len(newText) || mod.Facts != nil {
		t.Errorf("modified: kind %s, coarse %d, facts %v", mod.Kind, mod.Coarse, mod.Facts)
	}
	if oldText != d.Old.Clauses[0].Text || newText != d.New.Clauses[0].Text {
		t.Fatal("the clauses are not the lines")
	}
	checkHunks(t, oldText, newText, mod.Hunks)
	if add.Kind != Added || add.Coarse != len(added) || add.Facts != nil {
		t.Errorf("added: kind %s, coarse %d, facts %v", add.Kind, add.Coarse, add.Facts)
	}
	want := "compared by sentence and line, facts not read: 4.2 MB of text, over the 4 MiB read word by word"
	if got := CoarseNote(mod, false); got != want {
		t.Errorf("note %q, want %q", got, want)
	}
	if got := CoarseNote(add, true); got != "faits non lus : 4,2 Mo de texte, au-delà des 4 Mio lus mot à mot" {
		t.Errorf("French note %q", got)
	}
	small := Compare(Parse("Article 1\n\n"+hugeLine(1000, "26,50 €")), Parse("Article 1\n\n"+hugeLine(1000, "30 €")), CompareOptions{})
	if c := small.Changes[0]; c.Coarse != 0 || len(c.Facts) == 0 {
		t.Errorf("a small clause: coarse %d, facts %v; want word by word, its amount read", c.Coarse, c.Facts)
	}
}

// BenchmarkCompareHugeClause: two 12 MB versions of a one-line clause.
func BenchmarkCompareHugeClause(b *testing.B) {
	o := Parse("Article 1\n\n" + hugeLine(12<<20, "26,50 €") + "\n")
	n := Parse("Article 1\n\n" + hugeLine(12<<20, "30 €") + "\n")
	b.ReportAllocs()
	for b.Loop() {
		Compare(o, n, CompareOptions{})
	}
}
