package clause

import (
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/synth"
)

// scanSeesRowCode holds what scan reports to hasRowCodeLine, which Parse
// asked before the scan learnt to tell it while cutting the lines.
func scanSeesRowCode(t *testing.T, text string) bool {
	t.Helper()
	p := parser{text: text, rangeOpen: -1}
	got, want := p.scan(), hasRowCodeLine(text)
	if got != want {
		t.Fatalf("scan says row code line %v, hasRowCodeLine %v, on %q", got, want, text)
	}
	return want
}

// rowCodeLines are pieces of lines around what counts as a row code: blanks
// cellText trims and those it leaves (U+200B, U+FEFF), markers, codes of
// every length, signs and prose.
var rowCodeLines = []string{
	"", " ", "\t", "  ", "\u00a0", "\u200b", "\ufeff", "\u2003", "\r", "\v", "\f", "\u0085",
	"*", "**", "_", "__", "`", "|",
	"G", "CS", "V", "MCS+MPC", "YYYY010", "I.", "12", "A-B", "_G_", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ",
	"g", "é", "É", "Le", " Consultation ", "30 €", ".", "-", "+", "/",
}

func randomRowCodeText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(6) {
		for range r.IntN(6) {
			b.WriteString(rowCodeLines[r.IntN(len(rowCodeLines))])
		}
		b.WriteByte('\n')
	}
	for range r.IntN(3) {
		b.WriteString(rowCodeLines[r.IntN(len(rowCodeLines))])
	}
	return b.String()
}

func TestScanSeesRowCodeLines(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 1))
	var seen [2]int
	for range 20000 {
		if scanSeesRowCode(t, randomRowCodeText(r)) {
			seen[1]++
		} else {
			seen[0]++
		}
	}
	if seen[0] < 1000 || seen[1] < 1000 {
		t.Fatalf("random texts with and without a row code line: %v, want both", seen)
	}
	// Every Markdown file of the fixtures, README's tables included.
	names, err := fs.Glob(fixtures.FS, "*.md")
	if err != nil || len(names) == 0 {
		t.Fatal("no fixture", err)
	}
	for _, name := range names {
		b, _ := fixtures.FS.ReadFile(name)
		scanSeesRowCode(t, string(b))
	}
	scanSeesRowCode(t, synth.Base(1<<16, 1).Text)
	if dir := corpus.Optional(t); dir != "" {
		for _, path := range corpus.Texts(t) {
			scanSeesRowCode(t, readCorpus(t, path))
		}
	}
}

func FuzzScanRowCode(f *testing.F) {
	for _, s := range []string{"G\n", "** G **\n", "\u200bG\n", "Code\nLibellé\nTarif\nG\nConsultation\n30 €\n", "Texte.\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) { scanSeesRowCode(t, in) })
}
