package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/avenant-dev/avenant/check"
	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// CheckOptions hold what avenant check needs.
type CheckOptions struct {
	g        *globals
	Old, New string
	// Rules is the rules file given with --rules; when empty, .avenant.yaml
	// is looked up from Dir upwards, and the defaults apply without one.
	Rules string
	// NoRepoRules ignores .avenant.yaml files: in CI, the checked-out tree
	// is the pull request's, and its rules must not judge it.
	NoRepoRules bool
	Dir         string
	Format      string
	MaxSize     int64
	// Concordance is a file of "old = new" lines that override the aligner.
	Concordance string
	// Amends reads NEW as amending instructions applied to OLD.
	Amends bool
}

func newCheckCmd(g *globals, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{g: g}
	cmd := &cobra.Command{
		Use:   "check OLD NEW",
		Short: "CI gate: flag altered tariffs and other watched facts",
		Long: `Compare two versions and run rules over the facts that changed: by default
any changed, added or removed amount, percentage or act code in a tariff
clause (tariff rows, annexes, articles about tarifs, honoraires, rémunération
or forfaits), a changed amount that prices an act code elsewhere, any amount
that appears or disappears, and any broken cross-reference are errors; a
changed modality or negation is a warning, and so is an article of the new
version that prices an act code otherwise than its tariff table
(consistency; avenant show --check runs it on one version).

Rules come from --rules FILE, else from the nearest .avenant.yaml in the
current directory or above (unless --no-repo-rules), else the built-in
rules. The report names the rules file it used. In CI, take the rules from
the target branch (git show origin/main:.avenant.yaml > rules.yaml, then
--rules rules.yaml) or use --no-repo-rules, so that a pull request cannot
loosen the rules that judge it.

Formats: text, json (avenant.check/v1), github (workflow commands; a
Markdown summary is appended to $GITHUB_STEP_SUMMARY when set), junit, markdown.

Exit status: 0 passed, 1 an error-level rule fired, 2 error.`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Rules, "rules", "", "rules file (default: nearest "+check.FileName+", else built-in rules)")
	f.BoolVar(&opts.NoRepoRules, "no-repo-rules", false, "never read "+check.FileName+" from the working tree: --rules FILE or the built-in rules")
	formatFlag(cmd, &opts.Format, check.Formats...)
	f.Int64Var(&opts.MaxSize, "max-size", 0, "largest input file accepted, in bytes (default 64 MiB)")
	f.StringVar(&opts.Concordance, "concordance", "", "file of 'old = new' lines that override the aligner")
	f.BoolVar(&opts.Amends, "amends", false, "NEW is an avenant written as amending instructions: check what applying it to OLD gives")
	return cmd
}

func checkRun(opts *CheckOptions) error {
	rules, err := loadRules(opts)
	if err != nil {
		return err
	}
	l := &docLoader{g: opts.g, maxSize: opts.MaxSize}
	oldDoc, newDoc, old, new, err := l.loadCompared(opts.Old, opts.New, opts.Amends)
	if err != nil {
		return err
	}
	copts, err := compareOptions(opts.Concordance, oldDoc, newDoc)
	if err != nil {
		return err
	}
	return checkDocs(opts, oldDoc, newDoc, old, new, rules, copts)
}

// checkDocs checks two loaded documents, whatever they were loaded from,
// prints the report and turns a failed check into exit status 1.
func checkDocs(opts *CheckOptions, oldDoc, newDoc *clause.Document, old, new render.Side, rules *check.Rules, copts clause.CompareOptions) error {
	rep := check.Check(oldDoc, newDoc, old, new, rules, copts)
	warnUnreadTables(opts.g, old.Ref, oldDoc)
	warnUnreadTables(opts.g, new.Ref, newDoc)
	if !opts.g.quiet {
		if err := check.Write(opts.g.io.Out, rep, opts.Format); err != nil {
			return err
		}
	}
	if opts.Format == "github" {
		if err := appendStepSummary(opts.g.io.Getenv("GITHUB_STEP_SUMMARY"), rep); err != nil {
			return err
		}
	}
	if !rep.Passed() {
		return errDiffers
	}
	return nil
}

// loadRules reads --rules, else the nearest .avenant.yaml, else returns
// the defaults.
func loadRules(opts *CheckOptions) (*check.Rules, error) {
	path := opts.Rules
	if path == "" && opts.NoRepoRules {
		return check.Default(), nil
	}
	if path == "" {
		dir := opts.Dir
		if dir == "" {
			wd, err := os.Getwd()
			if err != nil {
				return nil, err
			}
			dir = wd
		}
		found, skipped, err := check.Find(dir)
		for _, p := range skipped {
			fmt.Fprintf(opts.g.io.Err, "avenant: warning: %s passed over: another user owns it\n", sanitize.Name(p))
		}
		if err != nil {
			return nil, err
		}
		if found == "" {
			return check.Default(), nil
		}
		// Name the file as the user would type it from here.
		if rel, err := filepath.Rel(dir, found); err == nil {
			found = rel
		}
		path = filepath.Join(dir, found)
		rules, err := check.Load(path)
		if fe, ok := err.(*check.FileError); ok {
			fe.File = found
		}
		if err != nil {
			return nil, err
		}
		rules.File = found
		return rules, nil
	}
	rules, err := check.Load(path)
	if err != nil {
		if _, ok := err.(*check.FileError); ok {
			return nil, err
		}
		return nil, fmt.Errorf("--rules: %w", err)
	}
	return rules, nil
}

// appendStepSummary adds the Markdown report to the job summary page of a
// GitHub Actions run; path is $GITHUB_STEP_SUMMARY, "" outside Actions.
func appendStepSummary(path string, rep *check.Report) error {
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	if err := check.WriteMarkdown(f, rep); err != nil {
		f.Close()
		return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	return f.Close()
}
