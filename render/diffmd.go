package render

import (
	"io"
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// DiffMarkdown writes a diff as Markdown for a merge-request comment or a
// memo: a summary, then one section per listed change with deletions struck
// through and insertions in bold, and the facts as a list.
func DiffMarkdown(w io.Writer, d *clause.Diff, old, new Side, all bool) error {
	ew := &errWriter{w: w}
	ew.printf("## %s → %s\n\n", mdEscape(old.Ref), mdEscape(new.Ref))
	ew.printf("%s\n\n", SummaryLine(d.Summary))
	for i := range d.Changes {
		c := &d.Changes[i]
		if !all && !Listed(c) {
			continue
		}
		ew.printf("### %s — %s%s\n\n", mdEscape(Clean(ChangeTitle(d, c))), c.Kind, flags(c))
		var body strings.Builder
		switch c.Kind {
		case clause.Added:
			body.WriteString("**" + mdEscape(Clean(d.New.Clauses[c.New[0]].Text)) + "**")
		case clause.Removed:
			body.WriteString("~~" + mdEscape(Clean(d.Old.Clauses[c.Old[0]].Text)) + "~~")
		default:
			if len(c.HeadingHunks) > 0 {
				body.WriteString("Heading: ")
				for _, h := range c.HeadingHunks {
					text := mdEscape(Clean(h.Text))
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
				text := mdEscape(Clean(h.Text))
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
			ew.printf("- %s\n", mdEscape(Clean(FactLine(f))))
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

var mdEscaper = strings.NewReplacer("*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "<", "&lt;", "|", `\|`)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
