package render

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// DiffMarkdown writes a diff as Markdown for a merge-request comment or a
// memo: a summary, then one section per listed change with deletions struck
// through and insertions in bold, and the facts as a list.
func DiffMarkdown(w io.Writer, d *clause.Diff, old, new Side, all bool) error {
	ew := &errWriter{w: w}
	ew.printf("## %s → %s\n\n", MarkdownText(old.Ref), MarkdownText(new.Ref))
	ew.printf("%s\n\n", SummaryLine(d.Summary))
	for i := range d.Changes {
		c := &d.Changes[i]
		if !all && !Listed(c) {
			continue
		}
		ew.printf("### %s — %s%s\n\n", MarkdownText(changeTitle(d, c)), c.Kind, flags(d, c))
		var hunks []clause.Hunk
		switch c.Kind {
		case clause.Added:
			hunks = []clause.Hunk{{Op: clause.OpInsert, Text: d.New.Clauses[c.New[0]].Text}}
		case clause.Removed:
			hunks = []clause.Hunk{{Op: clause.OpDelete, Text: d.Old.Clauses[c.Old[0]].Text}}
		default:
			if len(c.HeadingHunks) > 0 {
				ew.printf("Heading: %s\n\n", markdownRuns(c.HeadingHunks))
			}
			for i, h := range c.Hunks {
				if h.Op == clause.OpEqual {
					h.Text = elide(h.Text, i == 0, i == len(c.Hunks)-1)
				}
				hunks = append(hunks, h)
			}
		}
		if body := markdownRuns(hunks); body != "" {
			ew.printf("%s\n\n", body)
		}
		for _, f := range c.Facts {
			ew.printf("- %s\n", MarkdownText(FactLine(f)))
		}
		if len(c.Facts) > 0 {
			ew.printf("\n")
		}
		if note := clause.CoarseNote(c, false); note != "" {
			ew.printf("> %s\n\n", MarkdownText(note))
		}
	}
	return ew.err
}

// markdownRuns writes a word diff as Markdown paragraphs: a blank line in
// the text ends a paragraph, a single line break is a hard break ("\" at
// the end of the line), and every deletion and insertion is marked
// within its line, so that no emphasis spans a paragraph, and no line is
// made of spaces only.
func markdownRuns(hunks []clause.Hunk) string {
	var paras [][][]mdRun // paragraphs of lines of runs
	newPara := true
	newLine := false
	for _, h := range hunks {
		text := strings.ReplaceAll(sanitize.Text(h.Text), "\r", "")
		for k, line := range strings.Split(text, "\n") {
			if k > 0 {
				if newLine {
					newPara = true // a second line break: a blank line
				}
				newLine = true
			}
			if strings.TrimSpace(line) == "" && (newPara || newLine || len(paras) == 0) {
				continue // no line opens with spaces only; between words they stay
			}
			switch {
			case newPara || len(paras) == 0:
				paras = append(paras, [][]mdRun{{}})
			case newLine:
				paras[len(paras)-1] = append(paras[len(paras)-1], []mdRun{})
			}
			newPara, newLine = false, false
			p := paras[len(paras)-1]
			p[len(p)-1] = append(p[len(p)-1], mdRun{h.Op, line})
		}
	}
	var out []string
	for _, p := range paras {
		lines := make([]string, 0, len(p))
		for _, l := range p {
			var b strings.Builder
			for i, r := range l {
				text := r.text
				if i == 0 {
					text = strings.TrimLeft(text, " \t")
				}
				if i == len(l)-1 {
					text = strings.TrimRight(text, " \t")
				}
				switch r.op {
				case clause.OpDelete:
					b.WriteString(markRun(text, "~~", "del", before(l, i), after(l, i)))
				case clause.OpInsert:
					b.WriteString(markRun(text, "**", "ins", before(l, i), after(l, i)))
				default:
					if i == 0 {
						b.WriteString(escapeLineStart(MarkdownText(text)))
					} else {
						b.WriteString(MarkdownText(text))
					}
				}
			}
			if s := b.String(); s != "" {
				lines = append(lines, s)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\\\n"))
		}
	}
	return strings.Join(out, "\n\n")
}

// markRun marks s as deleted or inserted, the surrounding spaces left
// outside where Markdown requires them. Emphasis only opens before a
// punctuation mark when a space or a punctuation mark precedes it, and
// only closes after one when a space or punctuation follows: "G**(30 €)**"
// would print its asterisks. Such a run is marked with the HTML element
// instead, which CommonMark passes through.
func markRun(s, mark, tag string, prev, next rune) string {
	trimmed := strings.TrimSpace(s)
	if trimmed == "" {
		return MarkdownText(s)
	}
	start := strings.Index(s, trimmed)
	lead, trail := s[:start], s[start+len(trimmed):]
	first, _ := utf8.DecodeRuneInString(trimmed)
	last, _ := utf8.DecodeLastRuneInString(trimmed)
	if lead == "" && isWordRune(prev) && unicode.IsPunct(first) || trail == "" && isWordRune(next) && unicode.IsPunct(last) {
		return MarkdownText(lead) + "<" + tag + ">" + MarkdownText(trimmed) + "</" + tag + ">" + MarkdownText(trail)
	}
	return MarkdownText(lead) + mark + MarkdownText(trimmed) + mark + MarkdownText(trail)
}

func isWordRune(r rune) bool {
	return r != 0 && !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r)
}

// escapeLineStart keeps a line of clause text from opening a Markdown
// block: "- aux personnes…" a list, "1. Le médecin…" an ordered one,
// "# " a heading, "> " a quote.
func escapeLineStart(s string) string {
	switch {
	case s == "":
		return s
	case strings.ContainsRune("-+#>=", rune(s[0])):
		return "\\" + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// mdRun is a stretch of one line of a word diff, all deleted, inserted or
// kept.
type mdRun struct {
	op   clause.Op
	text string
}

// before and after are the characters next to run i of a line, 0 at its
// ends.
func before(l []mdRun, i int) rune {
	if i == 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(l[i-1].text)
	return r
}

func after(l []mdRun, i int) rune {
	if i == len(l)-1 {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(l[i+1].text)
	return r
}

// MarkdownText cleans s and escapes what Markdown would read as markup:
// emphasis, code, tables, HTML, and links and images, so that a document
// saying "[a](javascript:…)" or "![](https://tracker/…)" shows those
// characters instead of an active link or a remote image. The backslash
// is escaped too, or "\[" in the text would turn the escape off. Every
// caller writes one line (a heading, a list item, a table cell, a line of
// a paragraph): a line break or a tab, which a file's name can hold, would
// end the heading or open a code block, so they become spaces.
func MarkdownText(s string) string { return mdEscaper.Replace(sanitize.Line(s)) }

var mdEscaper = strings.NewReplacer("\\", `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`",
	"<", "&lt;", ">", "&gt;", "|", `\|`, "[", `\[`, "]", `\]`)
