package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/reader"
)

// Sentences of two articles written by different parties, long enough for
// the aligner to see a merge and a split.
const (
	sentA1 = "Le médecin traitant informe ses patients des modalités du parcours de soins coordonnés et des conditions de leur prise en charge."
	sentA2 = "Il tient à leur disposition la liste des correspondants auxquels il les adresse habituellement."
	sentB1 = "Les caisses versent au médecin une rémunération forfaitaire annuelle pour chaque patient qui l'a déclaré comme médecin traitant."
	sentB2 = "Le montant de cette rémunération est majoré pour les patients atteints d'une affection de longue durée."
	sentB3 = "Le versement intervient au cours du premier trimestre de l'année suivante, au vu des déclarations enregistrées."
)

func articles(arts ...string) string {
	var b strings.Builder
	b.WriteString("Préambule des parties.\n")
	for i := 0; i+1 < len(arts); i += 2 {
		b.WriteString("\n#### Article " + arts[i] + "\n\n" + arts[i+1] + "\n")
	}
	return b.String()
}

// TestBlameProvenance: a clause written in one version, merged into
// another in a later version (the smaller source into the larger, and the
// reverse), then split: every sentence stays credited to the version that
// wrote it, never to the one that merged or split it, in the clause file's
// lines (blame's text output) and in the clause text's spans (its JSON).
func TestBlameProvenance(t *testing.T) {
	a := sentA1 + " " + sentA2
	b := sentB1 + " " + sentB2 + " " + sentB3
	for _, tc := range []struct {
		name string
		// texts of the four versions, written by W1…W4
		texts [4]string
		// the merged and split clauses to blame in the last two versions
		merged, split []string
	}{
		{
			name: "larger clause first, smaller one merged into it",
			texts: [4]string{
				articles("1", b),
				articles("1", b, "2", a),
				articles("1", b+"\n\n"+a),
				articles("1", b, "2", a),
			},
			merged: []string{"art-1"}, split: []string{"art-1", "art-2"},
		},
		{
			name: "smaller clause first, merged into a larger one written later",
			texts: [4]string{
				articles("1", a),
				articles("1", a, "2", b),
				articles("1", a+"\n\n"+b),
				articles("1", a, "2", b),
			},
			merged: []string{"art-1"}, split: []string{"art-1", "art-2"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			var labels []string
			for i, text := range tc.texts {
				label := []string{"W1", "W2", "W3", "W4"}[i]
				mustImport(t, s, text, "Party "+label, label, []string{"2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01"}[i])
				labels = append(labels, label)
			}
			vs, _ := s.Versions()
			if !hasChange(vs[2].Changes, clause.Merged) || !hasChange(vs[3].Changes, clause.Split) {
				t.Fatalf("the store saw no merge in W3 or no split in W4: %+v / %+v", vs[2].Changes, vs[3].Changes)
			}
			wantOf := map[string]string{sentA1: "", sentA2: "", sentB1: "", sentB2: "", sentB3: ""}
			first := map[string]string{} // the version that first held each sentence
			for _, sent := range []string{sentA1, sentA2, sentB1, sentB2, sentB3} {
				for i, text := range tc.texts {
					if strings.Contains(text, sent) {
						first[sent] = labels[i]
						break
					}
				}
				wantOf[sent] = first[sent]
			}
			check := func(at *Version) {
				m, err := s.manifest(at)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range m {
					if e.Kind != clause.KindArticle {
						continue
					}
					lines, err := s.BlameLines(e.ID, at, false)
					if err != nil {
						t.Fatal(err)
					}
					for _, line := range byLine(lines) {
						if want, ok := wantOf[line.text]; ok && !slices.Equal(line.versions, []string{want}) {
							t.Errorf("%s at %s: %q credited to %v, want %s", e.ID, at.Label, line.text, line.versions, want)
						}
					}
					spans, err := s.Blame(e.ID, at, false)
					if err != nil {
						t.Fatal(err)
					}
					text, err := s.clauseText(at, e.ID)
					if err != nil {
						t.Fatal(err)
					}
					var joined strings.Builder
					for _, sp := range spans {
						joined.WriteString(sp.Text)
						if sp.Version.Label == "W3" || sp.Version.Label == "W4" {
							t.Errorf("%s at %s: span %q credited to %s, which only merged or split", e.ID, at.Label, sp.Text, sp.Version.Label)
						}
					}
					if joined.String() != text {
						t.Errorf("%s at %s: spans give %q, want the clause text %q", e.ID, at.Label, joined.String(), text)
					}
				}
			}
			check(&vs[2])
			check(&vs[3])
		})
	}
}

func hasChange(ds []Delta, k clause.ChangeKind) bool {
	return slices.ContainsFunc(ds, func(d Delta) bool { return d.Change == k })
}

type blamedLine struct {
	text     string
	versions []string
}

// byLine groups file spans into lines with the distinct versions of each.
func byLine(spans []Span) []blamedLine {
	var out []blamedLine
	cur := blamedLine{}
	for _, sp := range spans {
		for k, part := range strings.Split(sp.Text, "\n") {
			if k > 0 {
				out = append(out, cur)
				cur = blamedLine{}
			}
			if part != "" {
				cur.text += part
				if !slices.Contains(cur.versions, sp.Version.Label) {
					cur.versions = append(cur.versions, sp.Version.Label)
				}
			}
		}
	}
	return append(out, cur)
}

// TestLogFollowsText: after a merge the merged clause's log shows the
// absorbed source's history; after a split the new part's log starts with
// the history of the clause it was split off; a version off the line of
// the version asked for is marked, and one after it is not listed.
func TestLogFollowsText(t *testing.T) {
	a := sentA1 + " " + sentA2
	b := sentB1 + " " + sentB2 + " " + sentB3
	s := newStore(t)
	mustImport(t, s, articles("1", b), "P1", "W1", "2023-01-01")
	mustImport(t, s, articles("1", b, "2", a), "P2", "W2", "2023-02-01")
	w3 := mustImport(t, s, articles("1", b+"\n\n"+a), "P3", "W3", "2023-03-01").Version
	w4 := mustImport(t, s, articles("1", b, "2", a), "P4", "W4", "2023-04-01").Version
	// A sibling of W4, answering W3.
	if _, err := s.Import(parseMD(articles("1", b+" Une phrase ajoutée par la contre-proposition.\n\n"+a)),
		ImportOptions{Party: "P5", Label: "W5", Date: "2023-03-15", Base: "W3"}); err != nil {
		t.Fatal(err)
	}
	summary := func(es []LogEntry) string {
		var parts []string
		for _, e := range es {
			p := e.Version.Label + ":" + e.ID + ":" + string(e.Change)
			if e.OffLine {
				p += ":off"
			}
			parts = append(parts, p)
		}
		return strings.Join(parts, " ")
	}
	merged, err := s.Log("art-1", w3)
	if err != nil {
		t.Fatal(err)
	}
	// At W3, the store as it stood then: W4 and W5, which answer it, came
	// later and are not listed, on the line or off it.
	if got, want := summary(merged), "W1:art-1:added W2:art-2:added W3:art-1:merged"; got != want {
		t.Errorf("log of the merged clause at W3 = %q, want %q", got, want)
	}
	m, err := s.manifest(w4)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range m {
		if e.Kind != clause.KindArticle || e.ID == "art-1" {
			continue
		}
		es, err := s.Log(e.ID, w4)
		if err != nil {
			t.Fatal(err)
		}
		if got := summary(es); !strings.HasPrefix(got, "W1:art-1:added W2:art-2:added W3:art-1:merged") || !strings.HasSuffix(got, "W4:"+e.ID+":split") {
			t.Errorf("log of the part %s split off in W4 = %q, want the history before the split, then the split", e.ID, got)
		}
	}
	all, err := s.Log("art-1", w4)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(all); !strings.Contains(got, "W5:art-1:modified:off") {
		t.Errorf("log at W4 = %q, want W5 marked off the line", got)
	}
}

// TestCommonLines: the shared start and end that diffText measures in
// bytes are the whole lines that the two files' lines share, at the start
// and then at the end of what is left, on random files of short lines.
func TestCommonLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 7))
	file := func() string {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString([]string{"a", "b", "ab", "", "a b"}[rng.IntN(5)])
			if rng.IntN(8) > 0 {
				b.WriteByte('\n')
			}
		}
		return b.String()
	}
	for range 20000 {
		old, new := file(), file()
		if rng.IntN(3) == 0 {
			new = old + new
		} else if rng.IntN(3) == 0 {
			new += old
		}
		a, b := fileLines(old), fileLines(new)
		pre := 0
		for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
			pre++
		}
		suf := 0
		for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
			suf++
		}
		wantPre, wantSuf := len(strings.Join(a[:pre], "")), len(strings.Join(a[len(a)-suf:], ""))
		if gotPre, gotSuf := commonLines(old, new); gotPre != wantPre || gotSuf != wantSuf {
			t.Fatalf("commonLines(%q, %q) = %d, %d; the lines share %d, %d bytes", old, new, gotPre, gotSuf, wantPre, wantSuf)
		}
	}
}

// TestSplitKeepsNumber: an article split into itself and a new bis
// article stays the same clause, whichever part is longer, and a merge
// keeps the id of the source whose number the merged article bears.
func TestSplitKeepsNumber(t *testing.T) {
	a := sentA1 + " " + sentA2
	b := sentB1 + " " + sentB2 + " " + sentB3
	s := newStore(t)
	mustImport(t, s, articles("12", a+"\n\n"+b), "P1", "W1", "2023-01-01")
	w2 := mustImport(t, s, articles("12", a, "12 bis", b), "P2", "W2", "2023-02-01").Version
	if got := idsOf(t, s, w2); got != "preambule art-12 art-12-bis" {
		t.Errorf("ids after the split: %s, want article 12 to keep art-12", got)
	}
	w3 := mustImport(t, s, articles("12", a+"\n\n"+b), "P3", "W3", "2023-03-01").Version
	if got := idsOf(t, s, w3); got != "preambule art-12" {
		t.Errorf("ids after the merge back into 12, the shorter source: %s, want art-12", got)
	}
}

// TestSectionCutKeepsNumber: a section cut into sub-sections, its opening
// words going to the second under a heading like its own, stays the
// heading that still reads 'Section 2'; the sub-sections are new clauses.
// The store gave the new 'Section 2' a new id and 'Sous-section 2' the
// section's.
func TestSectionCutKeepsNumber(t *testing.T) {
	const art = "\n\nArticle 2\n\nLes actes infirmiers sont valorisés par la lettre clé AMI fixée à 3,15 euros.\n\n"
	const art3 = "Article 3\n\nL'indemnité forfaitaire de déplacement est fixée à 2,50 euros par déplacement.\n"
	const intro = "Les dispositions de la présente %s s'appliquent aux soins dispensés au domicile du patient."
	s := newStore(t)
	old := "Section 1 : Objet\n\nArticle 1er\n\nLa convention règle les rapports des parties.\n\nSection 2 : Rémunération des soins infirmiers\n\n" +
		fmt.Sprintf(intro, "section") + art + art3
	cut := "Section 1 : Objet\n\nArticle 1er\n\nLa convention règle les rapports des parties.\n\nSection 2 : Rémunération\n\nSous-section 1 : Actes" +
		art + "Sous-section 2 : Rémunération des soins infirmiers à domicile\n\n" + fmt.Sprintf(intro, "sous-section") + "\n\n" + art3
	for k, text := range []string{old, cut} {
		if _, err := s.Import(clause.Parse(text), ImportOptions{Party: "P", Label: fmt.Sprint("V", k+1), Date: fmt.Sprintf("2024-0%d-01", k+1)}); err != nil {
			t.Fatal(err)
		}
	}
	v2, err := s.Resolve("V2")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := idsOf(t, s, v2), "sect-1 art-1 sect-2 sous-sect-1 art-2 sous-sect-2 art-3"; got != want {
		t.Errorf("ids after the cut: %s, want %s", got, want)
	}
}

// TestBlameRewrittenSentence: a sentence rewritten whole is the new
// version's whole, the stops and spaces it shares with the sentence it
// replaces included, so that blame names one version for it; a sentence
// that keeps words of the old one still credits them, and its stop, to
// their author.
func TestBlameRewrittenSentence(t *testing.T) {
	const kept = "La consultation de référence est fixée à 26,50 €."
	for _, tc := range []struct{ name, old, new, want string }{
		{"rewritten whole", "Le médecin informe le patient du tarif appliqué avant la consultation.",
			"Les dépassements d'honoraires sont affichés dans la salle d'attente de façon lisible.",
			"V1«" + kept + "\n» V2«Les dépassements d'honoraires sont affichés dans la salle d'attente de façon lisible.\n»"},
		{"rewritten whole, sharing its commas and colon", "Le médecin, sauf urgence, informe le patient : du tarif.",
			"Les tarifs, quels qu'ils soient, sont affichés en salle d'attente : de façon lisible.",
			"V1«" + kept + "\n» V2«Les tarifs, quels qu'ils soient, sont affichés en salle d'attente : de façon lisible.\n»"},
		{"rewritten, then a sentence added", "Le médecin informe le patient du tarif appliqué avant la consultation.",
			"Les dépassements d'honoraires sont affichés dans la salle d'attente. Ils sont mentionnés sur la feuille de soins.",
			"V1«" + kept + "\n» V2«Les dépassements d'honoraires sont affichés dans la salle d'attente.\nIls sont mentionnés sur la feuille de soins.\n»"},
		{"words kept", "Le médecin informe le patient du tarif appliqué avant la consultation.",
			"Le médecin affiche ses tarifs dans la salle d'attente.",
			"V1«" + kept + "\nLe médecin » V2«affiche ses tarifs dans la salle d'attente» V1«.\n»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			mustImport(t, s, articles("1", "Les parties se revoient chaque année.", "2", kept+" "+tc.old), "CNAM", "V1", "2024-01-10")
			mustImport(t, s, articles("1", "Les parties se revoient chaque année.", "2", kept+" "+tc.new), "MG France", "V2", "2024-02-10")
			spans, err := s.BlameLines("art-2", nil, false)
			if err != nil {
				t.Fatal(err)
			}
			if got := spanSummary(spans); got != tc.want {
				t.Errorf("blame:\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestBlameParagraphRenumbered: the final reading of pjl12-688 drops a
// paragraph of article 2 ('I B, I C et I. - (Supprimé)'), rewrites others,
// and numbers 'IV.' the paragraph that read 'II. - L'article L. O. 146 du
// même code est ainsi modifié :'. A blank line between paragraphs matched
// another, cutting that change into the new sentence inserted whole and
// the old one deleted whole: blame credited the final reading with every
// word of it. Now only its new number is the final reading's.
func TestBlameParagraphRenumbered(t *testing.T) {
	steps := corpus.Files(t, "raw/lafabrique/pjl12-688/steps/1[56]_*.txt")
	s := newStore(t)
	for k, f := range steps {
		text, err := reader.ReadFile(f, reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(clause.Parse(text), ImportOptions{Party: []string{"Assemblée", "Sénat"}[k], Label: []string{"DEPOT", "HEMICYCLE"}[k], Date: "2013-09-0" + string(rune('1'+k))}); err != nil {
			t.Fatal(err)
		}
	}
	spans, err := s.Blame("art-2", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range spans {
		if strings.Contains(sp.Text, "146 du même code est ainsi modifié") && sp.Version.Label != "DEPOT" {
			t.Errorf("%q credited to %s, which only renumbered its paragraph", sp.Text, sp.Version.Label)
		}
	}
}

// TestBlamePutBackChanged: the Sénat's commission (step 04) drops the
// Assemblée's sentence 'Les déclarations de situation patrimoniale
// déposées par le député … sont transmises par la Haute Autorité de la
// transparence de la vie publique …' from article 1er of pjl12-688; the
// Assemblée's commission in new reading (step 10) puts it back with 'pour
// la transparence' and 'trente jours' for 'soixante'. Blame credited step
// 10 with the whole sentence; the words it kept are the first reading's.
func TestBlamePutBackChanged(t *testing.T) {
	steps := corpus.Files(t, "raw/lafabrique/pjl12-688/steps/*.txt")
	s := newStore(t)
	importSteps(t, s, steps, "S10")
	spans, err := s.Blame("art-1", nil, false)
	if err != nil {
		t.Fatal(err)
	}
	const kept = "déposées par le député en application du même article"
	found := false
	for _, sp := range spans {
		if strings.Contains(sp.Text, kept) {
			found = true
			if sp.Version.Label == "S10" {
				t.Errorf("%q credited to S10, which put it back", kept)
			}
		}
		if strings.Contains(sp.Text, "trente") && sp.Version.Label != "S10" {
			t.Errorf("'trente' credited to %s, not to S10 which wrote it", sp.Version.Label)
		}
	}
	if !found {
		t.Fatalf("no span holds %q whole: %v", kept, spans)
	}
}
