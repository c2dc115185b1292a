package render

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// TestMarkdownCommonMark reads the Markdown diff back with a CommonMark
// parser (goldmark, with GitHub's strikethrough): every deleted word must
// read as struck through, every inserted word as bold, and nothing else;
// no line is made of spaces alone. On the demo negotiation's rounds, on
// the hand-made redline diff and on the corpus's CASF versions.
func TestMarkdownCommonMark(t *testing.T) {
	type pair struct {
		name string
		d    *clause.Diff
	}
	pairs := []pair{{"redline", redlineDiff()}}
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*clause.Document{}
	for _, v := range vs {
		b, err := fixtures.FS.ReadFile(v.File)
		if err != nil {
			t.Fatal(err)
		}
		docs[v.Label] = clause.Parse(string(b))
		if v.Base != "" {
			pairs = append(pairs, pair{v.Base + "→" + v.Label, clause.Compare(docs[v.Base], docs[v.Label], clause.CompareOptions{})})
		}
	}
	if dir := corpus.Optional(t); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "raw", "legi_casf_rsa", "*.md"))
		for i := 1; i < len(files); i++ {
			pairs = append(pairs, pair{filepath.Base(files[i]), clause.Compare(parseFile(t, files[i-1]), parseFile(t, files[i]), clause.CompareOptions{})})
		}
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Strikethrough))
	for _, p := range pairs {
		var buf bytes.Buffer
		if err := DiffMarkdown(&buf, p.d, Side{Ref: "old"}, Side{Ref: "new"}, false); err != nil {
			t.Fatal(err)
		}
		src := buf.Bytes()
		if m := regexp.MustCompile(`(?m)^[ \t]+$`).Find(src); m != nil {
			t.Errorf("%s: a line of spaces only", p.name)
		}
		var del, ins strings.Builder
		doc := md.Parser().Parse(text.NewReader(src))
		var inTag string
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if raw, ok := n.(*ast.RawHTML); ok && entering {
				var tag strings.Builder
				for i := 0; i < raw.Segments.Len(); i++ {
					seg := raw.Segments.At(i)
					tag.Write(seg.Value(src))
				}
				switch tag.String() {
				case "<del>", "<ins>":
					inTag = tag.String()
				case "</del>", "</ins>":
					inTag = ""
				default:
					t.Errorf("%s: raw HTML %q", p.name, tag.String())
				}
			}
			txt, ok := n.(*ast.Text)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			s := string(txt.Segment.Value(src))
			for a := n.Parent(); a != nil; a = a.Parent() {
				if _, ok := a.(*east.Strikethrough); ok {
					del.WriteString(s)
					return ast.WalkContinue, nil
				}
				if e, ok := a.(*ast.Emphasis); ok && e.Level == 2 {
					ins.WriteString(s)
					return ast.WalkContinue, nil
				}
			}
			switch inTag {
			case "<del>":
				del.WriteString(s)
			case "<ins>":
				ins.WriteString(s)
			}
			if strings.Contains(s, "**") || strings.Contains(s, "~~") {
				t.Errorf("%s: a mark read as text: %q", p.name, s)
			}
			return ast.WalkContinue, nil
		})
		var wantDel, wantIns strings.Builder
		for i := range p.d.Changes {
			c := &p.d.Changes[i]
			if !Listed(c) {
				continue
			}
			switch c.Kind {
			case clause.Added:
				wantIns.WriteString(p.d.New.Clauses[c.New[0]].Text)
			case clause.Removed:
				wantDel.WriteString(p.d.Old.Clauses[c.Old[0]].Text)
			}
			for _, h := range append(append([]clause.Hunk{}, c.HeadingHunks...), c.Hunks...) {
				switch h.Op {
				case clause.OpDelete:
					wantDel.WriteString(h.Text)
				case clause.OpInsert:
					wantIns.WriteString(h.Text)
				}
			}
		}
		if got, want := words(del.String()), words(sanitize.Text(wantDel.String())); got != want {
			t.Errorf("%s: struck through:\n%s\nwant:\n%s", p.name, got, want)
		}
		if got, want := words(ins.String()), words(sanitize.Text(wantIns.String())); got != want {
			t.Errorf("%s: in bold:\n%s\nwant:\n%s", p.name, got, want)
		}
	}
}

// words drops the spacing, which Markdown does not keep, and reads the
// escapes of the source (a text node's segment is the source as written).
func words(s string) string {
	s = html.UnescapeString(mdEscape.ReplaceAllString(s, "$1"))
	return strings.Join(strings.Fields(s), "")
}

var mdEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

func parseFile(t *testing.T, path string) *clause.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return clause.Parse(string(b))
}

// TestMarkdownKeepsSpaceChanges: a change of spacing alone between two
// words (a cosmetic diff: " " → "  ", a line break → " ") kept the words
// apart; the runs of spaces were dropped and "Le présent accord" printed
// "Le présentaccord" (found by review).
func TestMarkdownKeepsSpaceChanges(t *testing.T) {
	eq := func(s string) clause.Hunk { return clause.Hunk{Op: clause.OpEqual, Text: s} }
	del := func(s string) clause.Hunk { return clause.Hunk{Op: clause.OpDelete, Text: s} }
	ins := func(s string) clause.Hunk { return clause.Hunk{Op: clause.OpInsert, Text: s} }
	for _, tc := range []struct {
		hunks []clause.Hunk
		want  string
	}{
		{[]clause.Hunk{eq("Le présent"), del(" "), ins("  "), eq("accord s’applique.")}, "Le présent accord s’applique."},
		{[]clause.Hunk{eq("Le présent"), del("\n"), ins(" "), eq("accord.")}, "Le présent accord."},
		{[]clause.Hunk{eq("Le présent"), del(" "), ins("\n"), eq("accord.")}, "Le présent accord."},
		{[]clause.Hunk{eq("Un"), ins("  "), eq("\n\nDeux")}, "Un Deux"},
	} {
		got := strings.Join(strings.Fields(strings.ReplaceAll(markdownRuns(tc.hunks), "\\\n", " ")), " ")
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.hunks, got, tc.want)
		}
	}
}
