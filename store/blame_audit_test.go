package store

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/reader"
)

// TestBlameAudit imports real successive texts (the steps of three bills,
// the CASF's RSA chapter) and checks every blame span of the last version
// against the texts themselves: a span credited to a version must not
// hold a run of words that already stood, as often, in the same clause,
// or a clause its text came from (Log's lineage: split, merge), in an
// earlier version of the line, and that the newer text no longer credits
// to that earlier version. Such a span took a kept phrase for a new one.
func TestBlameAudit(t *testing.T) {
	sets := []struct {
		name     string
		patterns []string
	}{
		{"pjl12-688", []string{"raw/lafabrique/pjl12-688/steps/*.txt"}},
		{"pjl07-365", []string{"raw/lafabrique/pjl07-365/steps/*.txt"}},
		{"pjl16-580", []string{"raw/lafabrique/pjl16-580/steps/*.txt"}},
		{"legi_casf_rsa", []string{"raw/legi_casf_rsa/*.md"}},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			files := corpus.Files(t, set.patterns...)
			if testing.Short() && set.name != "legi_casf_rsa" {
				t.Skip("imports a bill's steps")
			}
			sort.Strings(files)
			s := newStore(t)
			importSteps(t, s, files, "")
			for _, bad := range blameAudit(t, s) {
				t.Error(bad)
			}
		})
	}
}

// importSteps imports, one version each in order, the corpus texts files
// that hold a text (a bill's failed step holds none), up to the step
// labelled stop (all when ""). A step's version is labelled S and its
// number (S04), a dated text S and its rank.
func importSteps(t *testing.T, s *Store, files []string, stop string) {
	t.Helper()
	n := 0
	for _, f := range files {
		text, err := reader.ReadFile(f, reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := clause.Parse(text)
		if len(d.Clauses) < 2 {
			continue
		}
		n++
		label := "S" + strings.SplitN(filepath.Base(f), "_", 2)[0]
		if len(label) > 3 {
			label = fmt.Sprintf("S%02d", n)
		}
		if _, err := s.Import(d, ImportOptions{Party: "P" + label, Label: label, Date: fmt.Sprintf("2013-01-%02d", n), SourceName: filepath.Base(f)}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if label == stop {
			return
		}
	}
}

// blameAudit returns one line for each doubtful span of every clause of
// the store's latest version.
func blameAudit(t *testing.T, s *Store) []string {
	t.Helper()
	at, err := s.Latest()
	if err != nil {
		t.Fatal(err)
	}
	line, err := s.Line(at)
	if err != nil {
		t.Fatal(err)
	}
	// The line oldest first, each version's clause texts by id.
	sort.SliceStable(line, func(i, j int) bool { return line[i].Date < line[j].Date })
	order := map[string]int{}
	texts := make([]map[string]string, len(line))
	for i := range line {
		order[line[i].Commit] = i
		d, err := s.Document(&line[i])
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = map[string]string{}
		for _, c := range d.Clauses {
			texts[i][c.ID] = strings.Join(auditTokens(c.Text), " ")
		}
	}
	last := texts[len(line)-1]
	var out []string
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		spans, err := s.Blame(id, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		log, err := s.Log(id, nil)
		if err != nil {
			t.Fatal(err)
		}
		lineage := map[string]bool{id: true}
		for _, e := range log {
			lineage[e.ID] = true
		}
		for _, sp := range spans {
			v := order[sp.Version.Commit]
			run := auditTokens(sp.Text)
			if v == 0 {
				continue
			}
			// Every window of movedWords words of the span that tells.
			for w := 0; w+movedWords <= len(run); w++ {
				win := run[w : w+movedWords]
				if !auditTelling(win) {
					continue
				}
				if bad := auditWindow(win, v, lineage, texts, last[id]); bad >= 0 {
					out = append(out, fmt.Sprintf("%s: %q in %q credited to %s, but it stood in %s", id, strings.Join(win, " "), sp.Text, sp.Version.Label, line[bad].Label))
					break
				}
			}
		}
	}
	return out
}

// auditWindow returns the first version before v whose texts of the
// lineage had the words of win, where they stand once in every text that
// has them up to v's and in the latest: the same words, which v did not
// write; -1 when none did. A phrase a text repeats is a formula, and its
// copies cannot be told apart.
func auditWindow(win []string, v int, lineage map[string]bool, texts []map[string]string, last string) int {
	phrase := " " + strings.Join(win, " ") + " "
	count := func(j int) int {
		n := 0
		for src := range lineage {
			n += strings.Count(" "+texts[j][src]+" ", phrase)
		}
		return n
	}
	if strings.Count(" "+last+" ", phrase) != 1 || count(v) != 1 {
		return -1
	}
	first := -1
	for j := 0; j < v; j++ {
		switch n := count(j); {
		case n > 1:
			return -1
		case n == 1 && first < 0:
			first = j
		}
	}
	return first
}

// auditTelling reports whether win holds movedContent words of
// contentLetters letters or more, as a phrase blame credits to whoever
// wrote it first must (moved).
func auditTelling(win []string) bool {
	n := 0
	for _, w := range win {
		if isContentWord(w) {
			n++
		}
	}
	return n >= movedContent
}

// auditTokens cuts text into its words (letters and digits): a word whose
// case changed was written anew.
func auditTokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// TestBlameMovedPhrase: a version drops a sentence and writes, past a
// sentence it keeps (so in another run of changed sentences, which the
// word diff compares apart), a new one around a phrase of it: the phrase
// keeps the version that wrote it, the new words are the new version's.
// A formula the text had twice, or a phrase of short words and numbers,
// stays with whoever wrote the new sentence.
func TestBlameMovedPhrase(t *testing.T) {
	const kept, copy = "Les parties se revoient chaque année.", " Il conserve une copie pendant trois ans."
	for _, tc := range []struct{ name, old, new, want string }{
		{"carried into a new sentence",
			"Le médecin informe le patient." + copy + " Le relevé trimestriel des actes effectués est transmis à la caisse.",
			"Le praticien adresse sans attendre le relevé trimestriel des actes effectués au directeur." + copy,
			"V1«" + kept + "\nLe » V2«praticien adresse sans attendre le » V1«relevé trimestriel des actes effectués» V2« au directeur» V1«.\n" + copy[1:] + "\n»"},
		{"a formula written twice",
			"Le médecin informe le patient." + copy + " Il informe la caisse primaire d'assurance maladie et la caisse primaire d'assurance maladie le dit.",
			"Le litige est porté devant la caisse primaire d'assurance maladie du lieu d'exercice." + copy,
			"V1«" + kept + "\nLe » V2«litige est porté devant la caisse primaire d'assurance maladie du lieu d'exercice» V1«.\n" + copy[1:] + "\n»"},
		{"short words and numbers",
			"Le médecin informe le patient." + copy + " Le montant relève de l'article L. 162-5 du code et il est revu.",
			"Le barème ressort de l'article L. 162-5 du code après avis des partenaires." + copy,
			"V1«" + kept + "\nLe » V2«barème ressort de l'article L. 162-5 du code après avis des partenaires» V1«.\n" + copy[1:] + "\n»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			mustImport(t, s, articles("1", "Préambule du texte.", "2", kept+" "+tc.old), "CNAM", "V1", "2024-01-10")
			mustImport(t, s, articles("1", "Préambule du texte.", "2", kept+" "+tc.new), "MG France", "V2", "2024-02-10")
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

// TestBlameSentenceFromAnotherClause: a counter-proposal takes a sentence
// out of article 1er into a new article 3 of its own, too little of it for
// a split; the sentence is still the proposal's, the one the new article
// adds is the counter-proposal's.
func TestBlameSentenceFromAnotherClause(t *testing.T) {
	const ald = "Les séances de rééducation des patients en affection de longue durée bénéficient d'une majoration de 3 euros par séance."
	const added = "Cette majoration est cumulable avec l'indemnité de déplacement."
	amk := func(value string) string {
		return "La lettre clé AMK est portée à " + value + " euros à compter du 1er juillet 2024."
	}
	zone := "Les zones très sous-dotées sont définies par arrêté du directeur général de l'agence régionale de santé."
	end := "Le présent avenant entre en vigueur le lendemain de la publication de son arrêté d'approbation."
	s := newStore(t)
	mustImport(t, s, articles("1", amk("2,15")+" "+ald, "2", zone, "3", end), "CNAM", "V1", "2024-01-10")
	mustImport(t, s, articles("1", amk("2,25"), "2", zone, "3", ald+" "+added, "4", end), "FFMKR", "V2", "2024-02-10")
	v2, err := s.Resolve("V2")
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.FindClause(v2, "3")
	if err != nil {
		t.Fatal(err)
	}
	spans, err := s.BlameLines(e.ID, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := spanSummary(spans), "V1«"+ald+"\n» V2«"+added+"\n»"; got != want {
		t.Errorf("blame of the new article 3:\n%s\nwant\n%s", got, want)
	}
}
