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
