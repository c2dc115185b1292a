package render

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
)

// The text views of avenant versions, log and blame: the same documents
// as their JSON (schemas.go), for a terminal.

// ShortCommit is a commit hash as the text views print it: its first seven
// digits.
func ShortCommit(commit string) string {
	if len(commit) > 7 {
		return commit[:7]
	}
	return commit
}

// Cite shortens amending instructions as a reader cites them: "Article 2,
// 1°; Article 4" becomes "art. 2, 1°; art. 4".
func Cite(by string) string {
	parts := strings.Split(by, "; ")
	for i, p := range parts {
		if rest, ok := strings.CutPrefix(p, "Article "); ok {
			parts[i] = "art. " + rest
		}
	}
	return strings.Join(parts, "; ")
}

// cite names a version with the amending instructions behind a change
// ("AV1-2025 art. 2, 1°"), for a version imported from an amending text.
func cite(label, by string) string { return label + " " + Cite(by) }

// writeTrimmed writes a tabwriter's output without the spaces it leaves at
// the end of a line whose last cell is empty.
func writeTrimmed(w io.Writer, b *bytes.Buffer) error {
	lines := bytes.Split(b.Bytes(), []byte("\n"))
	for i := range lines {
		lines[i] = bytes.TrimRight(lines[i], " ")
	}
	_, err := w.Write(bytes.Join(lines, []byte("\n")))
	return err
}

// VersionsText lists the versions newest first, beside the graph of which
// answers which (VersionGraph, as the TUI draws it).
func VersionsText(w io.Writer, doc VersionsDoc) error {
	gv := make([]GraphVersion, len(doc.Versions))
	for i, v := range doc.Versions {
		gv[i] = GraphVersion{Label: v.Label, Base: v.Base}
	}
	order := GraphOrder(gv)
	newest, drawn := make([]VersionEntry, len(order)), make([]GraphVersion, len(order))
	for k, i := range order {
		newest[k], drawn[k] = doc.Versions[i], gv[i]
	}
	graph := VersionGraph(drawn)
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tLABEL\tPARTY\tKIND\tDATE\tCOMMIT\tCLAUSES\tANSWERS")
	for i, v := range newest {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", graph[i], sanitize.Text(v.Label), sanitize.Text(v.Party), sanitize.Text(v.Kind), sanitize.Line(v.Date), ShortCommit(v.Commit), v.Clauses, sanitize.Line(v.Base))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writeTrimmed(w, &buf)
}

// LogText lists the versions on the line in which the clause changed, one
// a line with what happened, then those off the line (AlsoProposed).
func LogText(w io.Writer, doc LogDoc) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "clause %s\n", sanitize.Line(doc.Clause))
	for _, e := range doc.Entries {
		if e.OffLine {
			continue // listed apart, below
		}
		number := e.Number
		if number == "" {
			number = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ShortCommit(e.Commit), sanitize.Line(e.Version), sanitize.Line(e.Date),
			sanitize.Text(e.Party), sanitize.Text(number), e.Change, sanitize.Line(strings.Join(logNotes(doc.Clause, e), "; ")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := writeTrimmed(w, &buf); err != nil {
		return err
	}
	return AlsoProposed(w, doc.Entries)
}

// logNotes says what else a log entry is, naming clauses as printed
// (their ids when the store knew no name): the clause it is about when
// not the one logged, renumbered or retitled from what, moved, the clause
// a part was split from, the other parts of a split or merge, the
// amending instructions.
func logNotes(id string, e LogEntry) []string {
	var notes []string
	if e.ID != id {
		notes = append(notes, "as "+cmp.Or(e.Name, e.ID))
	}
	switch {
	case e.SplitFrom != "":
		// Its number is the part's own: no renumbering of anything.
	case e.Renumbered && e.Was != "":
		notes = append(notes, "renumbered from "+e.Was)
	case e.Renumbered:
		notes = append(notes, "renumbered")
	case e.Was != "":
		notes = append(notes, "renamed from "+e.Was)
	}
	if e.Moved {
		notes = append(notes, "moved")
	}
	others := e.Others
	if len(e.OthersNames) == len(e.Others) {
		others = e.OthersNames
	}
	if len(others) > 0 {
		switch {
		case e.Gone:
			notes = append(notes, "into "+strings.Join(others, ", "))
		case e.SplitFrom != "":
			notes = append(notes, "from "+e.SplitFrom)
		case e.Change == clause.Split:
			notes = append(notes, "also into "+strings.Join(others, ", "))
		default:
			notes = append(notes, "with "+strings.Join(others, ", "))
		}
	}
	if e.By != "" {
		notes = append(notes, "by "+cite(e.Version, e.By))
	}
	return notes
}

// AlsoProposed lists apart the entries off the line that leads to --at:
// a sibling counter-proposal, which the text being read does not descend
// from ("also proposed: MGF-2024-03 (MG France, 2024-03-12) modified
// 19.5").
func AlsoProposed(w io.Writer, entries []LogEntry) error {
	for _, e := range entries {
		if !e.OffLine {
			continue
		}
		what := string(e.Change)
		if e.Number != "" {
			what += " " + e.Number
		}
		if e.Renumbered {
			what += ", renumbered"
		}
		if e.Moved {
			what += ", moved"
		}
		if _, err := fmt.Fprintf(w, "also proposed: %s (%s, %s) %s\n", sanitize.Line(e.Version), sanitize.Text(e.Party), sanitize.Line(e.Date), sanitize.Text(what)); err != nil {
			return err
		}
	}
	return nil
}

// blamePalette colours the versions of a blame in order of appearance.
var blamePalette = []ansi.BasicColor{ansi.Blue, ansi.Green, ansi.Magenta, ansi.Yellow, ansi.Cyan, ansi.Red,
	ansi.BrightBlue, ansi.BrightGreen, ansi.BrightMagenta, ansi.BrightYellow, ansi.BrightCyan, ansi.BrightRed}

// BlameText prints a clause file's spans (its stored lines, one sentence
// a line, the spans' text holding the line breaks) one line at a time, as
// git blame does, the versions that wrote the line named in the margin,
// newest first, the newest with its party. With colour, each piece of text
// takes its version's colour, so a word changed inside an older sentence
// stands out.
func BlameText(w io.Writer, spans []BlameSpan, color bool) error {
	lines := blameLines(spans)
	colours := map[string]ansi.Style{}
	styleOf := func(label string) ansi.Style {
		st, ok := colours[label]
		if !ok {
			st = ansi.Style{}.ForegroundColor(blamePalette[len(colours)%len(blamePalette)])
			colours[label] = st
		}
		return st
	}
	margins := make([]string, len(lines))
	width := 0
	for i, l := range lines {
		margins[i] = blameMargin(l)
		width = max(width, len([]rune(margins[i])))
	}
	for i, l := range lines {
		if len(l) == 0 {
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
			continue
		}
		var b strings.Builder
		for _, p := range l {
			text := sanitize.Text(p.Text)
			if color {
				text = styleOf(p.Version).Styled(text)
			}
			b.WriteString(text)
		}
		if _, err := fmt.Fprintf(w, "%-*s │ %s\n", width, margins[i], b.String()); err != nil {
			return err
		}
	}
	return nil
}

// blameLines cuts the spans at their line breaks: one slice of pieces per
// line of the clause file.
func blameLines(spans []BlameSpan) [][]BlameSpan {
	var lines [][]BlameSpan
	var cur []BlameSpan
	for _, sp := range spans {
		for k, part := range strings.Split(sp.Text, "\n") {
			if k > 0 {
				lines = append(lines, cur)
				cur = nil
			}
			if part != "" {
				piece := sp
				piece.Text = part
				cur = append(cur, piece)
			}
		}
	}
	if len(cur) > 0 { // the file's final newline ends the last line
		lines = append(lines, cur)
	}
	return lines
}

// blameMargin names the versions that wrote a line's words, newest first,
// the newest with its party.
func blameMargin(line []BlameSpan) string {
	var vs []BlameSpan
	for _, p := range line {
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		// Two instructions of one version that wrote words of the line
		// are both cited with it.
		k := slices.IndexFunc(vs, func(v BlameSpan) bool { return v.Version == p.Version })
		switch {
		case k < 0:
			vs = append(vs, p)
		case vs[k].By == "":
			vs[k].By = p.By
		case p.By != "" && !slices.Contains(strings.Split(vs[k].By, "; "), p.By):
			vs[k].By += "; " + p.By
		}
	}
	slices.SortFunc(vs, func(a, b BlameSpan) int { return cmp.Or(strings.Compare(b.Date, a.Date), b.Seq-a.Seq) })
	names := make([]string, len(vs))
	for k, v := range vs {
		names[k] = v.Version
		if v.By != "" {
			names[k] = cite(v.Version, v.By)
		}
	}
	if len(vs) > 0 {
		names[0] += " (" + sanitize.Text(vs[0].Party) + ")"
	}
	return strings.Join(names, ", ")
}
