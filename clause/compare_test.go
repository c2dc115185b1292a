package clause

import (
	"reflect"
	"testing"
)

func TestLongestIncreasing(t *testing.T) {
	cases := []struct {
		in   []int
		want []bool
	}{
		{nil, []bool{}},
		{[]int{0, 1, 2, 3}, []bool{true, true, true, true}},
		{[]int{4, 0, 1, 2, 3}, []bool{false, true, true, true, true}}, // last moved to front
		{[]int{1, 2, 3, 4, 0}, []bool{true, true, true, true, false}}, // first moved to end
		{[]int{0, 3, 1, 2, 4}, []bool{true, false, true, true, true}}, // one jumped forward
	}
	for _, c := range cases {
		if got := longestIncreasing(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("longestIncreasing(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestLongestIncreasingPreferring: of the longest increasing orders, the
// one keeping the preferred elements; the longest whatever they prefer.
func TestLongestIncreasingPreferring(t *testing.T) {
	cases := []struct {
		in     []int
		prefer []bool
		want   []bool
	}{
		{nil, nil, []bool{}},
		// 3 went after 4: either stays; the one that kept its number does.
		{[]int{0, 1, 3, 2}, []bool{true, true, true, false}, []bool{true, true, true, false}},
		{[]int{0, 1, 3, 2}, []bool{true, true, false, true}, []bool{true, true, false, true}},
		// Length first: two unpreferred in order beat one preferred.
		{[]int{2, 0, 1}, []bool{true, false, false}, []bool{false, true, true}},
		{[]int{4, 0, 1, 2, 3}, []bool{false, false, false, false, false}, []bool{false, true, true, true, true}},
	}
	for _, c := range cases {
		if got := longestIncreasingPreferring(c.in, c.prefer); !reflect.DeepEqual(got, c.want) {
			t.Errorf("longestIncreasingPreferring(%v, %v) = %v, want %v", c.in, c.prefer, got, c.want)
		}
	}
	// The diff: article 3 (Durée) put after article 4 and numbered 5 is the
	// clause that moved; article 4 kept its place and its number.
	old := &Document{Clauses: []Clause{
		article("1", "Objet", "La présente convention régit les rapports entre les caisses et les médecins."),
		article("2", "Tarifs", "La consultation G est fixée à 26,50 € pour tous les médecins conventionnés."),
		article("3", "Durée", "Elle est conclue pour une durée de cinq ans à compter de sa publication."),
		article("4", "Commission", "Une commission paritaire suit l'application de la convention chaque année."),
	}}
	new := &Document{Clauses: []Clause{old.Clauses[0], old.Clauses[1], old.Clauses[3], article("5", "Durée", old.Clauses[2].Text)}}
	for _, c := range Compare(old, new, CompareOptions{}).Changes {
		if moved := c.New[0] == 3; c.Moved != moved {
			t.Errorf("%s: moved %v, want %v", new.Clauses[c.New[0]].Heading, c.Moved, moved)
		}
	}
}

// article builds an article clause for hand-made documents.
func article(number, title, text string) Clause {
	return Clause{
		ID: "art-" + number, Kind: KindArticle, Number: number, Key: NumberKey(KindArticle, number),
		Heading: "Article " + number + " - " + title, Text: text, Parent: -1,
	}
}

func TestCompareClassifies(t *testing.T) {
	old := &Document{Clauses: []Clause{
		article("1", "Objet", "La présente convention régit les rapports entre les caisses et les médecins."),
		article("2", "Tarifs", "La consultation G est fixée à 26,50 €."),
		article("3", "Durée", "Elle est conclue pour une durée de cinq ans."),
		article("4", "Abrogé", "Le médecin doit afficher ses honoraires dans sa salle d'attente."),
	}}
	new := &Document{Clauses: []Clause{
		article("1", "Objet", "La présente convention régit les rapports entre les caisses et  les médecins."),
		article("2", "Tarifs", "La consultation G est fixée à 30 €."),
		article("3", "Durée", "Elle est conclue pour une durée de cinq ans."),
	}}
	d := Compare(old, new, CompareOptions{})
	got := map[string]ChangeKind{}
	for _, c := range d.Changes {
		name := ""
		if len(c.Old) > 0 {
			name = old.Clauses[c.Old[0]].Number
		} else {
			name = "+" + new.Clauses[c.New[0]].Number
		}
		got[name] = c.Kind
	}
	want := map[string]ChangeKind{"1": Cosmetic, "2": Modified, "3": Unchanged, "4": Removed}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kinds = %v, want %v", got, want)
	}
	if d.Summary.Modified != 1 || d.Summary.Removed != 1 || d.Summary.Cosmetic != 1 || d.Summary.Unchanged != 1 {
		t.Errorf("summary = %+v", d.Summary)
	}
	if !d.Differs() {
		t.Error("Differs() = false for a diff with a modification")
	}
	same := Compare(old, old, CompareOptions{})
	if same.Differs() {
		t.Error("a document compared with itself differs")
	}
}

func TestNumberRuns(t *testing.T) {
	cases := map[string][]string{
		" 12 et 13":         {"12", "13"},
		" 2 bis du présent": {"2 bis", "2"},
		" L. 162-5 du code": {"L. 162-5"},
		" L262-35,":         {"L262-35"},
		" 28.1.":            {"28.1"},
		" premier":          nil,
	}
	for in, want := range cases {
		if got := numberRuns(in); !reflect.DeepEqual(got, want) {
			t.Errorf("numberRuns(%q) = %q, want %q", in, got, want)
		}
	}
}
