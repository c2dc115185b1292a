package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/charmbracelet/x/ansi"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// BlameSchema names the JSON document of avenant blame.
const BlameSchema = "avenant.blame/v1"

// BlameOptions hold what avenant blame needs.
type BlameOptions struct {
	g        *globals
	Clause   string
	At       string
	Cosmetic bool
	Format   string
	// Line leaves out the versions off the line that leads to --at.
	Line bool
}

type blameDoc struct {
	Schema string      `json:"schema"`
	Clause string      `json:"clause"`
	At     string      `json:"at"`
	Spans  []blameSpan `json:"spans"`
}

type blameSpan struct {
	Text    string `json:"text"`
	Version string `json:"version"`
	Party   string `json:"party"`
	Date    string `json:"date"`
	Commit  string `json:"commit"`
	// By names the amending instructions that wrote the span, for a
	// version imported with --amends.
	By string `json:"by,omitempty"`
}

func newBlameCmd(g *globals, runF func(*BlameOptions) error) *cobra.Command {
	opts := &BlameOptions{g: g}
	cmd := &cobra.Command{
		Use:   "blame CLAUSE",
		Short: "Who introduced each word of a clause: party, version, date",
		Long: `Print the text of CLAUSE as of --at (default: the latest version), cut into
spans attributed to the version that introduced them, word by word.
Cosmetic revisions (spacing, typography) keep the earlier attribution
unless --cosmetic. CLAUSE is named as in 'avenant show'. Blame follows the
line of versions that --at answers; the versions off that line that
changed the clause (a sibling counter-proposal) are listed after the text,
"also proposed: …"; --line leaves them out.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Clause = args[0]
			if runF != nil {
				return runF(opts)
			}
			return blameRun(opts)
		},
	}
	f := cmd.Flags()
	formatFlag(cmd, &opts.Format, "text", "json")
	f.StringVar(&opts.At, "at", "", "the version to blame (default: the latest)")
	f.BoolVar(&opts.Cosmetic, "cosmetic", false, "attribute cosmetic revisions too")
	f.BoolVar(&opts.Line, "line", false, "leave out the versions off the line that leads to --at")
	return cmd
}

func blameRun(opts *BlameOptions) error {
	s, at, id, err := resolveAt(opts.g, opts.At, opts.Clause)
	if err != nil {
		return err
	}
	if at == nil {
		if at, err = s.Latest(); err != nil {
			return err
		}
	}
	lines, err := s.BlameLines(id, at, opts.Cosmetic)
	if err != nil {
		return err
	}
	if opts.g.quiet {
		return nil // --quiet: the exit status is the answer
	}
	out := opts.g.io.Out
	if opts.Format == "json" {
		spans := store.TextSpans(lines)
		doc := blameDoc{Schema: BlameSchema, Clause: id, At: at.Label, Spans: []blameSpan{}}
		for _, sp := range spans {
			v := sp.Version
			doc.Spans = append(doc.Spans, blameSpan{Text: sp.Text, Version: v.Label, Party: v.Party, Date: v.Date, Commit: v.Commit, By: changeBy(v, id)})
		}
		return render.WriteJSON(out, doc)
	}
	color, err := opts.g.useColor()
	if err != nil {
		return err
	}
	name := func(v *store.Version) string {
		if by := changeBy(v, id); by != "" {
			return citation(v.Label, by)
		}
		return v.Label
	}
	if err := writeBlameText(out, lines, color, name); err != nil {
		return err
	}
	if opts.Line {
		return nil
	}
	log, err := s.Log(id, at)
	if err != nil {
		return err
	}
	var off []store.LogEntry
	for _, e := range log {
		if e.OffLine {
			off = append(off, e)
		}
	}
	if len(off) > 0 {
		if _, err := fmt.Fprintln(out); err != nil {
			return err
		}
	}
	return writeAlsoProposed(out, off)
}

// blameLine is one line of the clause text and the spans that make it up.
type blameLine struct {
	pieces []store.Span
}

// writeBlameText prints the clause file's spans (store.BlameLines) one
// stored line (a sentence) at a time, as git blame does, the versions that
// wrote the line named in the margin, newest first. With colour, each
// piece of text takes its version's colour, so a word changed inside an
// older sentence stands out.
//
// name gives a version's name in the margin: its label, and the amending
// instructions for a version imported from an amending text.
func writeBlameText(w io.Writer, spans []store.Span, color bool, name func(*store.Version) string) error {
	var lines []blameLine
	cur := blameLine{}
	for _, sp := range spans {
		parts := strings.Split(sp.Text, "\n")
		for k, part := range parts {
			if k > 0 {
				lines = append(lines, cur)
				cur = blameLine{}
			}
			if part != "" {
				cur.pieces = append(cur.pieces, store.Span{Text: part, Version: sp.Version})
			}
		}
	}
	if len(cur.pieces) > 0 { // the file's final newline ends the last line
		lines = append(lines, cur)
	}
	palette := []ansi.BasicColor{ansi.Blue, ansi.Green, ansi.Magenta, ansi.Yellow, ansi.Cyan, ansi.Red,
		ansi.BrightBlue, ansi.BrightGreen, ansi.BrightMagenta, ansi.BrightYellow, ansi.BrightCyan, ansi.BrightRed}
	colours := map[string]ansi.Style{}
	styleOf := func(v *store.Version) ansi.Style {
		st, ok := colours[v.Label]
		if !ok {
			st = ansi.Style{}.ForegroundColor(palette[len(colours)%len(palette)])
			colours[v.Label] = st
		}
		return st
	}
	margins := make([]string, len(lines))
	width := 0
	for i, l := range lines {
		var vs []*store.Version
		for _, p := range l.pieces {
			if strings.TrimSpace(p.Text) != "" && !slices.Contains(vs, p.Version) {
				vs = append(vs, p.Version)
			}
		}
		slices.SortFunc(vs, func(a, b *store.Version) int { return b.Seq - a.Seq })
		names := make([]string, len(vs))
		for k, v := range vs {
			names[k] = name(v)
		}
		if len(vs) > 0 {
			names[0] += " (" + sanitize.Text(vs[0].Party) + ")"
		}
		margins[i] = strings.Join(names, ", ")
		width = max(width, len([]rune(margins[i])))
	}
	for i, l := range lines {
		if len(l.pieces) == 0 {
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
			continue
		}
		var b strings.Builder
		for _, p := range l.pieces {
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
