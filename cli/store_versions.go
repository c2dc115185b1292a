package cli

import (
	"bytes"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/store"
)

// VersionsOptions hold what avenant versions needs.
type VersionsOptions struct {
	g      *globals
	Format string
}

// VersionsSchema names the JSON document of avenant versions.
const VersionsSchema = "avenant.versions/v1"

type versionsDoc struct {
	Schema   string        `json:"schema"`
	Versions []versionJSON `json:"versions"`
}

type versionJSON struct {
	Label   string `json:"label"`
	Party   string `json:"party"`
	Kind    string `json:"kind"`
	Date    string `json:"date"`
	Commit  string `json:"commit"`
	Base    string `json:"base"`
	Clauses int    `json:"clauses"`
}

func newVersionsCmd(g *globals, runF func(*VersionsOptions) error) *cobra.Command {
	opts := &VersionsOptions{g: g}
	cmd := &cobra.Command{
		Use:   "versions",
		Short: "List the versions, oldest first, with which one answers which",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionsRun(opts)
		},
	}
	formatFlag(cmd, &opts.Format, "text", "json")
	return cmd
}

func versionsRun(opts *VersionsOptions) error {
	s, err := openStore(opts.g)
	if err != nil {
		return err
	}
	vs, err := s.Versions()
	if err != nil {
		return err
	}
	if opts.g.quiet {
		return nil // --quiet: the exit status is the answer
	}
	out := opts.g.io.Out
	if opts.Format == "json" {
		doc := versionsDoc{Schema: VersionsSchema, Versions: []versionJSON{}}
		for _, v := range vs {
			doc.Versions = append(doc.Versions, versionJSON{v.Label, v.Party, v.Kind, v.Date, v.Commit, v.Base, v.Clauses})
		}
		return render.WriteJSON(out, doc)
	}
	if len(vs) == 0 {
		_, err := fmt.Fprintf(out, "no version yet in %s: add one with avenant import\n", sanitize.Line(s.Dir))
		return err
	}
	graph := versionGraph(vs)
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tLABEL\tPARTY\tKIND\tDATE\tCOMMIT\tCLAUSES\tANSWERS")
	for i, v := range vs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", graph[i], sanitize.Text(v.Label), sanitize.Text(v.Party), sanitize.Text(v.Kind), sanitize.Line(v.Date), short(v.Commit), v.Clauses, sanitize.Line(v.Base))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return trimmed(out, &buf)
}

// versionGraph draws, for each version oldest first, a row of lanes: a
// version continues the lane of the version it answers when it is the
// first to answer it, and opens a new lane otherwise (a fork: two answers
// to one version). "o" marks the version, "|" the lanes still open.
func versionGraph(vs []store.Version) []string {
	var lanes []string // the commit at the tip of each lane
	rows := make([]string, len(vs))
	for i, v := range vs {
		lane := -1
		for k, tip := range lanes {
			if tip != "" && tip == v.Parent {
				lane = k
				break
			}
		}
		if lane < 0 {
			lane = len(lanes)
			for k, tip := range lanes {
				if tip == "" {
					lane = k
					break
				}
			}
			if lane == len(lanes) {
				lanes = append(lanes, "")
			}
		}
		lanes[lane] = v.Commit
		var b strings.Builder
		for k, tip := range lanes {
			switch {
			case k == lane:
				b.WriteString("o ")
			case tip != "":
				b.WriteString("| ")
			default:
				b.WriteString("  ")
			}
		}
		rows[i] = strings.TrimRight(b.String(), " ")
	}
	return rows
}
