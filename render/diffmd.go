package render

import (
	"io"
	"strings"

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
		ew.printf("### %s — %s%s\n\n", MarkdownText(ChangeTitle(d, c)), c.Kind, flags(c))
		var body strings.Builder
		switch c.Kind {
		case clause.Added:
			body.WriteString("**" + MarkdownText(d.New.Clauses[c.New[0]].Text) + "**")
		case clause.Removed:
			body.WriteString("~~" + MarkdownText(d.Old.Clauses[c.Old[0]].Text) + "~~")
		default:
			if len(c.HeadingHunks) > 0 {
				body.WriteString("Heading: ")
				for _, h := range c.HeadingHunks {
					text := MarkdownText(h.Text)
					switch h.Op {
					case clause.OpEqual:
						body.WriteString(text)
					case clause.OpDelete:
						body.WriteString(wrapMarks(text, "~~"))
					case clause.OpInsert:
						body.WriteString(wrapMarks(text, "**"))
					}
				}
				body.WriteString("\n\n")
			}
			for i, h := range c.Hunks {
				text := MarkdownText(h.Text)
				switch h.Op {
				case clause.OpEqual:
					body.WriteString(elide(text, i == 0, i == len(c.Hunks)-1))
				case clause.OpDelete:
					body.WriteString(wrapMarks(text, "~~"))
				case clause.OpInsert:
					body.WriteString(wrapMarks(text, "**"))
				}
			}
		}
		if s := strings.TrimSpace(body.String()); s != "" {
			ew.printf("%s\n\n", strings.ReplaceAll(s, "\n", "  \n"))
		}
		for _, f := range c.Facts {
			ew.printf("- %s\n", MarkdownText(FactLine(f)))
		}
		if len(c.Facts) > 0 {
			ew.printf("\n")
		}
	}
	return ew.err
}

// wrapMarks puts Markdown emphasis around the words of s, leaving the
// surrounding spaces outside, where Markdown requires them.
func wrapMarks(s, mark string) string {
	trimmed := strings.TrimSpace(s)
	if trimmed == "" {
		return s
	}
	start := strings.Index(s, trimmed)
	return s[:start] + mark + strings.ReplaceAll(trimmed, "\n", " ") + mark + s[start+len(trimmed):]
}

// MarkdownText cleans s and escapes what Markdown would read as markup:
// emphasis, code, tables, HTML, and links and images, so that a document
// saying "[a](javascript:…)" or "![](https://tracker/…)" shows those
// characters instead of an active link or a remote image. The backslash
// is escaped too, or "\[" in the text would turn the escape off.
func MarkdownText(s string) string { return mdEscaper.Replace(sanitize.Text(s)) }

var mdEscaper = strings.NewReplacer("\\", `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`",
	"<", "&lt;", ">", "&gt;", "|", `\|`, "[", `\[`, "]", `\]`)
