package clause

import (
	"strings"
	"testing"
)

// presenceCases hold, for each kind of fact a clause can bring or take
// away whole, a sentence stating one value of that kind.
var presenceCases = []struct {
	kind     FactKind
	sentence string
	value    string // the fact's text as written
}{
	{FactAmount, "La consultation de suivi est valorisée à 30 € par patient.", "30 € par patient"},
	{FactPercent, "Le taux de prise en charge par la caisse est de 70 % du tarif.", "70 %"},
	{FactDate, "Le dispositif de suivi s'applique à compter du 1er octobre 2024.", "1er octobre 2024"},
	{FactDuration, "Le contrat de suivi est conclu pour une durée de trois ans.", "trois ans"},
	{FactCode, "Le médecin facture pour ce suivi la consultation APC.", "APC"},
	// An article that comes or goes with its "doit" or its "ne … pas"
	// brings or takes an obligation: the diff lists it, the gate reads it.
	{FactModality, "Le médecin traitant doit informer la caisse de tout arrêt de suivi.", "doit"},
	{FactNegation, "Le dépassement d'honoraires n'est pas autorisé pour ce suivi.", "n'est pas"},
}

const presenceFirst = "Les caisses mettent à disposition des médecins les données de leur activité et les informent des dispositifs existants."

func presenceDoc(articles ...string) *Document {
	var b strings.Builder
	b.WriteString("# Convention\n\n")
	for _, a := range articles {
		b.WriteString(a + "\n\n")
	}
	return Parse(b.String())
}

func factsOfKind(d *Diff, kind ChangeKind, fk FactKind) (found bool, facts []Fact) {
	for _, c := range d.Changes {
		if c.Kind != kind {
			continue
		}
		found = true
		for _, f := range c.Facts {
			if f.Kind == fk {
				facts = append(facts, f)
			}
		}
	}
	return found, facts
}

// TestPresenceFacts: an added clause yields the facts of its text with an
// empty old side, a removed clause with an empty new side; a split or a
// merge compares the whole old text with the whole new text, so that a
// value moved from one article to the other is no fact.
func TestPresenceFacts(t *testing.T) {
	first := "## Article 1 - Objet\n\n" + presenceFirst
	for _, pc := range presenceCases {
		t.Run(string(pc.kind), func(t *testing.T) {
			second := "## Article 2 - Suivi\n\n" + pc.sentence
			withOne, withTwo := presenceDoc(first), presenceDoc(first, second)

			found, facts := factsOfKind(Compare(withOne, withTwo, CompareOptions{}), Added, pc.kind)
			if !found || len(facts) != 1 || facts[0].Old != "" || facts[0].New != pc.value || facts[0].OldValue != nil {
				t.Errorf("added: found %v, facts %+v; want one fact – → %s", found, facts, pc.value)
			}
			found, facts = factsOfKind(Compare(withTwo, withOne, CompareOptions{}), Removed, pc.kind)
			if !found || len(facts) != 1 || facts[0].Old != pc.value || facts[0].New != "" || facts[0].NewValue != nil {
				t.Errorf("removed: found %v, facts %+v; want one fact %s → –", found, facts, pc.value)
			}

			whole := presenceDoc(first + "\n\n" + pc.sentence)
			parts := presenceDoc(first, "## Article 1 bis - Suivi\n\n"+pc.sentence)
			found, facts = factsOfKind(Compare(whole, parts, CompareOptions{}), Split, pc.kind)
			if !found || len(facts) != 0 {
				t.Errorf("split: found %v, facts %+v; want a split with no fact", found, facts)
			}
			found, facts = factsOfKind(Compare(parts, whole, CompareOptions{}), Merged, pc.kind)
			if !found || len(facts) != 0 {
				t.Errorf("merge: found %v, facts %+v; want a merge with no fact", found, facts)
			}
		})
	}
}

// TestPresenceFactsTariffRow: a tariff row that appears or disappears is a
// code fact and an amount fact tied to its code, even for a code the
// extractor does not know.
func TestPresenceFactsTariffRow(t *testing.T) {
	table := func(rows ...string) *Document {
		return Parse("# Convention\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n" +
			strings.Join(rows, "\n") + "\n")
	}
	g := "| G | Consultation de référence | 30 € |"
	for _, row := range []struct{ line, code, amount string }{
		{"| CCP | Consultation de contraception et de prévention | 46 € |", "CCP", "46 €"},
		{"| XQZ | Consultation expérimentale | 12,50 € |", "XQZ", "12,50 €"},
	} {
		t.Run(row.code, func(t *testing.T) {
			d := Compare(table(g), table(g, row.line), CompareOptions{})
			want := []string{"code  – " + row.code, "amount " + row.code + " – " + row.amount}
			if got := presenceBrief(d, Added); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("added row: %q, want %q", got, want)
			}
			d = Compare(table(g, row.line), table(g), CompareOptions{})
			want = []string{"code  " + row.code + " –", "amount " + row.code + " " + row.amount + " –"}
			if got := presenceBrief(d, Removed); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("removed row: %q, want %q", got, want)
			}
		})
	}
}

func presenceBrief(d *Diff, kind ChangeKind) []string {
	var out []string
	side := func(s string) string {
		if s == "" {
			return "–"
		}
		return s
	}
	for _, c := range d.Changes {
		if c.Kind == kind {
			for _, f := range c.Facts {
				out = append(out, string(f.Kind)+" "+f.Subject+" "+side(f.Old)+" "+side(f.New))
			}
		}
	}
	return out
}
