package store_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/store"
)

// article builds a one-article document.
func article(number, text string) *clause.Document {
	return &clause.Document{Clauses: []clause.Clause{{
		ID: "art-" + number, Kind: clause.KindArticle, Number: number,
		Key: clause.NumberKey(clause.KindArticle, number), Heading: "Article " + number + " - Tarifs",
		Text: text, Parent: -1,
	}}}
}

func Example() {
	dir, _ := os.MkdirTemp("", "avenant-example-")
	defer os.RemoveAll(dir)
	s, err := store.Init(filepath.Join(dir, "store"))
	if err != nil {
		fmt.Println(err)
		return
	}
	s.Import(article("2", "La consultation est valorisée à 25 €. Le tarif est révisé chaque année."),
		store.ImportOptions{Party: "Arbitre", Label: "RA-2023", Date: "2023-04-30"})
	s.Import(article("2", "La consultation est valorisée à 25 €. Le tarif est révisé tous les deux ans."),
		store.ImportOptions{Party: "CNAM", Label: "CNAM-2024", Date: "2024-02-08"})

	entries, _ := s.Log("art-2", nil)
	for _, e := range entries {
		fmt.Println(e.Version.Label, e.Version.Party, e.Change)
	}
	spans, _ := s.Blame("art-2", nil, false)
	for _, sp := range spans {
		fmt.Printf("%-9s %q\n", sp.Version.Label, sp.Text)
	}
	// Output:
	// RA-2023 Arbitre added
	// CNAM-2024 CNAM modified
	// RA-2023   "La consultation est valorisée à 25 €. Le tarif est révisé "
	// CNAM-2024 "tous les deux ans"
	// RA-2023   "."
}
