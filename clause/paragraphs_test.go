package clause

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// midSentence lists the clauses of d that start in the middle of a
// sentence: in lower case, after a clause that did not end its sentence.
// A list entry ("- http://…") starts with its marker, not mid-sentence.
func midSentence(d *Document) []string {
	var out []string
	prev := ""
	for _, c := range d.Clauses {
		text := strings.TrimLeft(c.Text, "*_ ")
		if c.Heading == "" && text != "" && prev != "" && !frtext.EndsSentence(prev) && !frtext.StartsListEntry(c.Text) {
			if r, _ := utf8.DecodeRuneInString(text); unicode.IsLower(r) {
				out = append(out, frtext.Lead(c.Text, 6, 0))
			}
		}
		if c.Heading != "" {
			prev = c.Heading
		}
		if c.Text != "" {
			prev = strings.TrimRight(c.Text, "*_ ")
		}
	}
	return out
}

func hasHeadings(d *Document) bool {
	for _, c := range d.Clauses {
		if c.Heading != "" {
			return true
		}
	}
	return false
}

// reflow writes every paragraph of d (a document without headings) on lines of at most width columns,
// one blank line between paragraphs: the same words as a user who
// re-typed or re-exported the document would have them.
func reflow(d *Document, width int) string {
	var b strings.Builder
	for _, c := range d.Clauses {
		for _, part := range []string{c.Text} {
			col := 0
			for i, w := range strings.Fields(part) {
				if i > 0 && col+1+len(w) > width && !frtext.StartsListEntry(w+" ") {
					b.WriteString("\n")
					col = 0
				} else if i > 0 {
					b.WriteString(" ")
					col++
				}
				b.WriteString(w)
				col += len(w)
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// TestSeedsParagraphs: in the documents without articles of the corpus
// (press releases, slides, articles), no clause starts in mid-sentence,
// and re-wrapping one changes nothing a diff reports.
func TestSeedsParagraphs(t *testing.T) {
	for _, path := range corpus.Files(t, "seeds/*.txt") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			in := readCorpus(t, path)
			d := Parse(in)
			checkDocument(t, in, d)
			if mid := midSentence(d); len(mid) > 0 {
				t.Errorf("%d clauses start in mid-sentence: %q", len(mid), mid)
			}
			for _, width := range []int{40, 72} {
				diff := Compare(d, Parse(rewrap(in, width)), CompareOptions{})
				if diff.Differs() {
					t.Errorf("re-wrapped at %d: %q", width, listed(diff, false))
				}
				if hasHeadings(d) {
					continue // reflow writes no markdown levels
				}
				diff = Compare(d, Parse(reflow(d, width)), CompareOptions{})
				if diff.Differs() {
					t.Errorf("re-flowed at %d: %q", width, listed(diff, false))
				}
			}
		})
	}
}

// TestParagraphsAcrossBlankLines: a blank line after every line, as text
// exported from PDF often has, does not cut a sentence.
func TestParagraphsAcrossBlankLines(t *testing.T) {
	in := "Communiqué de presse\n\nL'Union représente l'ensemble des\n\nlibéraux de santé (plus de 70% des\n\nvotants).\n\nElle propose un cadre.\n\n- Un point qui se\n\npoursuit ici.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	var got []string
	for _, c := range d.Clauses {
		got = append(got, string(c.Kind)+": "+strings.ReplaceAll(c.Text, "\n", " "))
	}
	want := []string{
		"paragraph: Communiqué de presse",
		"paragraph: L'Union représente l'ensemble des libéraux de santé (plus de 70% des votants).",
		"paragraph: Elle propose un cadre.",
		"item: - Un point qui se poursuit ici.",
	}
	if !equalStrings(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	one := Parse("Communiqué de presse\n\nL'Union représente l'ensemble des libéraux de santé (plus de 70% des votants).\n\nElle propose un cadre.\n\n- Un point qui se poursuit ici.\n")
	if diff := Compare(d, one, CompareOptions{}); diff.Differs() {
		t.Errorf("re-wrapped: %q", listed(diff, false))
	}
}
