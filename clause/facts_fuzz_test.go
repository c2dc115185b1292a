package clause

import (
	"reflect"
	"testing"
)

// FuzzCompareFacts checks what must hold for any pair of texts: no panic,
// a text compared with itself yields nothing, the result does not depend
// on the run, every fact is well formed, and the facts read around the
// changes are those of the whole texts.
func FuzzCompareFacts(f *testing.F) {
	for _, c := range factCases {
		f.Add(c.old, c.new, c.subject)
	}
	f.Add("articles 12, 13 et 14 du code", "articles 12 et 14", "")
	f.Add("n'", "ne", "")
	f.Add("1 000 000 000 000 000 000 000 €", "€ 1,", "G")
	f.Add("- G\n\n\n30 €\n- GS\n31 €", "peut ne pas ne pas ne", "")
	f.Add("L'article L. 162-5 et suivants dudit", "de la loi n° du 31 février 2024", "")
	f.Fuzz(func(t *testing.T, old, new, subject string) {
		if fs := compareFacts(old, old, subject, nil); fs != nil {
			t.Fatalf("CompareFacts(x, x) = %s", factsJSON(fs))
		}
		a := compareFacts(old, new, subject, nil)
		b := compareFacts(old, new, subject, nil)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("not deterministic:\n%s\n%s", factsJSON(a), factsJSON(b))
		}
		for _, fact := range a {
			switch fact.Kind {
			case FactAmount, FactPercent, FactDate, FactDuration, FactCode, FactModality, FactNegation, FactReference:
			default:
				t.Fatalf("unknown kind in %s", factsJSON([]Fact{fact}))
			}
			if fact.Old == "" && fact.New == "" {
				t.Fatalf("empty fact %s", factsJSON([]Fact{fact}))
			}
			if fact.Old == fact.New && fact.Note == "" {
				t.Fatalf("unchanged fact reported %s", factsJSON([]Fact{fact}))
			}
			if (fact.Old == "" && fact.OldValue != nil) || (fact.New == "" && fact.NewValue != nil) {
				t.Fatalf("value without text %s", factsJSON([]Fact{fact}))
			}
		}
		// Read around the changes or in the whole texts, the facts are
		// the same.
		whole := reportFacts(extractWhole(normalizeFactText(old), normalizeFactText(new), subject), nil)
		if !reflect.DeepEqual(a, whole) {
			t.Fatalf("facts around the changes\n%s\nwhole texts\n%s", factsJSON(a), factsJSON(whole))
		}
		refs := &refIndex{OldToNew: map[string]string{"article:1": "2", "article:2": ""}, NewKeys: map[string]bool{"article:2": true}}
		c := compareFacts(old, new, subject, refs)
		if !reflect.DeepEqual(c, compareFacts(old, new, subject, refs)) {
			t.Fatal("not deterministic with refs")
		}
	})
}
