package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// docSource is a proposal and its answers as texts, each compared with
// the proposal by clause.Compare: the parties screen on more answers than
// the hand-built negotiation has.
type docSource struct {
	versions []store.Version
	texts    map[string]string
}

func (d docSource) Versions() ([]store.Version, error) { return d.versions, nil }

func (d docSource) Diff(base, head string) (*clause.Diff, error) {
	old, ok1 := d.texts[base]
	new, ok2 := d.texts[head]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("%s → %s: unknown version", base, head)
	}
	return clause.Compare(clause.Parse(old), clause.Parse(new), clause.CompareOptions{}), nil
}

func (docSource) Log(string, string) ([]store.LogEntry, error) { return nil, nil }
func (docSource) Blame(string, string) ([]store.Span, error)   { return nil, nil }

const cnamText = `# Proposition de la CNAM

## Article 1er - Consultation de référence

La consultation de référence, cotée G, est fixée à 30 €.

## Article 2 - Téléconsultation

La téléconsultation est valorisée à 25 €.

## Article 3 - Consultation longue

La consultation longue, cotée CL, est valorisée à 60 €.

## Article 4 - Permanence des soins

Le médecin régulateur doit participer à la permanence des soins.
`

// sixAnswers is the CNAM's proposal answered by six unions, each changing
// something of its own; the last adds articles numbered alike at the
// start ("3 bis", "3-1") so that a cut name would hide which is which.
func sixAnswers() docSource {
	src := docSource{texts: map[string]string{"CNAM-2024-11": cnamText}}
	src.versions = []store.Version{{Label: "CNAM-2024-11", Party: "CNAM", Date: "2024-11-05"}}
	answers := []struct{ label, party, old, new string }{
		{"MGF-2024-11", "MG France", "fixée à 30 €", "fixée à 32 €"},
		{"CSMF-2024-11", "CSMF", "fixée à 30 €", "portée à 32 €"},
		{"FMF-2024-11", "Fédération des médecins de France", "valorisée à 25 €", "valorisée à 30 €"},
		{"UFMLS-2024-11", "UFML-S", "doit participer", "peut participer"},
		{"SML-2024-11", "SML", "valorisée à 60 €", "valorisée à 70 €"},
		{"AVS-2024-11-contre-proposition", "Avenir Spé-Le Bloc", "## Article 4", "## Article 3 bis - Forfait\n\nLe forfait structure est porté à 1000 €.\n\n## Article 3-1 - Suivi\n\nLe suivi est annuel.\n\n## Article 4"},
	}
	for _, a := range answers {
		src.versions = append(src.versions, store.Version{Label: a.label, Party: a.party, Date: "2024-11-20", Base: "CNAM-2024-11"})
		src.texts[a.label] = strings.Replace(cnamText, a.old, a.new, 1)
	}
	return src
}

// TestPartiesManyAnswers: six answers on 80 columns. Before, the columns
// were 16 cells each whatever the width, and those past the window's edge
// were cut off: the fifth and sixth parties never showed, →  selected
// cells no one saw, and names were cut at their end ("+ Article 3…" for
// both 3 bis and 3-1). Now the answers beside the selected one show, the
// title says which, and the pane shows the selected party's facts.
func TestPartiesManyAnswers(t *testing.T) {
	m := start(t, sixAnswers(), Options{}, 80, 24)
	m = drive(t, m, keys("v", "G", "p")...)
	if m.screen != screenParties || len(m.answers.answers) != 6 {
		t.Fatalf("screen %s, %d answers, status %q", screenNames[m.screen], len(m.answers.answers), m.status)
	}
	checkSize(t, m.View().Content, 80, 24)
	first := screenText(m)
	for _, want := range []string{"answers 1–", "MGF-2024-11", "+ Article 3 bis", "+ Article 3-1"} {
		if !strings.Contains(first, want) {
			t.Errorf("first screen lacks %q:\n%s", want, first)
		}
	}
	m = drive(t, m, keys("l", "l", "l", "l", "l")...)
	checkSize(t, m.View().Content, 80, 24)
	last := screenText(m)
	for _, want := range []string{"of 6", "AVS-2024-11-contre-proposition", "▸ AVS-2024-11-contre-proposition: unchanged"} {
		if !strings.Contains(last, want) {
			t.Errorf("after → five times, the screen lacks %q:\n%s", want, last)
		}
	}
	requireGolden(t, last)

	// A click on a cell selects its clause and its answer, a second one
	// opens that party's diff.
	// ← chooses the answer to the left, as the help says; before, it
	// was back, and left the screen.
	left := tea.KeyPressMsg{Code: tea.KeyLeft}
	m = drive(t, m, left)
	if m.screen != screenParties || m.answers.col != 4 {
		t.Fatalf("←: screen %s, answer %d, want parties, 4", screenNames[m.screen], m.answers.col)
	}
	m = drive(t, m, left, left, left, left)
	lc := m.answers.layoutColumns(m.answers.listWidth())
	x, y := 2+lc.nameW+1+(lc.colW+1)+1, 1+2+0
	m = drive(t, m, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	if m.answers.col != 1 || m.answers.cursor != 0 {
		t.Fatalf("click: col %d, cursor %d, want 1, 0", m.answers.col, m.answers.cursor)
	}
	m = drive(t, m, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	if m.screen != screenDiff || m.head != "CSMF-2024-11" {
		t.Errorf("second click: screen %s, head %s", screenNames[m.screen], m.head)
	}
}

// TestVersionsNameWhatIsAnswered: on 80 columns, beside parties with long
// names, the versions screen names in full the version each answers.
// Before, the party took its share first and left "↳ MGF-…", which did
// not say whether MGF-2024-11 or MGF-2024-12 was answered.
func TestVersionsNameWhatIsAnswered(t *testing.T) {
	src := sixAnswers()
	src.versions = append(src.versions,
		store.Version{Label: "JM-2024-12", Party: "Jeunes Médecins — bureau national, commission des négociations", Date: "2024-12-02", Base: "MGF-2024-11"})
	src.texts["JM-2024-12"] = src.texts["MGF-2024-11"]
	m := start(t, src, Options{}, 80, 24)
	m = drive(t, m, keys("v")...)
	checkSize(t, m.View().Content, 80, 24)
	got := screenText(m)
	for _, want := range []string{"↳ MGF-2024-11", "↳ CNAM-2024-11", "Jeunes Mé"} {
		if !strings.Contains(got, want) {
			t.Errorf("the versions screen lacks %q:\n%s", want, got)
		}
	}
}

// TestPartiesLeaveOutAmendments: an answer stored as amending
// instructions (a union's amendments to a code, imported as a version) is
// left out of the table, and the status says so. Before, its column read
// as every clause of the proposal removed.
func TestPartiesLeaveOutAmendments(t *testing.T) {
	src := sixAnswers()
	src.versions = append(src.versions, store.Version{Label: "CSMF-AM", Party: "CSMF", Date: "2024-11-21", Base: "CNAM-2024-11"})
	src.texts["CSMF-AM"] = "# Amendements de la CSMF\n\n## Article 1er\n\n" +
		"L'article L. 162-5 du code de la sécurité sociale est ainsi modifié : les mots : « six mois » sont remplacés par les mots : « trois mois ».\n\n" +
		"## Article 2\n\nAu deuxième alinéa de l'article L. 162-14-1 du code de la sécurité sociale, le mot : « peut » est remplacé par le mot : « doit ».\n"
	m := start(t, src, Options{}, 100, 30)
	m = drive(t, m, keys("v", "G", "p")...)
	if m.screen != screenParties || len(m.answers.answers) != 6 {
		t.Fatalf("screen %s, %d answers, status %q", screenNames[m.screen], len(m.answers.answers), m.status)
	}
	for _, a := range m.answers.answers {
		if a.Label == "CSMF-AM" {
			t.Errorf("CSMF-AM is a column of the table")
		}
	}
	if !strings.Contains(m.status, "CSMF-AM left out: amending instructions") {
		t.Errorf("status %q does not say CSMF-AM is left out", m.status)
	}
	if strings.Contains(screenText(m), "removed") {
		t.Errorf("a clause shows removed:\n%s", screenText(m))
	}
}

// TestPartiesRefuseInstructionsAsBase: a base stored as amending
// instructions (an avenant written as amendments, imported as a version)
// answered by texts is an error naming it, as avenant compare says.
// Before, the screen opened, every answer's column reading as the base's
// instructions replaced by a text.
func TestPartiesRefuseInstructionsAsBase(t *testing.T) {
	src := sixAnswers()
	src.texts["CNAM-2024-11"] = "# Avenant n° 3\n\n## Article 1er\n\n" +
		"À l'article 1er, le montant : « 26,50 € » est remplacé par le montant : « 30 € ».\n\n" +
		"## Article 2\n\nL'article 2 est abrogé.\n\n" +
		"## Article 3\n\nAu premier alinéa de l'article 4, le mot : « peut » est remplacé par le mot : « doit ».\n"
	m := start(t, src, Options{}, 100, 30)
	m = drive(t, m, keys("v", "G", "p")...)
	if m.screen == screenParties {
		t.Fatalf("the parties screen opened on a base of instructions:\n%s", screenText(m))
	}
	want := "CNAM-2024-11: most of its articles are amending instructions (it amends a text, it is not one), laid as the base of MGF-2024-11, a text"
	if m.err == nil || !strings.Contains(m.err.Error(), want) {
		t.Errorf("error %v, want it to say %q", m.err, want)
	}
}
