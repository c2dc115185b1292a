package check

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/avenant-dev/avenant/internal/sanitize"
	"github.com/avenant-dev/avenant/render"
)

// Formats are the output formats of avenant check.
var Formats = []string{"text", "json", "github", "junit", "markdown"}

// Write prints the report in format, one of Formats.
func Write(w io.Writer, rep *Report, format string) error {
	switch format {
	case "text", "":
		return writeText(w, rep)
	case "json":
		return WriteJSON(w, rep)
	case "github":
		return writeGitHub(w, rep)
	case "junit":
		return writeJUnit(w, rep)
	case "markdown":
		return WriteMarkdown(w, rep)
	}
	return fmt.Errorf("unknown format %q", format)
}

// Verdict sums the report up: "passed" or "failed", then the counts of
// findings by severity.
func Verdict(rep *Report) string {
	v := "passed"
	if !rep.Passed() {
		v = "failed"
	}
	var counts []string
	for _, s := range severities {
		if n := rep.count(s); n > 0 {
			counts = append(counts, render.Count(n, string(s)))
		}
	}
	if len(counts) == 0 {
		return v + ": nothing flagged"
	}
	return v + ": " + strings.Join(counts, ", ")
}

// writeText prints one finding a line, aligned, then the verdict.
func writeText(w io.Writer, rep *Report) error {
	if err := WriteFindings(w, rep); err != nil {
		return err
	}
	// One line, whatever a file's name holds: a CI log is read by its
	// last line.
	_, err := fmt.Fprintf(w, "check %s → %s %s\n", sanitize.Line(rep.Old.Ref), sanitize.Line(rep.New.Ref), Verdict(rep))
	return err
}

// WriteFindings prints one finding a line, aligned (severity, rule,
// clause, message), then the rules used.
func WriteFindings(w io.Writer, rep *Report) error {
	var b strings.Builder
	ruleWidth := 0
	for _, f := range rep.Findings {
		ruleWidth = max(ruleWidth, len(f.Rule))
	}
	for i := range rep.Findings {
		f := &rep.Findings[i]
		fmt.Fprintf(&b, "%-7s %-*s  %s: %s\n", f.Severity, ruleWidth, f.Rule, f.Clause, f.Message())
	}
	fmt.Fprintf(&b, "rules: %s\n", rulesName(rep))
	_, err := io.WriteString(w, b.String())
	return err
}

// rulesName says which rules ran: the file, or the built-in rules.
func rulesName(rep *Report) string {
	if rep.RulesFile == "" {
		return "built-in"
	}
	return sanitize.Line(rep.RulesFile)
}

// jsonReport is the avenant.check/v1 document.
type jsonReport struct {
	Schema string `json:"schema"`
	// RulesFile is null for the built-in rules.
	RulesFile *string     `json:"rules_file"`
	Old       render.Side `json:"old"`
	New       render.Side `json:"new"`
	Findings  []Finding   `json:"findings"`
	Passed    bool        `json:"passed"`
}

// WriteJSON prints the avenant.check/v1 document.
func WriteJSON(w io.Writer, rep *Report) error {
	fs := rep.Findings
	if fs == nil {
		fs = []Finding{}
	}
	var file *string
	if rep.RulesFile != "" {
		file = &rep.RulesFile
	}
	return render.WriteJSON(w, jsonReport{Schema: Schema, RulesFile: file, Old: rep.Old, New: rep.New, Findings: fs, Passed: rep.Passed()})
}

// writeGitHub prints one GitHub Actions workflow command per finding
// (::error title=…::message), which the runner turns into annotations.
// Nothing else is printed, so that every line is a command.
func writeGitHub(w io.Writer, rep *Report) error {
	var b strings.Builder
	for i := range rep.Findings {
		f := &rep.Findings[i]
		title := "avenant " + f.Rule + ": " + f.Clause
		fmt.Fprintf(&b, "::%s title=%s::%s\n", f.Severity, ghProperty(title), ghMessage(f.Clause+": "+f.Message()))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// GitHub decodes %25, %0D and %0A in a command's message, and also %3A and
// %2C in its properties, where a raw ":" would end the properties and a
// raw "," the value.
var (
	ghMessageEscaper  = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func ghMessage(s string) string  { return ghMessageEscaper.Replace(s) }
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }

// WriteMarkdown prints the report for a merge-request comment or a GitHub
// step summary: the verdict, then a table of findings.
func WriteMarkdown(w io.Writer, rep *Report) error {
	var b strings.Builder
	icon := "✅"
	if !rep.Passed() {
		icon = "❌"
	}
	fmt.Fprintf(&b, "## avenant check: %s → %s\n\n", mdCell(rep.Old.Ref), mdCell(rep.New.Ref))
	fmt.Fprintf(&b, "%s **%s**\n\n", icon, Verdict(rep))
	if len(rep.Findings) > 0 {
		b.WriteString("| severity | rule | clause | change |\n|---|---|---|---|\n")
		for i := range rep.Findings {
			f := &rep.Findings[i]
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.Severity, mdCell(f.Rule), mdCell(f.Clause), mdCell(f.Message()))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "<sub>Diff: %s. Rules: %s.</sub>\n", mdCell(render.SummaryLine(rep.Summary)), mdCell(rulesName(rep)))
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes text for a Markdown table cell: no line breaks, no pipes,
// no emphasis or HTML from the document.
func mdCell(s string) string {
	return render.MarkdownText(strings.Join(strings.Fields(sanitize.Text(s)), " "))
}

// JUnit XML as read by GitLab, Jenkins and most CI servers.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit prints the report as JUnit XML: one testsuite for the pair
// of versions, one testcase per rule and clause it flagged (its failure
// lists the facts), and one passing testcase per rule that flagged nothing.
// Warnings and notices do not fail a check: their testcases pass and carry
// the facts in system-out.
func writeJUnit(w io.Writer, rep *Report) error {
	suite := junitSuite{Name: "avenant check " + xmlText(rep.Old.Ref) + " → " + xmlText(rep.New.Ref)}
	type key struct{ rule, clause string }
	index := map[key]int{}
	fired := map[string]bool{}
	var groups [][]*Finding
	for i := range rep.Findings {
		f := &rep.Findings[i]
		k := key{f.Rule, f.Clause}
		fired[f.Rule] = true
		if j, ok := index[k]; ok {
			groups[j] = append(groups[j], f)
			continue
		}
		index[k] = len(groups)
		groups = append(groups, []*Finding{f})
	}
	for _, g := range groups {
		tc := junitCase{Classname: "avenant." + xmlText(g[0].Rule), Name: xmlText(g[0].Clause)}
		var lines []string
		sev := Notice
		for _, f := range g {
			lines = append(lines, string(f.Severity)+": "+xmlText(f.Message()))
			if rank(f.Severity) < rank(sev) {
				sev = f.Severity
			}
		}
		text := strings.Join(lines, "\n")
		if sev == Error {
			tc.Failure = &junitFailure{Message: xmlText(g[0].Message()), Type: string(Error), Text: text}
			suite.Failures++
		} else {
			tc.SystemOut = text
		}
		suite.Cases = append(suite.Cases, tc)
	}
	for _, r := range rep.Rules {
		if !fired[r] {
			suite.Cases = append(suite.Cases, junitCase{Classname: "avenant." + xmlText(r), Name: "all clauses"})
		}
	}
	suite.Tests = len(suite.Cases)
	doc := junitSuites{Name: "avenant check", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func rank(s Severity) int {
	for i, x := range severities {
		if x == s {
			return i
		}
	}
	return len(severities)
}

// xmlText drops what XML 1.0 cannot carry at all (most control
// characters); encoding/xml escapes the rest.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xfffe && r != 0xffff) {
			return r
		}
		return -1
	}, sanitize.Text(s))
}
