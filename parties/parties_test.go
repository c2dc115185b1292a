package parties

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
)

const baseText = `# Convention

## Article 1 - Objet

La présente convention organise les rapports entre les médecins libéraux et l'assurance maladie.

## Article 2 - Consultation

La consultation de référence, cotée G, est fixée à 26,50 €.

## Article 3 - Assistants médicaux

La caisse verse une aide à l'emploi d'un assistant médical au médecin qui s'engage à augmenter sa patientèle.

## Article 4 - Contrôle

La caisse peut suspendre le versement de l'aide lorsque le médecin n'a pas atteint ses engagements au terme de la deuxième année.

## Article 5 - Durée

La présente convention est conclue pour une durée de cinq ans.
`

// three answers to baseText: CSMF accepts it as it stands; MG France asks
// G at 30 €, adds an article 3 and renumbers what follows; UFML-S asks G
// at 30 € in other words and removes article 4.
var (
	acceptText = baseText
	mgfText    = strings.NewReplacer(
		"est fixée à 26,50 €.", "est portée à 30 €.",
		"## Article 5 - Durée", "## Article 6 - Durée",
		"## Article 4 - Contrôle", "## Article 5 - Contrôle",
		"## Article 3 - Assistants médicaux", "## Article 3 - Téléconsultation\n\nLe médecin peut réaliser des téléconsultations avec les patients qu'il suit, dans la limite de vingt pour cent de son activité.\n\n## Article 4 - Assistants médicaux",
	).Replace(baseText)
	ufmlsText = strings.NewReplacer(
		"La consultation de référence, cotée G, est fixée à 26,50 €.", "La consultation de référence (G) est fixée à 30 €.",
		"## Article 4 - Contrôle\n\nLa caisse peut suspendre le versement de l'aide lorsque le médecin n'a pas atteint ses engagements au terme de la deuxième année.\n\n", "",
	).Replace(baseText)
)

func threeAnswers(t *testing.T) *Table {
	t.Helper()
	base := clause.Parse(baseText)
	var answers []*clause.Document
	for _, s := range []string{acceptText, mgfText, ufmlsText} {
		answers = append(answers, clause.Parse(s))
	}
	return Compare(base, answers, clause.CompareOptions{})
}

// cell describes answer j on row r: its kind and flags, "-" for none.
func cell(t *Table, r *Row, j int) string {
	c := t.Change(r, j)
	if c == nil {
		return "-"
	}
	s := string(c.Kind)
	if c.Renumbered {
		s += "+renumbered"
	}
	if c.Moved {
		s += "+moved"
	}
	return s
}

func rowName(t *Table, r *Row) string {
	name := t.Clause(r).Label()
	if r.Base < 0 {
		name = "new " + name
	}
	return name
}

func TestThreeAnswers(t *testing.T) {
	tab := threeAnswers(t)
	var got []string
	for i := range tab.Rows {
		r := &tab.Rows[i]
		got = append(got, fmt.Sprintf("%s: %s | %s | %s agree=%v", rowName(tab, r), cell(tab, r, 0), cell(tab, r, 1), cell(tab, r, 2), r.Agree))
	}
	want := []string{
		"Convention: unchanged | unchanged | unchanged agree=[]",
		"Article 1 - Objet: unchanged | unchanged | unchanged agree=[]",
		"Article 2 - Consultation: unchanged | modified | modified agree=[[1 2]]",
		"new Article 3 - Téléconsultation: - | added | - agree=[]",
		"Article 3 - Assistants médicaux: unchanged | unchanged+renumbered | unchanged agree=[]",
		"Article 4 - Contrôle: unchanged | unchanged+renumbered | removed agree=[]",
		"Article 5 - Durée: unchanged | unchanged+renumbered | unchanged agree=[]",
	}
	for i := range got {
		got[i] = strings.Replace(got[i], "agree=[]]", "agree=[]", 1)
	}
	if !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !tab.Differs() {
		t.Error("Differs() = false, want true")
	}
	// The answer that accepts the base changes nothing, and no answer
	// removes a clause it did not touch.
	for i := range tab.Rows {
		r := &tab.Rows[i]
		if c := tab.Change(r, 0); c != nil && c.Substantive() {
			t.Errorf("%s: the accepting answer shows %s", rowName(tab, r), c.Kind)
		}
		if c := tab.Change(r, 1); c != nil && c.Kind == clause.Removed {
			t.Errorf("%s: removed by MG France, which only renumbered it", rowName(tab, r))
		}
	}
}

func TestAgreementOnFactsOrText(t *testing.T) {
	base := clause.Parse(baseText)
	same := strings.Replace(baseText, "26,50 €", "30 €", 1)
	retyped := strings.Replace(same, "La présente convention organise", "La  présente convention organise", 1)
	other := strings.Replace(baseText, "26,50 €", "28 €", 1)
	tab := Compare(base, []*clause.Document{clause.Parse(same), clause.Parse(other), clause.Parse(retyped)}, clause.CompareOptions{})
	for i := range tab.Rows {
		r := &tab.Rows[i]
		var want [][]int
		if tab.Clause(r).Number == "2" {
			want = [][]int{{0, 2}}
		}
		if fmt.Sprint(r.Agree) != fmt.Sprint(want) {
			t.Errorf("%s: agree = %v, want %v", rowName(tab, r), r.Agree, want)
		}
	}
}

// Two answers that add the same clause at the same place share its row
// and agree; a clause added under another number has a row of its own.
func TestSameAdditionSharesARow(t *testing.T) {
	base := clause.Parse(baseText)
	extra := "## Article 2 bis - Visite\n\nLa visite à domicile, cotée V, est fixée à 30 €.\n\n## Article 3 - Assistants médicaux"
	a := strings.Replace(baseText, "## Article 3 - Assistants médicaux", extra, 1)
	b := strings.Replace(a, "cotée V", "cotée  V", 1) // the same, retyped
	c := strings.Replace(baseText, "## Article 3 - Assistants médicaux", "## Article 2 ter - Astreinte\n\nLe médecin participe à la permanence des soins selon un tableau établi chaque trimestre par le conseil départemental.\n\n## Article 3 - Assistants médicaux", 1)
	tab := Compare(base, []*clause.Document{clause.Parse(a), clause.Parse(b), clause.Parse(c)}, clause.CompareOptions{})
	var added []string
	for i := range tab.Rows {
		r := &tab.Rows[i]
		if r.Base < 0 {
			added = append(added, fmt.Sprintf("%s: %s %s %s %v", rowName(tab, r), cell(tab, r, 0), cell(tab, r, 1), cell(tab, r, 2), r.Agree))
		}
	}
	want := []string{
		"new Article 2 bis - Visite: added added - [[0 1]]",
		"new Article 2 ter - Astreinte: - - added []",
	}
	if !slices.Equal(added, want) {
		t.Errorf("added rows:\n%s\nwant:\n%s", strings.Join(added, "\n"), strings.Join(want, "\n"))
	}
	if tab.Rows[3].Base != -1 || tab.Rows[2].Base < 0 || tab.Clause(&tab.Rows[2]).Number != "2" {
		t.Errorf("added rows are not placed after article 2")
	}
}

func TestLatestAnswered(t *testing.T) {
	for _, tc := range []struct {
		labels, bases string
		base          int
		answers       []int
	}{
		{"", "", -1, nil},
		{"a b c", "- a b", -1, nil},
		{"a b c d e f", "- a b b b e", 1, []int{2, 3, 4}},
		{"a b c d e", "- a a c c", 2, []int{3, 4}},
		// An answer dated before the version it answers (listed first)
		// counts: before, one was dropped and CNAM had a single answer.
		{"fmf cnam mgf", "cnam - cnam", 1, []int{0, 2}},
	} {
		split := func(s string) []string {
			f := strings.Fields(strings.ReplaceAll(s, "-", "_"))
			for i := range f {
				f[i] = strings.Trim(f[i], "_")
			}
			return f
		}
		labels, bases := split(tc.labels), split(tc.bases)
		base, answers := LatestAnswered(labels, bases)
		if base != tc.base || !slices.Equal(answers, tc.answers) {
			t.Errorf("LatestAnswered(%q, %q) = %d %v, want %d %v", tc.labels, tc.bases, base, answers, tc.base, tc.answers)
		}
	}
}

// Two answers with the same facts agree only when nothing else differs
// beside the sentences that carry them: an answer asking G at 30 € and a
// new duty besides does not agree with one asking G at 30 € alone, though
// their facts are the same; a third asking 30 € in other words does.
func TestAgreementOnFactsAlone(t *testing.T) {
	base := clause.Parse(baseText)
	const fixed = "La consultation de référence, cotée G, est fixée à 26,50 €."
	alone := strings.Replace(baseText, fixed, "La consultation de référence, cotée G, est portée à 30 €.", 1)
	more := strings.Replace(baseText, fixed, "La consultation de référence, cotée G, est fixée à 30 €. Le médecin en informe chaque patient par affichage.", 1)
	reworded := strings.Replace(baseText, fixed, "La consultation de référence (G) est fixée à 30 €.", 1)
	tab := Compare(base, []*clause.Document{clause.Parse(alone), clause.Parse(more), clause.Parse(reworded)}, clause.CompareOptions{})
	found := false
	for i := range tab.Rows {
		r := &tab.Rows[i]
		if tab.Clause(r).Number != "2" {
			continue
		}
		found = true
		if fmt.Sprint(r.Agree) != "[[0 2]]" {
			t.Errorf("article 2: agree = %v, want [[0 2]]", r.Agree)
		}
		for j := range r.Cells {
			if len(tab.Change(r, j).Facts) != 1 {
				t.Fatalf("answer %d: facts %v, want the amount alone", j, tab.Change(r, j).Facts)
			}
		}
	}
	if !found {
		t.Fatal("no row for article 2: the test proves nothing")
	}
}

// Two answers moving a clause agree only when they put it at the same
// place; one moving it does not agree with one leaving it where it
// stands, though the text is the same. Before, every pair of these
// agreed: the same text and the same kind.
func TestAgreementOnPlace(t *testing.T) {
	base := clause.Parse(baseText)
	const five = "## Article 5 - Durée\n\nLa présente convention est conclue pour une durée de cinq ans.\n"
	without := strings.Replace(baseText, five, "", 1)
	after := func(heading string) string {
		return strings.Replace(without, heading, five+"\n"+heading, 1)
	}
	early := after("## Article 2 - Consultation")
	retyped := strings.Replace(early, "pour une durée", "pour une  durée", 1)
	late := after("## Article 4 - Contrôle")
	const two = "## Article 2 - Consultation\n\nLa consultation de référence, cotée G, est fixée à 26,50 €.\n\n"
	priced := strings.Replace(baseText, "26,50 €", "30 €", 1)
	pricedMoved := strings.Replace(priced, strings.Replace(two, "26,50 €", "30 €", 1), "", 1) + "\n" + strings.Replace(two, "26,50 €", "30 €", 1)
	tab := Compare(base, []*clause.Document{clause.Parse(early), clause.Parse(retyped), clause.Parse(late), clause.Parse(priced), clause.Parse(pricedMoved)}, clause.CompareOptions{})
	want := map[string]string{"5": "[[0 1]]", "2": "[]"}
	for i := range tab.Rows {
		r := &tab.Rows[i]
		w, ok := want[tab.Clause(r).Number]
		if !ok {
			continue
		}
		delete(want, tab.Clause(r).Number)
		var cells []string
		for j := range r.Cells {
			cells = append(cells, cell(tab, r, j))
		}
		if got := fmt.Sprint(r.Agree); got != w {
			t.Errorf("article %s (%s): agree = %s, want %s", tab.Clause(r).Number, strings.Join(cells, " "), got, w)
		}
	}
	if len(want) > 0 {
		t.Fatalf("no row for %v: the test proves nothing", want)
	}
}

// Kept names each value an answer leaves as the base has it while another
// changes it, values that name no code told apart by the base's side.
// Before, an answer changing the 25 € forfait was taken to have said its
// word on the 40 € one too (both "amount" with no subject), and the third
// answer kept only the first.
func TestKeptTellsValuesApart(t *testing.T) {
	const base = "# Proposition\n\n## Article 1er - Forfaits\n\nLe forfait médecin traitant est fixé à 25 € par patient. Le forfait structure est fixé à 40 € par patient.\n"
	tab := Compare(clause.Parse(base), []*clause.Document{
		clause.Parse(strings.Replace(base, "fixé à 25 €", "fixé à 30 €", 1)),
		clause.Parse(strings.Replace(base, "fixé à 40 €", "fixé à 50 €", 1)),
		clause.Parse(base),
	}, clause.CompareOptions{})
	for i := range tab.Rows {
		r := &tab.Rows[i]
		if tab.Clause(r).Number != "1er" {
			continue
		}
		var got []string
		for j := range r.Cells {
			var olds []string
			for _, f := range tab.Kept(r, j) {
				olds = append(olds, f.Old)
			}
			got = append(got, strings.Join(olds, "+"))
		}
		if want := "40 € par patient|25 € par patient|25 € par patient+40 € par patient"; strings.Join(got, "|") != want {
			t.Errorf("kept %q, want %q", strings.Join(got, "|"), want)
		}
		return
	}
	t.Fatal("no row for article 1er: the test proves nothing")
}

// Two answers asking the same value agree however they phrase its setting
// or name its code, and disagree when one says anything more in the
// sentence that carries it: a restriction, a condition, an exception, a
// bound. Before, every word of a sentence holding the value was ignored,
// and "32 € pour les seuls patients en ALD" agreed with "32 €".
func TestAgreementReadsTheCarryingSentence(t *testing.T) {
	const fixed = "La consultation de référence, cotée G, est fixée à 26,50 €."
	const plain = "La consultation de référence, cotée G, est fixée à 32 €."
	for _, tc := range []struct {
		other string
		agree bool
	}{
		{"La consultation de référence, cotée G, est portée à 32 €.", true},
		{"La consultation de référence (G) est fixée à 32 €.", true},
		{"La consultation de référence, cotée G, passe à 32 €.", true},
		{"La consultation de référence, cotée G, est fixée à 32,00 euros.", true},
		{"La consultation de référence, cotée G, est fixée à trente-deux euros.", true},
		{"La consultation de référence, cotée G, est fixée à 32 € pour les seuls patients en ALD.", false},
		{"Pour les seuls patients en ALD, la consultation de référence, cotée G, est fixée à 32 €.", false},
		{"La consultation de référence, cotée G, est fixée à 32 €, sauf en cas d'urgence.", false},
		{"La consultation de référence, cotée G, est fixée à 32 € lorsque le patient a plus de 80 ans.", false},
		{"La consultation de référence, cotée G, est fixée à 32 € à condition que le médecin adhère à l'OPTAM.", false},
		{"La consultation de référence, cotée G, est uniquement fixée à 32 €.", false},
		{"La consultation de référence, cotée G, est plafonnée à 32 €.", false},
		{"La consultation de référence du médecin traitant, cotée G, est fixée à 32 €.", false},
	} {
		base := clause.Parse(baseText)
		a := clause.Parse(strings.Replace(baseText, fixed, plain, 1))
		b := clause.Parse(strings.Replace(baseText, fixed, tc.other, 1))
		tab := Compare(base, []*clause.Document{a, b}, clause.CompareOptions{})
		if got := len(rowNumbered(t, tab, "2").Agree) == 1; got != tc.agree {
			t.Errorf("%q against %q: agree = %v, want %v", plain, tc.other, got, tc.agree)
		}
	}
}

// rowNumbered is the row of the base's clause numbered number.
func rowNumbered(t *testing.T, tab *Table, number string) *Row {
	t.Helper()
	for i := range tab.Rows {
		if r := &tab.Rows[i]; r.Base >= 0 && tab.Clause(r).Number == number {
			return r
		}
	}
	t.Fatalf("no row for clause %s: the test proves nothing", number)
	return nil
}

// A clause removed and a clause kept only to say it is removed are the
// same answer, however the removal is printed; a clause whose text speaks
// of something removed is not. Before, only the removal agreed with
// nothing: "Article 4 (supprimé)", "Article 4 – Supprimé." and a body
// "Supprimé." were modifications at 0 %, agreeing with no one.
func TestAgreementOnRemoval(t *testing.T) {
	const four = "## Article 4 - Contrôle\n\nLa caisse peut suspendre le versement de l'aide lorsque le médecin n'a pas atteint ses engagements au terme de la deuxième année.\n"
	answers := []string{
		strings.Replace(baseText, four, "", 1),
		strings.Replace(baseText, four, "## Article 4 (supprimé)\n", 1),
		strings.Replace(baseText, four, "## Article 4 – Supprimé.\n", 1),
		strings.Replace(baseText, four, "## Article 4 - Contrôle (supprimé)\n", 1),
		strings.Replace(baseText, four, "## Article 4 - Contrôle\n\nSupprimé.\n", 1),
		strings.Replace(baseText, four, "## Article 4 - Contrôle\n\nLe contrôle est supprimé.\n", 1),
	}
	var docs []*clause.Document
	for _, a := range answers {
		docs = append(docs, clause.Parse(a))
	}
	tab := Compare(clause.Parse(baseText), docs, clause.CompareOptions{})
	if got := fmt.Sprint(rowNumbered(t, tab, "4").Agree); got != "[[0 1 2 3 4]]" {
		t.Errorf("article 4: agree = %s, want [[0 1 2 3 4]]", got)
	}
}

// Two answers agree on a value when they agree on its figure, however
// written, and on what it is paid by and bounded by. Before, the figure
// alone was compared: "30 € par patient", "30 € par patient et par an"
// and "30 €" all agreed.
func TestAgreementOnWhatAValueIsPaidBy(t *testing.T) {
	const base = "# Proposition\n\n## Article 1er - Forfait\n\nLe forfait médecin traitant est fixé à 25 € par patient.\n\n## Article 2 - Durée\n\nLa présente convention est conclue pour cinq ans.\n"
	const mine = "30 € par patient"
	for _, tc := range []struct {
		other string
		agree bool
	}{
		{"30 € par patient", true},
		{"trente euros par patient", true},
		{"30,00 € par patient", true},
		{"30 € par patient et par an", false},
		{"30 € par an", false},
		{"30 €", false},
		{"30 € HT par patient", false},
		{"au plus 30 € par patient", false},
		{"trente euros par patient et par an", false},
	} {
		a := clause.Parse(strings.Replace(base, "25 € par patient", mine, 1))
		b := clause.Parse(strings.Replace(base, "25 € par patient", tc.other, 1))
		tab := Compare(clause.Parse(base), []*clause.Document{a, b}, clause.CompareOptions{})
		if got := len(rowNumbered(t, tab, "1er").Agree) == 1; got != tc.agree {
			t.Errorf("%q against %q: agree = %v, want %v", mine, tc.other, got, tc.agree)
		}
	}
}

// Two answers that reword a clause alike agree whatever number each gives
// it, as they did when the clause carried a fact: the renumbering is the
// cell's own mark, here the wake of article 3 removed by one of them.
// Before, the same words under "Article 4" and "Article 3" agreed only
// when a fact changed with them.
func TestAgreementWhateverTheNumber(t *testing.T) {
	const three = "## Article 3 - Assistants médicaux\n\nLa caisse verse une aide à l'emploi d'un assistant médical au médecin qui s'engage à augmenter sa patientèle.\n\n"
	reworded := strings.Replace(baseText, "La caisse peut suspendre le versement", "La caisse peut interrompre le versement", 1)
	renumbered := strings.Replace(strings.Replace(strings.Replace(reworded, three, "", 1), "## Article 4", "## Article 3", 1), "## Article 5", "## Article 4", 1)
	tab := Compare(clause.Parse(baseText), []*clause.Document{clause.Parse(reworded), clause.Parse(renumbered)}, clause.CompareOptions{})
	r := rowNumbered(t, tab, "4")
	if cell(tab, r, 1) != "modified+renumbered" {
		t.Fatalf("article 4 in the second answer: %s, want modified+renumbered", cell(tab, r, 1))
	}
	if got := fmt.Sprint(r.Agree); got != "[[0 1]]" {
		t.Errorf("article 4: agree = %s, want [[0 1]]", got)
	}
}

// A sum in words is its figure whatever links its words: "vingt et un
// euros" is "21 €", "trente-deux euros et cinquante centimes" "32,50 €",
// and so is "cinquante centimes" "0,50 €". Before, the "et" and the
// "centimes" read as what the value is paid by, and answers asking the
// same sum did not agree.
func TestAgreementOnSumsInWords(t *testing.T) {
	const base = "# Proposition\n\n## Article 1er - Forfait\n\nLe forfait est fixé à 25 € par patient.\n\n## Article 2 - Durée\n\nLa présente convention est conclue pour cinq ans.\n"
	agreeing(t, base, "25 € par patient", []agreeCase{
		{"21 €", "vingt et un euros", true},
		{"32,50 €", "trente-deux euros et cinquante centimes", true},
		{"0,50 €", "cinquante centimes", true},
		{"21,50 €", "vingt et un euros et cinquante centimes", true},
		{"21 € par patient et par an", "vingt et un euros par patient et par an", true},
		{"21 € par patient", "vingt et un euros par patient et par an", false},
	})
}

// Two answers asking the same date agree however they write it: "1er
// janvier 2025" and "01/01/2025". Before, the texts were compared, and
// they did not. A month is not its first day, nor one day the next.
func TestAgreementOnDates(t *testing.T) {
	const base = "# Proposition\n\n## Article 1er - Consultation\n\nLa consultation G est fixée à 26,50 € à compter du 1er octobre 2024.\n\n## Article 2 - Durée\n\nLa présente convention est conclue pour cinq ans.\n"
	agreeing(t, base, "1er octobre 2024", []agreeCase{
		{"1er janvier 2025", "01/01/2025", true},
		{"1er janvier 2025", "1/1/2025", true},
		{"1er janvier 2025", "2 janvier 2025", false},
		{"1er janvier 2025", "janvier 2025", false},
	})
}

// A rate is its figure however its per cent is written: "70 %", "70 pour
// cent", "soixante-dix pour cent", "70 p. 100" as decrees write it.
// Before, the "p" of "p. 100" read as what the rate applies to, and the
// answers did not agree.
func TestAgreementOnRates(t *testing.T) {
	const base = "# Proposition\n\n## Article 1er - Prise en charge\n\nLe taux de prise en charge est fixé à 60 % du tarif.\n\n## Article 2 - Durée\n\nLa présente convention est conclue pour cinq ans.\n"
	agreeing(t, base, "60 %", []agreeCase{
		{"70 %", "70 p. 100", true},
		{"70 %", "70 pour 100", true},
		{"70 %", "soixante-dix pour cent", true},
		{"70 %", "70 % au plus", false},
	})
}

// agreeCase is two answers' words in place of the same words of the base,
// and whether they agree.
type agreeCase struct {
	mine, other string
	agree       bool
}

// agreeing checks, for each case, whether the answers that put its words
// in place of words of base's article 1er agree.
func agreeing(t *testing.T, base, words string, cases []agreeCase) {
	t.Helper()
	for _, tc := range cases {
		a := clause.Parse(strings.Replace(base, words, tc.mine, 1))
		b := clause.Parse(strings.Replace(base, words, tc.other, 1))
		tab := Compare(clause.Parse(base), []*clause.Document{a, b}, clause.CompareOptions{})
		if got := len(rowNumbered(t, tab, "1er").Agree) == 1; got != tc.agree {
			t.Errorf("%q against %q: agree = %v, want %v", tc.mine, tc.other, got, tc.agree)
		}
	}
}

// A price written bare in a table whose note gives its unit ("Tarifs (en
// euros)", "| G | … | 30,00 |") is the same ask as "30 €" in a table
// that writes it. Before, the row's text was compared whole, its bare
// "30,00" not taken for the "30,00 €" its facts read, and the answers did
// not agree. A label changed beside it is still a change of its own.
func TestAgreementOnBareRowPrices(t *testing.T) {
	const base = "# Proposition\n\n## Article 1er - Tarifs\n\nTarifs des consultations (en euros)\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 |\n| GS | Spécialiste | 26,50 |\n"
	for _, tc := range []struct {
		other string
		agree bool
	}{
		{"| G | Consultation | 30 € |", true},
		{"| G | Consultation | 30 |", true},
		{"| G | Consultation longue | 30 € |", false},
	} {
		a := clause.Parse(strings.Replace(base, "| G | Consultation | 26,50 |", "| G | Consultation | 30,00 |", 1))
		b := clause.Parse(strings.Replace(base, "| G | Consultation | 26,50 |", tc.other, 1))
		tab := Compare(clause.Parse(base), []*clause.Document{a, b}, clause.CompareOptions{})
		if got := len(rowNumbered(t, tab, "G").Agree) == 1; got != tc.agree {
			t.Errorf("%q against %q: agree = %v, want %v", "30,00", tc.other, got, tc.agree)
		}
	}
}
