package check

import (
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/render"
	"github.com/avenant-dev/avenant/tariff"
)

func fixtureText(t *testing.T, file string) string {
	t.Helper()
	b, err := fixtures.FS.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFixtureTariffFails: the CNAM's proposal raises the G consultation
// from 26,50 € to 30 €; the default rules must fail on the tariff row and
// say both amounts.
func TestFixtureTariffFails(t *testing.T) {
	old := clause.Parse(fixtureText(t, "01-reglement-arbitral-2023.md"))
	new := clause.Parse(fixtureText(t, "02-cnam-proposition-2024-02.md"))
	rep := Check(old, new, render.Side{Ref: "RA-2023"}, render.Side{Ref: "CNAM-2024-02"}, nil, clause.CompareOptions{})
	if rep.Passed() {
		t.Fatalf("check passed: %v", brief(rep.Findings))
	}
	var g *Finding
	for i := range rep.Findings {
		if rep.Findings[i].Clause == "Annexe 1/G" {
			g = &rep.Findings[i]
		}
	}
	if g == nil {
		t.Fatalf("no finding on Annexe 1/G: %v", brief(rep.Findings))
	}
	if g.Severity != Error || g.Rule != "tariffs" || g.Fact.Old != "26,50 €" || g.Fact.New != "30 €" {
		t.Errorf("G finding = %+v", *g)
	}
	if msg := g.Message(); !strings.Contains(msg, "26,50 €") || !strings.Contains(msg, "30 €") {
		t.Errorf("message %q does not name both amounts", msg)
	}
}

// TestFixtureCosmeticPasses: typography, re-wrapping, double spaces and
// the case of a heading change nothing a rule watches.
func TestFixtureCosmeticPasses(t *testing.T) {
	text := fixtureText(t, "02-cnam-proposition-2024-02.md")
	edited := strings.ReplaceAll(text, "'", "’")
	edited = strings.Replace(edited, "oriente le patient dans le parcours", "oriente le patient\ndans le parcours", 1)
	edited = strings.Replace(edited, "Le médecin peut réaliser des consultations", "Le médecin  peut réaliser des  consultations", 1)
	edited = strings.Replace(edited, "### Article 27 - Secteurs d’exercice", "### Article 27 - SECTEURS D’EXERCICE", 1)
	if edited == text {
		t.Fatal("the edits changed nothing")
	}
	old, new := clause.Parse(text), clause.Parse(edited)
	rep := Check(old, new, render.Side{Ref: "CNAM-2024-02"}, render.Side{Ref: "edited"}, nil, clause.CompareOptions{})
	if rep.Summary.Cosmetic == 0 {
		t.Errorf("no cosmetic change seen: %+v", rep.Summary)
	}
	if !rep.Passed() || len(rep.Findings) != 0 {
		t.Errorf("cosmetic edits flagged: %v", brief(rep.Findings))
	}
}

// TestFixtureBrokenReference: UFML-S removes article 26.2, renumbering
// 26.3, but article 40 still names "article 26.3".
func TestFixtureBrokenReference(t *testing.T) {
	old := clause.Parse(fixtureText(t, "02-cnam-proposition-2024-02.md"))
	new := clause.Parse(fixtureText(t, "04-ufmls-contre-proposition-2024-03.md"))
	rep := Check(old, new, render.Side{Ref: "CNAM-2024-02"}, render.Side{Ref: "UFMLS-2024-03"}, nil, clause.CompareOptions{})
	for _, f := range rep.Findings {
		if f.Rule == "references" && f.Clause == "Article 40" && f.Severity == Error {
			return
		}
	}
	t.Errorf("no broken reference in article 40: %v", brief(rep.Findings))
}

// TestFixtureAppearingTariffs: what arrives or leaves with a whole clause
// is seen by the default rules. The 2025 avenant removes the MPC row (2 €),
// adds the CCP row (46 €) and article 17 bis, which pays 200 € a day; the
// CNAM's proposal removes articles 20.2
// and 20.3, which fixed the value of the point at 7 €.
func TestFixtureAppearingTariffs(t *testing.T) {
	tests := []struct {
		oldFile, newFile string
		want             []string // "clause: message" of error findings that must be there
	}{
		{"05-convention-2024-06.md", "06-avenant-1-2025.md", []string{
			"Annexe 1/MPC: amount MPC: 2 € → –",
			"Annexe 1/MPC: code: MPC → –",
			"Annexe 1/CCP: amount CCP: – → 46 €",
			"Annexe 1/CCP: code: – → CCP",
			"Article 17 bis: amount: – → 200 € par jour",
		}},
		{"01-reglement-arbitral-2023.md", "02-cnam-proposition-2024-02.md", []string{
			"Article 20.2: amount: 7 € → –",
			"Article 20.3: amount: 7 € → –",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.newFile, func(t *testing.T) {
			old := clause.Parse(fixtureText(t, tt.oldFile))
			new := clause.Parse(fixtureText(t, tt.newFile))
			rep := Check(old, new, render.Side{Ref: tt.oldFile}, render.Side{Ref: tt.newFile}, nil, clause.CompareOptions{})
			if rep.Passed() {
				t.Fatalf("check passed: %v", brief(rep.Findings))
			}
			got := map[string]bool{}
			for _, f := range rep.Findings {
				if f.Severity == Error {
					got[f.Clause+": "+f.Message()] = true
				}
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("no error %q among %v", w, brief(rep.Findings))
				}
			}
		})
	}
}

// TestConsistency: a version whose article prices G otherwise than its
// tariff table gets a warning naming both places; the check still passes.
// A rules file can raise the rule to an error or drop it.
func TestConsistency(t *testing.T) {
	text := fixtureText(t, "05-convention-2024-06.md")
	contradicting := strings.Replace(text, "cotée GS, sont fixées à 30 € à compter du 22 décembre 2024.", "cotée GS, sont fixées à 26,50 €.", 1)
	if contradicting == text {
		t.Fatal("the edit changed nothing")
	}
	old, new := clause.Parse(text), clause.Parse(contradicting)
	rep := Check(old, new, render.Side{Ref: "CONV-2024-06"}, render.Side{Ref: "edited"}, nil, clause.CompareOptions{})
	var got []string
	for _, f := range rep.Findings {
		if f.Rule == ConsistencyRule {
			got = append(got, string(f.Severity)+" "+f.Clause+": "+f.Message())
		}
	}
	want := []string{
		"warning Article 10: Article 10 prices G at 26,50 €, Annexe 1/G at 30 €",
		"warning Article 10: Article 10 prices GS at 26,50 €, Annexe 1/GS at 30 €",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("consistency findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := Consistency(old, nil); len(got) != 0 {
		t.Errorf("the signed convention contradicts itself: %v", brief(got))
	}
	raised, err := parse("rules.yaml", []byte("rules:\n  - name: consistency\n    severity: error\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := Consistency(new, raised); len(got) != 2 || got[0].Severity != Error {
		t.Errorf("raised to error: %v", brief(got))
	}
	allowed, err := parse("rules.yaml", []byte("allow: [\"Article 10\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := Consistency(new, allowed); len(got) != 0 {
		t.Errorf("allowed clause still flagged: %v", brief(got))
	}
}

// TestReformattedTablePasses: the same tariff table written another way
// (pipes or aligned columns, tabs, with or without its header row) is no
// change the gate flags, and the grid reads the same prices from it.
func TestReformattedTablePasses(t *testing.T) {
	text := fixtureText(t, "05-convention-2024-06.md")
	reformat := func(sep string, header bool) string {
		var out []string
		for _, line := range strings.Split(text, "\n") {
			if !strings.HasPrefix(line, "|") {
				out = append(out, line)
				continue
			}
			if strings.HasPrefix(line, "|---") || (!header && strings.HasPrefix(line, "| Code ")) {
				continue
			}
			cells := strings.Split(strings.Trim(line, "| "), " | ")
			out = append(out, strings.Join(cells, sep))
		}
		return strings.Join(out, "\n")
	}
	for _, tc := range []struct {
		name, sep string
		header    bool
	}{
		{"columns with header", "    ", true},
		{"columns without header", "    ", false},
		{"tabs", "\t", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited := reformat(tc.sep, tc.header)
			if edited == text || strings.Contains(edited, "| G |") {
				t.Fatal("the table was not rewritten")
			}
			for _, pair := range [][2]string{{text, edited}, {edited, text}} {
				old, new := clause.Parse(pair[0]), clause.Parse(pair[1])
				rep := Check(old, new, render.Side{Ref: "a"}, render.Side{Ref: "b"}, nil, clause.CompareOptions{})
				if len(rep.Findings) != 0 {
					t.Errorf("re-formatted table flagged: %v", brief(rep.Findings))
				}
				if a, b := tariffLine(old), tariffLine(new); a != b || !strings.Contains(b, "G=30 €@Annexe 1/G") {
					t.Errorf("prices differ:\n%s\n%s", a, b)
				}
			}
		})
	}
}

// tariffLine lists a document's prices as code=value, in order.
func tariffLine(d *clause.Document) string {
	var out []string
	for _, p := range tariff.Prices(d) {
		out = append(out, p.Code+"="+p.Text+"@"+p.Clause)
	}
	return strings.Join(out, " ")
}
