package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/store"
)

// Shell completion (avenant completion bash|zsh|fish|powershell) completes
// commands and flags as cobra does, and the values a reader would have to
// look up: the versions of the store, the clauses of a version, the
// formats and colour modes.

// formatsAnnotation keeps, on a --format flag, the formats its command
// writes: one list for the help, the completion and the check.
const formatsAnnotation = "avenant:formats"

// formatFlag defines cmd's --format flag, "text" by default.
func formatFlag(cmd *cobra.Command, p *string, formats ...string) {
	usage := formats[0]
	if n := len(formats); n > 1 {
		usage = strings.Join(formats[:n-1], ", ") + " or " + formats[n-1]
	}
	cmd.Flags().StringVar(p, "format", "text", "output format: "+usage)
	_ = cmd.Flags().SetAnnotation("format", formatsAnnotation, formats)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormatFlag refuses a --format value that cmd does not write.
func checkFormatFlag(cmd *cobra.Command) error {
	f := cmd.Flags().Lookup("format")
	if f == nil {
		return nil
	}
	formats := f.Annotations[formatsAnnotation]
	if formats == nil {
		return nil
	}
	return checkFormat(f.Value.String(), formats...)
}

// colorModes are the values of --color.
var colorModes = []string{"auto", "always", "never"}

// completeVersions completes a version argument: the labels of the store,
// described by party and date, and the party branches. Files are
// completed as well, since every command that takes a version takes a
// file too; out of a store, only files are.
func (g *globals) completeVersions(toComplete string) ([]string, cobra.ShellCompDirective) {
	s, err := openStore(g)
	if err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	vs, err := s.Versions()
	if err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	var out []string
	seen := map[string]bool{}
	add := func(name, desc string) {
		if !seen[name] && strings.HasPrefix(name, toComplete) {
			seen[name] = true
			out = append(out, name+"\t"+desc)
		}
	}
	// Newest first, as the TUI lists them: the version wanted is most
	// often a recent one.
	for i := len(vs) - 1; i >= 0; i-- {
		add(vs[i].Label, strings.TrimSpace(vs[i].Party+" "+vs[i].Date))
	}
	for i := len(vs) - 1; i >= 0; i-- {
		if b, err := s.PartyBranch(vs[i].Party); err == nil {
			add(b, "latest version of "+vs[i].Party)
		}
	}
	return out, cobra.ShellCompDirectiveDefault
}

// completeClauses completes a clause name in the version rev ("" for the
// latest) or in the file rev. Each clause is offered under every name
// that denotes it alone, as a reader would type it: its article number
// ("28.1"), its kind and number ("Article 28.1", "Annexe 1/G"), its
// heading as printed, and its stable id, described by its heading. A
// name is matched from its start, case and accents aside ("preamb"
// offers "Préambule").
func (g *globals) completeClauses(rev, toComplete string) ([]string, cobra.ShellCompDirective) {
	cs, err := g.clauseNames(rev)
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	type cand struct {
		name string
		i    int
	}
	var cands []cand
	owners := map[string]int{} // folded name → how many clauses it is offered for
	for i := range cs {
		seen := map[string]bool{}
		for _, name := range clauseNamesOf(cs, i) {
			f := frtext.Fold(name)
			if name == "" || seen[f] {
				continue
			}
			seen[f] = true
			owners[f]++
			if strings.HasPrefix(f, frtext.Fold(toComplete)) {
				cands = append(cands, cand{name, i})
			}
		}
	}
	// A name printed alike for two clauses is no one's. The resolver
	// confirms the rest where that stays cheap (it reads every clause
	// at each call: 20,000 names of a 5,000-clause text took 25 s), as
	// after a few letters typed.
	verify := len(cands)*len(cs) <= 1_000_000
	var out []string
	for _, c := range cands {
		if owners[frtext.Fold(c.name)] > 1 {
			continue
		}
		if verify {
			if hits := clause.ResolveName(cs, c.name); len(hits) != 1 || hits[0] != c.i {
				continue
			}
		}
		out = append(out, c.name+"\t"+sanitize.Line(oneLine(clause.DisplayName(cs, c.i))))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// clauseNamesOf are the names clause i may be completed as: its number
// (an article's, as a bare number is always an article's, or a tariff
// row's act code, "G"), its kind and number, its heading on one line, its
// id.
func clauseNamesOf(cs []clause.Named, i int) []string {
	var number string
	if cs[i].Kind == clause.KindArticle || strings.HasPrefix(cs[i].Key, "tariff:") {
		number = cs[i].Number
	}
	names := []string{number, clause.ShortName(cs, i), strings.Join(strings.Fields(cs[i].Heading), " "), cs[i].ID}
	for k, n := range names {
		names[k] = sanitize.Line(n)
	}
	return names
}

// clauseNames lists the clauses of the version or file rev.
func (g *globals) clauseNames(rev string) ([]clause.Named, error) {
	if rev != "" && isFile(rev) {
		doc, err := loadFile(rev, 0)
		if err != nil {
			return nil, err
		}
		return clause.NamedOf(doc), nil
	}
	s, err := openStore(g)
	if err != nil {
		return nil, err
	}
	var v *store.Version
	if rev == "" {
		v, err = s.Latest()
	} else {
		v, err = s.Resolve(rev)
	}
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, fmt.Errorf("no version yet")
	}
	return s.Names(v)
}

// oneLine makes a heading fit a completion description.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 70 {
		s = string(r[:69]) + "…"
	}
	return s
}

// versionArgs completes the first n arguments as versions.
func (g *globals) versionArgs(n int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if n >= 0 && len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return g.completeVersions(toComplete)
	}
}

// clauseArg completes a command's one CLAUSE argument in the version its
// --at flag names, the latest by default.
func (g *globals) clauseArg(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	at, _ := cmd.Flags().GetString("at")
	return g.completeClauses(at, toComplete)
}

// setCompletions attaches the value completions to the commands of root.
func setCompletions(root *cobra.Command, g *globals) {
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(colorModes, cobra.ShellCompDirectiveNoFileComp))
	versionFlag := func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		out, _ := g.completeVersions(toComplete)
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	for _, cmd := range root.Commands() {
		switch cmd.Name() {
		case "diff", "check", "compare", "tui":
			cmd.ValidArgsFunction = g.versionArgs(2)
		case "tariffs":
			cmd.ValidArgsFunction = g.versionArgs(-1)
		case "show":
			cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				switch len(args) {
				case 0:
					return g.completeVersions(toComplete)
				case 1:
					return g.completeClauses(args[0], toComplete)
				}
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
		case "log", "blame":
			cmd.ValidArgsFunction = g.clauseArg
		}
		for _, name := range []string{"at", "base"} {
			if f := cmd.Flags().Lookup(name); f != nil && f.Value.Type() == "string" {
				_ = cmd.RegisterFlagCompletionFunc(name, versionFlag)
			}
		}
	}
}
