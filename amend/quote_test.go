package amend

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

// splitQuotes copies runs of text at once; it gives what the rune by rune
// statement of the rule, kept here, gives: on crafted cases, on random
// strings of the marks that matter and on every paragraph of the corpus.
// frameOf gives the same frame and as many quotations.
func TestSplitQuotesIsTheRule(t *testing.T) {
	check := func(s string) {
		t.Helper()
		f, q, err := splitQuotes(s)
		wf, wq, werr := splitQuotesRule(s)
		if f != wf || !slices.Equal(q, wq) || (err == nil) != (werr == nil) {
			t.Fatalf("splitQuotes(%q) = %q, %q, %v; the rule gives %q, %q, %v", s, f, q, err, wf, wq, werr)
		}
		if ff, n, ferr := frameOf(s); ff != f || n != len(q) || (ferr == nil) != (err == nil) {
			t.Fatalf("frameOf(%q) = %q, %d, %v; splitQuotes gives %q, %d quotations, %v", s, ff, n, ferr, f, len(q), err)
		}
	}
	for _, s := range []string{"", "a « b » c", "« a\n« b »", "“x” \"y\"", "« a « b » c »", "\"a\n  \"b\"", "\xff« \xfe »", "a\x01b"} {
		check(s)
	}
	// ’, – and the no-break space share a first byte with a mark.
	alphabet := []string{"a", "é", " ", "\t", "\n", "«", "»", "“", "”", "\"", "\x01", "\x02", "\xff", "\xc3", "’", "–", "\u00a0", "\xe2\x80"}
	for s := range synth.Strings(9, alphabet, 14, 30000) {
		check(s)
	}
	for _, f := range corpus.Files(t, "raw/lafabrique/pjl16-580/steps/*.txt", "raw/*/*.md") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n\n\n") {
			check(p)
		}
	}
}

func splitQuotesRule(text string) (frame string, quotes []string, err error) {
	text = strings.Map(func(r rune) rune {
		if r == quoteOpen || r == quoteClose {
			return -1
		}
		return r
	}, text)
	var out, q strings.Builder
	out.Grow(len(text))
	depth := 0
	var closer rune
	lineStart := true
	for _, r := range text {
		if depth == 0 {
			switch r {
			case '«', '“', '"':
				depth, closer = 1, closerOf(r)
				q.Reset()
				lineStart = false
				continue
			}
			out.WriteRune(r)
			continue
		}
		opener := openerOf(closer)
		switch {
		case r == '\n':
			lineStart = true
			q.WriteRune(r)
			continue
		case lineStart && (r == ' ' || r == '\t'):
			continue
		case lineStart && r == opener:
			// The continuation mark of a quoted paragraph.
			lineStart = false
			continue
		case r == opener && closer != '"':
			depth++
		case r == closer:
			depth--
			if depth == 0 {
				out.WriteString(placeholder(len(quotes)))
				quotes = append(quotes, cleanQuote(q.String()))
				lineStart = false
				continue
			}
		}
		lineStart = false
		q.WriteRune(r)
	}
	if depth > 0 {
		return "", nil, errUnclosedQuote
	}
	return out.String(), quotes, nil
}

// A quoted paragraph after the first starts where its words do, not with
// the space that followed its continuation mark.
func TestQuotedParagraphs(t *testing.T) {
	_, q, err := splitQuotes("ainsi rédigés :\n\n« Le médecin tient le dossier.\n\n« Il le transmet sur demande. »")
	if err != nil || len(q) != 1 || q[0] != "Le médecin tient le dossier.\n\nIl le transmet sur demande." {
		t.Errorf("quotations %q, %v", q, err)
	}
}
