package clause

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestParseBoundedRefuses holds the clause limit against the shapes that
// make many clauses from few bytes: tariff rows, range headings (a hundred
// articles a line), one-line articles. Under the limit the document is
// Parse's; over it, the error, never a truncated document.
func TestParseBoundedRefuses(t *testing.T) {
	const limit = 50
	var rows, ranges, articles strings.Builder
	rows.WriteString("## Annexe 1\n\n| Code | Libellé | Tarif |\n|---|---|---|\n")
	for i := range 60 {
		fmt.Fprintf(&rows, "| A%d | Acte | 1,00 € |\n", i)
	}
	// More than twice the limit in headings: the scan stops.
	for i := range 2*limit + 1 {
		fmt.Fprintf(&articles, "Article %d\n", i+1)
	}
	ranges.WriteString("Articles 1 à 30\n\nArticles 31 à 60\n")
	for name, text := range map[string]string{"rows": rows.String(), "ranges": ranges.String(), "articles": articles.String()} {
		whole := Parse(text)
		if len(whole.Clauses) <= limit {
			t.Fatalf("%s: %d clauses, the test needs more than %d", name, len(whole.Clauses), limit)
		}
		d, err := parse(text, limit)
		if !errors.Is(err, ErrTooManyClauses) || d != nil {
			t.Errorf("%s over the limit: %v, %v; want ErrTooManyClauses and no document", name, d, err)
		}
		d, err = parse(text, len(whole.Clauses))
		if err != nil || len(d.Clauses) != len(whole.Clauses) {
			t.Errorf("%s at the limit: %v; want Parse's %d clauses", name, err, len(whole.Clauses))
		}
	}
}

// TestParseBoundedLimit: ParseBounded applies MaxClauses, and says so in
// words a user can act on.
func TestParseBoundedLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 200,000 clauses")
	}
	var b strings.Builder
	for i := 0; i <= MaxClauses/100; i++ {
		fmt.Fprintf(&b, "Articles %d à %d\n\n", 100*i+1, 100*i+100)
	}
	_, err := ParseBounded(b.String())
	if !errors.Is(err, ErrTooManyClauses) || !strings.Contains(err.Error(), fmt.Sprint(MaxClauses)) {
		t.Fatalf("%d range headings: %v, want ErrTooManyClauses naming the limit", MaxClauses/100+1, err)
	}
}

// A text of MaxLines lines is read, its final newline ending its last
// line: before, the newline counted as a line more, and a text of exactly
// MaxLines lines was refused.
func TestLineCount(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 1}, {"a", 1}, {"a\n", 1}, {"a\nb", 2}, {"a\nb\n", 2}, {"\n", 1}, {"\n\n", 2}, {"a\n\nb", 3},
	} {
		if got := lineCount(tc.text); got != tc.want {
			t.Errorf("lineCount(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
