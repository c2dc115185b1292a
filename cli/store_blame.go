package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/render"
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
}

func newBlameCmd(g *globals, runF func(*BlameOptions) error) *cobra.Command {
	opts := &BlameOptions{g: g}
	cmd := &cobra.Command{
		Use:   "blame CLAUSE",
		Short: "Who introduced each word of a clause: party, version, date",
		Long: `Print the text of CLAUSE as of --at (default: the latest version), cut into
spans attributed to the version that introduced them, word by word.
Cosmetic revisions (spacing, typography) keep the earlier attribution
unless --cosmetic.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Clause = args[0]
			if err := checkFormat(opts.Format, "text", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return blameRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "text", "output format: text or json")
	f.StringVar(&opts.At, "at", "", "the version to blame (default: the latest)")
	f.BoolVar(&opts.Cosmetic, "cosmetic", false, "attribute cosmetic revisions too")
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
	spans, err := s.Blame(id, at, opts.Cosmetic)
	if err != nil {
		return err
	}
	out := opts.g.io.Out
	if opts.Format == "json" {
		doc := blameDoc{Schema: BlameSchema, Clause: id, At: at.Label, Spans: []blameSpan{}}
		for _, sp := range spans {
			v := sp.Version
			doc.Spans = append(doc.Spans, blameSpan{Text: sp.Text, Version: v.Label, Party: v.Party, Date: v.Date, Commit: v.Commit})
		}
		return render.WriteJSON(out, doc)
	}
	// One line per piece of text: a span cut at its line breaks, the
	// version and party beside it.
	width := 0
	for _, sp := range spans {
		width = max(width, len([]rune(sp.Version.Label))+len([]rune(sp.Version.Party))+3)
	}
	for _, sp := range spans {
		tag := fmt.Sprintf("%s (%s)", sp.Version.Label, render.Clean(sp.Version.Party))
		for _, line := range strings.Split(strings.TrimRight(sp.Text, "\n"), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			fmt.Fprintf(out, "%-*s │ %s\n", width, tag, render.Clean(strings.TrimSpace(line)))
		}
	}
	return nil
}
