package check

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/goldenfile"
)

// reports are the cases every format is tested on: a failing check, a
// check passing with a warning, and a clean one.
func reports(t *testing.T) map[string]*Report {
	warnOnly, err := parse("r.yaml", []byte("defaults: false\nrules:\n  - name: obligations\n    facts: [modality, negation]\n    severity: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	clean := sampleDiff()
	for i := range clean.Changes {
		clean.Changes[i].Facts = nil
	}
	return map[string]*Report{
		"failed":  Run(sampleDiff(), sides[0], sides[1], nil),
		"warning": Run(sampleDiff(), sides[0], sides[1], warnOnly),
		"clean":   Run(clean, sides[0], sides[1], nil),
	}
}

func TestFormatsGolden(t *testing.T) {
	ext := map[string]string{"text": "txt", "json": "json", "github": "txt", "junit": "xml", "markdown": "md"}
	for name, rep := range reports(t) {
		for _, format := range Formats {
			t.Run(name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, rep, format); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", "check", name+"."+format+"."+ext[format]), buf.Bytes())
			})
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

func TestJSONSchema(t *testing.T) {
	for name, rep := range reports(t) {
		var buf bytes.Buffer
		if err := WriteJSON(&buf, rep); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Schema   string `json:"schema"`
			Findings []struct {
				Rule, Severity, Clause string
				Fact                   clause.Fact
			} `json:"findings"`
			Passed *bool `json:"passed"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Schema != "avenant.check/v1" || doc.Passed == nil || *doc.Passed != rep.Passed() || doc.Findings == nil || len(doc.Findings) != len(rep.Findings) {
			t.Errorf("%s: bad avenant.check/v1 document:\n%s", name, buf.String())
		}
		for _, f := range doc.Findings {
			if f.Rule == "" || f.Severity == "" || f.Clause == "" || f.Fact.Kind == "" {
				t.Errorf("%s: incomplete finding %+v", name, f)
			}
		}
	}
}

// hostileReport carries a clause name and fact text with every character
// that GitHub's command syntax gives a meaning to.
func hostileReport() *Report {
	d := sampleDiff()
	d.New.Clauses[7].Number = "G:1,2%"
	d.Changes[7].Facts[0].New = "30 €\r\n::error::injected, 100%"
	d.Changes[7].Facts[0].Note = "a: b, c %0A"
	return Run(d, sides[0], sides[1], nil)
}

// commandLine is the syntax of a workflow command as the runner parses it:
// properties hold no raw ":" or ","; no raw "%" but as an escape.
var commandLine = regexp.MustCompile(`^::(error|warning|notice)( [a-z]+=([^,:%\r\n]|%25|%0D|%0A|%3A|%2C)*(,[a-z]+=([^,:%\r\n]|%25|%0D|%0A|%3A|%2C)*)*)?::([^%\r\n]|%25|%0D|%0A)*$`)

func TestGitHubLinesAreCommands(t *testing.T) {
	all := reports(t)
	all["hostile"] = hostileReport()
	for name, rep := range all {
		var buf bytes.Buffer
		if err := writeGitHub(&buf, rep); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if out == "" {
			lines = nil
		}
		if len(lines) != len(rep.Findings) {
			t.Errorf("%s: %d lines for %d findings", name, len(lines), len(rep.Findings))
		}
		for _, l := range lines {
			if !commandLine.MatchString(l) {
				t.Errorf("%s: not a workflow command: %q", name, l)
			}
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	var buf bytes.Buffer
	if err := writeGitHub(&buf, hostileReport()); err != nil {
		t.Fatal(err)
	}
	want := "::error title=avenant tariffs%3A Annexe 1/G → Annexe 1/G%3A1%2C2%25::Annexe 1/G → Annexe 1/G:1,2%25: amount G: 26,50 € → 30 €%0A::error::injected, 100%25 (+13,21 %25) — a: b, c %250A\n"
	if got := strings.Split(buf.String(), "\n")[6] + "\n"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestJUnitShape reads the XML back as a CI server would: testsuites,
// testsuite, testcase, failure.
func TestJUnitShape(t *testing.T) {
	var buf bytes.Buffer
	if err := writeJUnit(&buf, reports(t)["failed"]); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Suites   []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Cases    []struct {
				Name      string `xml:"name,attr"`
				Classname string `xml:"classname,attr"`
				Failure   *struct {
					Message string `xml:"message,attr"`
					Text    string `xml:",chardata"`
				} `xml:"failure"`
				SystemOut string `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(doc.Suites) != 1 {
		t.Fatalf("%d testsuites, want 1", len(doc.Suites))
	}
	s := doc.Suites[0]
	type tc struct{ class, name, failure, out string }
	var got []tc
	for _, c := range s.Cases {
		x := tc{class: c.Classname, name: c.Name, out: c.SystemOut}
		if c.Failure != nil {
			x.failure = c.Failure.Message
		}
		got = append(got, x)
	}
	want := []tc{
		{"avenant.prices", "Article 10", "amount G: 26,50 € → 30 € (+13,21 %)", ""},
		{"avenant.terms", "Article 10", "date: 1er novembre 2023 → 1er octobre 2024", ""},
		{"avenant.obligations", "Article 12 → Article 13", "modality doit: doit → peut", ""},
		{"avenant.rates", "Article 19.3", "percent: 10 % → 5 % (-5 points)", ""},
		{"avenant.tariffs", "Article 20", "amount: 5 € → 5,10 € (+2 %)", ""},
		{"avenant.references", "Article 40", "reference article 12: article 12 — broken: the number no longer denotes the same clause", ""},
		{"avenant.tariffs", "Annexe 1/G", "amount G: 26,50 € → 30 € (+13,21 %)", ""},
		{"avenant.tariff-dates", "all clauses", "", ""},
		{"avenant.consistency", "all clauses", "", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("testcases %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("testcase %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if s.Tests != 9 || s.Failures != 7 || doc.Tests != 9 || doc.Failures != 7 {
		t.Errorf("counts: suite %d/%d, root %d/%d; want 9 tests, 7 failures", s.Tests, s.Failures, doc.Tests, doc.Failures)
	}
}

func TestJUnitPassingRules(t *testing.T) {
	var buf bytes.Buffer
	if err := writeJUnit(&buf, reports(t)["clean"]); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, r := range []string{"tariffs", "obligations", "references"} {
		if !strings.Contains(out, `<testcase name="all clauses" classname="avenant.`+r+`"></testcase>`) {
			t.Errorf("no passing testcase for rule %s:\n%s", r, out)
		}
	}
	if strings.Contains(out, "<failure") {
		t.Errorf("clean report has a failure:\n%s", out)
	}
}

// TestVerdictOneLine: the verdict is the text report's last line, one line
// whatever the files' names hold. Before, a file named "n<LF>l.txt" split
// it in two: "check n" then "l.txt → new.md failed: 1 error".
func TestVerdictOneLine(t *testing.T) {
	var buf bytes.Buffer
	old, new := sides[0], sides[1]
	old.Ref = "n\nl.txt"
	if err := writeText(&buf, Run(sampleDiff(), old, new, nil)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "check n l.txt → ") {
		t.Errorf("last line %q, want the verdict naming n l.txt", last)
	}
}
