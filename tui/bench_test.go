package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/avenant-dev/avenant/clause"
)

// bigSource is a negotiation of n clauses (titles of 50 articles) whose
// every tenth article changed; the diff is built once, so that the
// benchmarks measure the TUI, not the aligner.
func bigSource(n int) *fakeSource {
	var oldB, newB strings.Builder
	for i := 0; i < n; i++ {
		if i%50 == 0 {
			fmt.Fprintf(&oldB, "# Titre %d - Dispositions\n\n", i/50+1)
			fmt.Fprintf(&newB, "# Titre %d - Dispositions\n\n", i/50+1)
			continue
		}
		body := fmt.Sprintf("Le médecin perçoit une rémunération de %d,50 € par acte réalisé dans les conditions de l'article %d.", i%90+10, i)
		fmt.Fprintf(&oldB, "## Article %d - Disposition %d\n\n%s\n\n", i, i, body)
		if i%10 == 3 {
			body = strings.Replace(body, ",50 €", " €", 1)
		}
		fmt.Fprintf(&newB, "## Article %d - Disposition %d\n\n%s\n\n", i, i, body)
	}
	src := newFakeSource()
	src.diff = clause.Compare(clause.Parse(oldB.String()), clause.Parse(newB.String()), clause.CompareOptions{})
	return src
}

// BenchmarkFirstScreen measures opening the TUI on 5,000 clauses: the
// model, its first load and the first frame.
func BenchmarkFirstScreen(b *testing.B) {
	src := bigSource(5000)
	if got := len(src.diff.New.Clauses); got < 5000 {
		b.Fatalf("only %d clauses", got)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := start(b, src, Options{}, 160, 48)
		if v := m.View(); !strings.Contains(v.Content, "Titre 1") {
			b.Fatal("first screen is empty")
		}
	}
}

// BenchmarkKey measures one key on the 5,000-clause outline: Update and
// View, as the runtime does for each key.
func BenchmarkKey(b *testing.B) {
	m := start(b, bigSource(5000), Options{}, 160, 48)
	down := tea.KeyPressMsg{Code: 'j', Text: "j"}
	next := tea.KeyPressMsg{Code: 'n', Text: "n"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i%2 == 1 {
			k = next
		}
		nm, _ := m.Update(k)
		m = nm.(Model)
		_ = m.View()
	}
}

// BenchmarkFilter measures toggling "changed only" on 5,000 clauses.
func BenchmarkFilter(b *testing.B) {
	m := start(b, bigSource(5000), Options{}, 160, 48)
	c := tea.KeyPressMsg{Code: 'c', Text: "c"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		nm, _ := m.Update(c)
		m = nm.(Model)
		_ = m.View()
	}
}

// longClauseSource is a diff of one article of about n characters, a
// price changed in every tenth of its sentences.
func longClauseSource(n int) *fakeSource {
	var oldB, newB strings.Builder
	for i := 0; oldB.Len() < n; i++ {
		s := fmt.Sprintf("Le médecin perçoit %d,50 € par acte réalisé dans les conditions de l'article %d. ", i%90+10, i%40+1)
		oldB.WriteString(s)
		if i%10 == 3 {
			s = strings.Replace(s, ",50 €", " €", 1)
		}
		newB.WriteString(s)
	}
	src := newFakeSource()
	src.diff = clause.Compare(clause.Parse("Article 1\n\n"+oldB.String()), clause.Parse("Article 1\n\n"+newB.String()), clause.CompareOptions{})
	return src
}

// BenchmarkResizeLongClause measures one resize with a 130,000-character
// clause's diff open, each to another width: Update and View, as the
// runtime does for each resize of a terminal being dragged.
func BenchmarkResizeLongClause(b *testing.B) {
	m := drive(b, start(b, longClauseSource(130_000), Options{}, 160, 48), keys("enter")...)
	if !strings.Contains(m.View().Content, "perçoit") {
		b.Fatal("the diff is not open")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		nm, _ := m.Update(tea.WindowSizeMsg{Width: 100 + i%60, Height: 48})
		m = nm.(Model)
		_ = m.View()
	}
}
