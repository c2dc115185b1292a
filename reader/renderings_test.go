package reader

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/check"
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/render"
	"golang.org/x/text/encoding/charmap"
)

// rendering is one way of writing a Markdown text as a file of another
// format and reading it back.
type rendering struct {
	name string
	read func(t *testing.T, md string) string
}

func encode1252(t testing.TB, s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("text is not Windows-1252: %v", err)
	}
	return b
}

// renderings are every format avenant reads, each written by the test
// writers of this package: what a user gets when the same text is sent as
// a Word document, a PDF or a web page.
func renderings() []rendering {
	must := func(t *testing.T, s string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	pdf := func(tool string) func(t *testing.T, md string) string {
		return func(t *testing.T, md string) string {
			saved := pdftotextName
			defer func() { pdftotextName = saved }()
			pdftotextName = tool
			s, err := pdfText(writePDF(t, latin1Safe(md)))
			return unquirk(must(t, s, err))
		}
	}
	return []rendering{
		{"markdown", func(t *testing.T, md string) string { s, err := Decode([]byte(md)); return must(t, s, err) }},
		{"docx", func(t *testing.T, md string) string {
			s, err := docxText(writeDocx(t, md), Accept)
			return must(t, s, err)
		}},
		{"pdf-pdftotext", pdf("pdftotext")},
		{"pdf-builtin", pdf("")},
		{"html-th", func(t *testing.T, md string) string {
			s, err := readHTML([]byte(writeHTMLPage(md, htmlStyle{meta: `<meta charset="utf-8">`, th: true})))
			return must(t, s, err)
		}},
		{"html-td", func(t *testing.T, md string) string {
			s, err := readHTML([]byte(writeHTMLPage(md, htmlStyle{})))
			return must(t, s, err)
		}},
		{"html-windows-1252", func(t *testing.T, md string) string {
			s, err := readHTML(encode1252(t, writeHTMLPage(latin1Safe(md), htmlStyle{meta: `<meta charset="windows-1252">`, th: true})))
			return must(t, s, err)
		}},
	}
}

// renderedTexts are the fixtures and the corpus texts that the writers can
// render: Markdown, whose characters all exist in Windows-1252.
func renderedTexts(t *testing.T) map[string]string {
	texts := map[string]string{}
	names, err := fixtures.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range names {
		if strings.HasSuffix(e.Name(), ".md") && e.Name() != "README.md" {
			texts[e.Name()] = fixture(t, e.Name())
		}
	}
	if testing.Short() {
		return texts
	}
	dir := corpus.Optional(t)
	if dir == "" {
		return texts
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "raw/*/*.md"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(p)] = string(b)
	}
	return texts
}

// substantive lists the changes of d that are more than cosmetic.
func substantive(d *clause.Diff) []string {
	var out []string
	for _, c := range d.Changes {
		if !c.Substantive() {
			continue
		}
		name := func(doc *clause.Document, idx []int) string {
			var s []string
			for _, i := range idx {
				s = append(s, doc.Clauses[i].Label())
			}
			return strings.Join(s, "+")
		}
		var hunks []string
		for _, h := range c.Hunks {
			if h.Op != clause.OpEqual {
				hunks = append(hunks, fmt.Sprintf("%s %q", h.Op, h.Text))
			}
		}
		out = append(out, fmt.Sprintf("%s %q→%q %v", c.Kind, name(d.Old, c.Old), name(d.New, c.New), hunks))
	}
	return out
}

// TestRenderingsDiffAsCosmetic writes the fixtures and the corpus texts in
// every format avenant reads, and checks that each reads as its Markdown
// source: no change but cosmetic ones, and avenant check passes between
// any two of them.
func TestRenderingsDiffAsCosmetic(t *testing.T) {
	for name, md := range renderedTexts(t) {
		t.Run(name, func(t *testing.T) {
			src := clause.Parse(md)
			docs := map[string]*clause.Document{}
			for _, r := range renderings() {
				t.Run(r.name, func(t *testing.T) {
					got := r.read(t, md)
					doc := clause.Parse(got)
					docs[r.name] = doc
					d := clause.Compare(src, doc, clause.CompareOptions{})
					if s := substantive(d); len(s) > 0 {
						t.Errorf("%d substantive changes against the Markdown source, first: %.600s", len(s), strings.Join(s[:min(5, len(s))], "\n"))
					}
				})
			}
			// avenant check between any two renderings: the gate passes.
			rs := renderings()
			for i := range rs {
				for j := i + 1; j < len(rs); j++ {
					a, b := docs[rs[i].name], docs[rs[j].name]
					if a == nil || b == nil {
						continue
					}
					rep := check.Check(a, b, render.Side{Ref: rs[i].name}, render.Side{Ref: rs[j].name}, nil, clause.CompareOptions{})
					if !rep.Passed() {
						t.Errorf("check %s → %s flags %d findings, first %s", rs[i].name, rs[j].name, len(rep.Findings), rep.Findings[0].Message())
					}
				}
			}
		})
	}
}

// latin1Safe writes the characters that Windows-1252 (and a PDF's standard
// fonts) lack as their nearest typographic equivalent, as a word processor
// saving in that encoding would: the horizontal bar of Légifrance's
// "I. ― " becomes an em dash, which compares equal.
func latin1Safe(s string) string {
	return strings.NewReplacer("―", "—", "‐", "-", "‑", "-").Replace(s)
}
