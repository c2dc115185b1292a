package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// LogSchema names the JSON document of avenant log.
const LogSchema = "avenant.log/v1"

// LogOptions hold what avenant log needs.
type LogOptions struct {
	g      *globals
	Clause string
	At     string
	Format string
	// Line leaves out the versions off the line that leads to --at.
	Line bool
}

type logDoc struct {
	Schema  string     `json:"schema"`
	Clause  string     `json:"clause"`
	Entries []logEntry `json:"entries"`
}

type logEntry struct {
	// ID is the clause the entry is about: the one asked for, or one its
	// text came from (split off, merged in).
	ID         string            `json:"id"`
	Version    string            `json:"version"`
	Party      string            `json:"party"`
	Date       string            `json:"date"`
	Commit     string            `json:"commit"`
	Number     string            `json:"number"`
	Change     clause.ChangeKind `json:"change"`
	Renumbered bool              `json:"renumbered,omitempty"`
	Moved      bool              `json:"moved,omitempty"`
	Gone       bool              `json:"gone,omitempty"`
	Others     []string          `json:"others,omitempty"`
	// OffLine marks a version off the line that leads to --at.
	OffLine bool `json:"off_line,omitempty"`
	// By names the amending instructions that made the change, for a
	// version imported with --amends.
	By string `json:"by,omitempty"`
}

func newLogCmd(g *globals, runF func(*LogOptions) error) *cobra.Command {
	opts := &LogOptions{g: g}
	cmd := &cobra.Command{
		Use:   "log CLAUSE",
		Short: "A clause's history across versions, through renumbering and moves",
		Long: `List the versions in which CLAUSE changed, oldest first: added, modified,
cosmetic, renumbered, moved, split, merged, removed. CLAUSE is a stable id,
or a heading, kind and number, or article number as in 'avenant show' of the
latest version (or of --at REV). The log follows the text: a part split off
another clause shows that clause's history before the split, a merged clause
each source's (noted "as ID"). Versions off the line that leads to --at (a
sibling counter-proposal) are listed apart, "also proposed: …" (JSON
off_line); --line leaves them out.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Clause = args[0]
			if runF != nil {
				return runF(opts)
			}
			return logRun(opts)
		},
	}
	formatFlag(cmd, &opts.Format, "text", "json")
	cmd.Flags().StringVar(&opts.At, "at", "", "resolve the clause in this version and follow its line (default: the latest)")
	cmd.Flags().BoolVar(&opts.Line, "line", false, "leave out the versions off the line that leads to --at")
	return cmd
}

// resolveAt opens the store and resolves --at and the clause reference.
func resolveAt(g *globals, at, ref string) (*store.Store, *store.Version, string, error) {
	s, err := openStore(g)
	if err != nil {
		return nil, nil, "", err
	}
	var v *store.Version
	if at != "" {
		if v, err = s.Resolve(at); err != nil {
			return nil, nil, "", err
		}
	}
	id, err := s.ResolveClause(ref, v)
	if err != nil {
		return nil, nil, "", err
	}
	return s, v, id, nil
}

func logRun(opts *LogOptions) error {
	s, at, id, err := resolveAt(opts.g, opts.At, opts.Clause)
	if err != nil {
		return err
	}
	all, err := s.Log(id, at)
	if err != nil {
		return err
	}
	entries := all[:0:0]
	for _, e := range all {
		if !opts.Line || !e.OffLine {
			entries = append(entries, e)
		}
	}
	if opts.g.quiet {
		return nil // --quiet: the exit status is the answer
	}
	out := opts.g.io.Out
	if opts.Format == "json" {
		doc := logDoc{Schema: LogSchema, Clause: id, Entries: []logEntry{}}
		for _, e := range entries {
			doc.Entries = append(doc.Entries, logEntry{
				ID: e.ID, OffLine: e.OffLine, Version: e.Version.Label, Party: e.Version.Party, Date: e.Version.Date, Commit: e.Version.Commit,
				Number: e.Number, Change: e.Change, Renumbered: e.Renumbered, Moved: e.Moved, Gone: e.Gone, Others: e.Others, By: e.By,
			})
		}
		return render.WriteJSON(out, doc)
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "clause %s\n", sanitize.Line(id))
	for _, e := range entries {
		if e.OffLine {
			continue // listed apart, below
		}
		var notes []string
		if e.ID != id {
			notes = append(notes, "as "+e.ID)
		}
		if e.Renumbered {
			notes = append(notes, "renumbered")
		}
		if e.Moved {
			notes = append(notes, "moved")
		}
		if len(e.Others) > 0 {
			switch {
			case e.Gone:
				notes = append(notes, "into "+strings.Join(e.Others, ", "))
			case e.Change == clause.Split && len(e.Others) == 1:
				notes = append(notes, "with "+e.Others[0])
			default:
				notes = append(notes, "with "+strings.Join(e.Others, ", "))
			}
		}
		if e.By != "" {
			notes = append(notes, "by "+citation(e.Version.Label, e.By))
		}
		number := e.Number
		if number == "" {
			number = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", short(e.Version.Commit), sanitize.Line(e.Version.Label), sanitize.Line(e.Version.Date),
			sanitize.Text(e.Version.Party), sanitize.Text(number), e.Change, sanitize.Line(strings.Join(notes, " ")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := trimmed(out, &buf); err != nil {
		return err
	}
	return writeAlsoProposed(out, entries)
}

// writeAlsoProposed lists apart the versions off the line that leads to
// --at which changed the clause: a sibling counter-proposal, which the text
// being read does not descend from ("also proposed: MGF-2024-03 (MG
// France, 2024-03-12) modified 19.5").
func writeAlsoProposed(w io.Writer, entries []store.LogEntry) error {
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
		v := e.Version
		if _, err := fmt.Fprintf(w, "also proposed: %s (%s, %s) %s\n", sanitize.Line(v.Label), sanitize.Text(v.Party), sanitize.Line(v.Date), sanitize.Text(what)); err != nil {
			return err
		}
	}
	return nil
}
