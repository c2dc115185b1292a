package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/render"
)

func fp(v float64) *float64 { return &v }

// sampleDocs builds two small versions by hand: an article fixing the G
// consultation, an article whose "doit" became "peut", an annex with a
// tariff row, an article renumbered, and one left naming it.
func sampleDocs() (*clause.Document, *clause.Document) {
	mk := func(n12 string) *clause.Document {
		return &clause.Document{Clauses: []clause.Clause{
			{ID: "titre-1", Kind: clause.KindTitle, Number: "1", Key: "title:1", Heading: "Titre 1 - Dispositions", Path: []string{"Titre 1 - Dispositions"}, Parent: -1},
			{ID: "art-10", Kind: clause.KindArticle, Number: "10", Key: "article:10", Heading: "Article 10 - Consultation de référence", Path: []string{"Titre 1 - Dispositions", "Article 10 - Consultation de référence"}, Parent: 0, Depth: 1},
			{ID: "art-12", Kind: clause.KindArticle, Number: n12, Key: "article:" + n12, Heading: "Article " + n12 + " - Soins non programmés", Path: []string{"Titre 1 - Dispositions", "Article " + n12 + " - Soins non programmés"}, Parent: 0, Depth: 1},
			{ID: "art-19-3", Kind: clause.KindArticle, Number: "19.3", Key: "article:19.3", Heading: "Article 19.3 - Engagements du médecin", Path: []string{"Titre 1 - Dispositions", "Article 19.3 - Engagements du médecin"}, Parent: 0, Depth: 1},
			{ID: "art-20", Kind: clause.KindArticle, Number: "20", Key: "article:20", Heading: "Article 20 - Rémunération forfaitaire", Path: []string{"Titre 1 - Dispositions", "Article 20 - Rémunération forfaitaire"}, Parent: 0, Depth: 1},
			{ID: "art-40", Kind: clause.KindArticle, Number: "40", Key: "article:40", Heading: "Article 40 - Sanctions", Path: []string{"Titre 1 - Dispositions", "Article 40 - Sanctions"}, Parent: 0, Depth: 1},
			{ID: "annexe-1", Kind: clause.KindAnnex, Number: "1", Key: "annex:1", Heading: "Annexe 1 - Tarifs des actes", Path: []string{"Annexe 1 - Tarifs des actes"}, Parent: -1},
			{ID: "annexe-1-g", Kind: clause.KindItem, Number: "G", Key: "tariff:G", Path: []string{"Annexe 1 - Tarifs des actes"}, Parent: 6, Depth: 1},
		}}
	}
	return mk("12"), mk("13")
}

// sampleDiff is a diff of sampleDocs with its facts filled in, as the fact
// extractor would.
func sampleDiff() *clause.Diff {
	old, new := sampleDocs()
	one := func(i int) []int { return []int{i} }
	return &clause.Diff{Old: old, New: new, Summary: clause.Summary{Unchanged: 2, Modified: 5, Renumbered: 1, FactsChanged: 7}, Changes: []clause.Change{
		{Kind: clause.Unchanged, Old: one(0), New: one(0), Similarity: 1},
		{Kind: clause.Modified, Old: one(1), New: one(1), Similarity: 0.95, Facts: []clause.Fact{
			{Kind: clause.FactAmount, Subject: "G", Old: "26,50 €", New: "30 €", OldValue: fp(26.5), NewValue: fp(30), Unit: "EUR", DeltaPct: fp(13.21)},
			{Kind: clause.FactDate, Old: "1er novembre 2023", New: "1er octobre 2024"},
		}},
		{Kind: clause.Modified, Renumbered: true, Old: one(2), New: one(2), Similarity: 0.97, Facts: []clause.Fact{
			{Kind: clause.FactModality, Subject: "doit", Old: "doit", New: "peut"},
		}},
		{Kind: clause.Modified, Old: one(3), New: one(3), Similarity: 0.98, Facts: []clause.Fact{
			{Kind: clause.FactPercent, Old: "10 %", New: "5 %", OldValue: fp(10), NewValue: fp(5), Unit: "%", DeltaPct: fp(-50)},
		}},
		{Kind: clause.Modified, Old: one(4), New: one(4), Similarity: 0.98, Facts: []clause.Fact{
			{Kind: clause.FactAmount, Old: "5 €", New: "5,10 €", OldValue: fp(5), NewValue: fp(5.1), Unit: "EUR", DeltaPct: fp(2)},
		}},
		{Kind: clause.Unchanged, Old: one(5), New: one(5), Similarity: 1, Facts: []clause.Fact{
			{Kind: clause.FactReference, Subject: "article 12", Old: "article 12", New: "article 12", Note: "the number no longer denotes the same clause", Broken: true},
			{Kind: clause.FactReference, Subject: "article 19.3", Old: "article 19.2", New: "article 19.3", Note: "follows the renumbering of article 19.2"},
		}},
		{Kind: clause.Unchanged, Old: one(6), New: one(6), Similarity: 1},
		{Kind: clause.Modified, Old: one(7), New: one(7), Similarity: 0.9, Facts: []clause.Fact{
			{Kind: clause.FactAmount, Subject: "G", Old: "26,50 €", New: "30 €", OldValue: fp(26.5), NewValue: fp(30), Unit: "EUR", DeltaPct: fp(13.21)},
		}},
	}}
}

var sides = [2]render.Side{{Ref: "RA-2023", Party: "Arbitre", Date: "2023-04-30"}, {Ref: "CNAM-2024-02", Party: "CNAM", Date: "2024-02-08"}}

// brief renders findings compactly for comparison.
func brief(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f.Severity) + " " + f.Rule + " " + f.Clause + " " + string(f.Fact.Kind) + " " + f.Fact.Old + "→" + f.Fact.New
	}
	return out
}

func TestDefaultRules(t *testing.T) {
	rep := Run(sampleDiff(), sides[0], sides[1], nil)
	want := []string{
		"error prices Article 10 amount 26,50 €→30 €",
		"error terms Article 10 date 1er novembre 2023→1er octobre 2024",
		"error obligations Article 12 → Article 13 modality doit→peut",
		"error rates Article 19.3 percent 10 %→5 %",
		"error tariffs Article 20 amount 5 €→5,10 €",
		"error references Article 40 reference article 12→article 12",
		"error tariffs Annexe 1/G amount 26,50 €→30 €",
	}
	got := brief(rep.Findings)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Passed() {
		t.Error("Passed() = true with error findings")
	}
	if rep.Findings[6].ClauseID != "annexe-1-g" {
		t.Errorf("ClauseID = %q, want annexe-1-g", rep.Findings[4].ClauseID)
	}
}

func TestRulesFile(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"empty file means defaults", "", []string{
			"error prices Article 10 amount 26,50 €→30 €",
			"error terms Article 10 date 1er novembre 2023→1er octobre 2024",
			"error obligations Article 12 → Article 13 modality doit→peut",
			"error rates Article 19.3 percent 10 %→5 %",
			"error tariffs Article 20 amount 5 €→5,10 €",
			"error references Article 40 reference article 12→article 12",
			"error tariffs Annexe 1/G amount 26,50 €→30 €",
		}},
		{"threshold replaces the default tariffs rule", `
rules:
  - name: tariffs
    facts: [amount, percent]
    clauses: ["Annexe*", "tariff:*", "*rémunération*"]
    min_delta_pct: 5
`, []string{
			"error prices Article 10 amount 26,50 €→30 €",
			"error terms Article 10 date 1er novembre 2023→1er octobre 2024",
			"error obligations Article 12 → Article 13 modality doit→peut",
			"error rates Article 19.3 percent 10 %→5 %",
			"error references Article 40 reference article 12→article 12",
			"error tariffs Annexe 1/G amount 26,50 €→30 €",
		}},
		{"absolute threshold", `
defaults: false
rules:
  - name: money
    facts: amount
    min_delta: 1
    severity: warning
`, []string{
			"warning money Article 10 amount 26,50 €→30 €",
			"warning money Annexe 1/G amount 26,50 €→30 €",
		}},
		{"allow list by name, glob and old number", `
allow: ["Article 12", "annexe 1/*", "art-40"]
`, []string{
			"error prices Article 10 amount 26,50 €→30 €",
			"error terms Article 10 date 1er novembre 2023→1er octobre 2024",
			"error rates Article 19.3 percent 10 %→5 %",
			"error tariffs Article 20 amount 5 €→5,10 €",
		}},
		{"subjects and except, accents ignored", `
defaults: false
rules:
  - name: g
    subjects: ["G"]
    except: ["*REFERENCE*"]
    severity: notice
  - name: dates
    facts: [date]
    clauses: ["titre 1*"]
`, []string{
			"error dates Article 10 date 1er novembre 2023→1er octobre 2024",
			"notice g Annexe 1/G amount 26,50 €→30 €",
		}},
		{"broken references only", `
defaults: false
rules:
  - name: refs
    facts: [reference]
    broken: true
    severity: warning
`, []string{
			"warning refs Article 40 reference article 12→article 12",
		}},
		{"clause names resolve as avenant show does: a number is an article's, a kind never another's", `
defaults: false
rules:
  - name: one
    clauses: ["1"]
  - name: annex
    clauses: ["Annexe 1/G"]
  - name: title
    clauses: ["Titre I"]
  - name: heading
    clauses: ["ARTICLE 20 - REMUNERATION FORFAITAIRE"]
`, []string{
			"error heading Article 20 amount 5 €→5,10 €",
			"error annex Annexe 1/G amount 26,50 €→30 €",
		}},
		{"percent anywhere", `
defaults: false
rules:
  - name: pct
    facts: [percent]
    min_delta_pct: 50
`, []string{
			"error pct Article 19.3 percent 10 %→5 %",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := parse(".avenant.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			got := brief(Run(sampleDiff(), sides[0], sides[1], rs).Findings)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestPassedWithWarningsOnly(t *testing.T) {
	rs, err := parse("r.yaml", []byte("defaults: false\nrules:\n  - name: m\n    facts: [modality]\n    severity: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep := Run(sampleDiff(), sides[0], sides[1], rs)
	if !rep.Passed() || len(rep.Findings) != 1 {
		t.Errorf("Passed() = %v with %d findings, want true with 1", rep.Passed(), len(rep.Findings))
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"rules:\n  - name: a\n    fact: [amount]\n", `r.yaml:3: unknown key "fact" (known: broken, clauses, except, facts, min_delta, min_delta_pct, name, presence, severity, subjects)`},
		{"allow: [x]\nrulez: []\n", `r.yaml:2: unknown key "rulez" (known: allow, defaults, rules)`},
		{"rules:\n  - name: a\n    severity: fatal\n", `r.yaml:3: severity: "fatal" is not one of error, warning, notice`},
		{"rules:\n  - name: a\n    facts: [amount, price]\n", `r.yaml:3: facts: "price" is not one of amount, percent, date, duration, code, modality, negation, reference`},
		{"rules:\n  - name: a\n    min_delta_pct: five\n", `r.yaml:3: expected a number ≥ 0, got "five"`},
		{"rules:\n  - name: a\n    min_delta_pct: -5\n", `r.yaml:3: expected a number ≥ 0, got "-5"`},
		{"defaults: yes please\n", `r.yaml:1: expected true or false, got "yes please"`},
		{"rules:\n  - facts: [amount]\n", `r.yaml:2: rule without a name`},
		{"rules:\n  - name: a\n  - name: a\n", `r.yaml:3: rule "a" already defined on line 2`},
		{"rules: tariffs\n", `r.yaml:1: rules: expected a list of rules, got "tariffs"`},
		{"- a\n- b\n", `r.yaml:1: expected a mapping with keys rules, allow, defaults`},
		{"allow: [\"\"]\n", `r.yaml:1: empty clause pattern`},
		{"allow: [{a: b}]\n", `r.yaml:1: expected a string, got a mapping`},
		{"rules:\n  - name: a\n    clauses: [x\n", `r.yaml:2: did not find expected ',' or ']'`},
		{"defaults: true\ndefaults: false\n", `r.yaml:2: key "defaults" given twice`},
	}
	for _, tt := range tests {
		_, err := parse("r.yaml", []byte(tt.yaml))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %v\nwant %s", tt.yaml, err, tt.want)
		}
	}
}

// TestLoadBounded: a rules file is read up to a bound, whatever it is.
// Before, a file of endless comments (or --rules /dev/zero) was read
// until memory gave out, and a directory said "read DIR: is a directory".
func TestLoadBounded(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# commentaire\n", 150_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		big: big + ": over 1024 KiB, too large for a rules file",
		dir: dir + ": is a directory, not a rules file",
	} {
		if _, err := Load(path); err == nil || err.Error() != want {
			t.Errorf("Load(%s) error = %v, want %s", path, err, want)
		}
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"Annexe*", "Annexe 1 - Tarifs", true},
		{"*tarif*", "Option de pratique tarifaire", true},
		{"*rémunération*", "Les REMUNERATIONS forfaitaires", true},
		{"article 12", "Article 12", true},
		{"Article 12", "Article 12 bis", false},
		{"Article 1?", "Article 12", true},
		{"Article 1?", "Article 1", false},
		{"Annexe 1/*", "Annexe 1/G", true},
		{"*", "", true},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
	}
	for _, tt := range tests {
		if got := glob(frtext.Fold(tt.pattern), frtext.Fold(tt.s)); got != tt.want {
			t.Errorf("glob(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("rules:\n  - name: t\n    facts: [amount]\n    min_delta_pct: 5\nallow: [\"Article 12\"]\ndefaults: true\n"))
	f.Add([]byte("rules: [{name: a, severity: warning, clauses: x}]"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := parse("f.yaml", data)
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("error %v is a %T, not a *FileError", err, err)
			}
			return
		}
		for _, r := range rs.Rules {
			if r.Name == "" {
				t.Fatal("rule without a name accepted")
			}
		}
	})
}

// FuzzGlob checks the matcher against properties that hold for any input:
// a string matches itself and "*", and "*"+s+"*" matches anything holding s.
func FuzzGlob(f *testing.F) {
	f.Add("Annexe 1/G", "nexe")
	f.Add("aaa", "a*a")
	f.Fuzz(func(t *testing.T, s, sub string) {
		// Documents reach the rules as valid UTF-8 (the reader decodes them).
		if strings.ContainsAny(s+sub, "*?") || !utf8.ValidString(s) || !utf8.ValidString(sub) {
			return
		}
		if !glob(s, s) || !glob("*", s) {
			t.Fatalf("%q does not match itself or *", s)
		}
		if strings.Contains(s, sub) != glob("*"+sub+"*", s) {
			t.Fatalf("glob(*%s*, %q) disagrees with strings.Contains", sub, s)
		}
	})
}

// TestPresence: the default prices rule fires on any amount that changes,
// appears or disappears, whatever its subject (an aid of 5 000 € par an
// raised to 6 000 € passed the gate, as it priced no act code); a rules
// file watching the amounts of act codes only, "presence: false", flags
// neither.
func TestPresence(t *testing.T) {
	old := clause.Parse("# C\n\n## Article 1 - Aide\n\nL'aide est de 5 000 € par an.\n")
	new := clause.Parse("# C\n\n## Article 1 - Aide\n\nL'aide est de 6 000 € par an.\n\n## Article 2 - Mission\n\nLe médecin perçoit une indemnité de 200 € par jour.\n")
	run := func(rules *Rules) []string {
		return brief(Check(old, new, render.Side{Ref: "a"}, render.Side{Ref: "b"}, rules, clause.CompareOptions{}).Findings)
	}
	if got, want := strings.Join(run(nil), "|"), "error prices Article 1 amount 5 000 € par an→6 000 € par an|error prices Article 2 amount →200 € par jour"; got != want {
		t.Errorf("defaults: %q, want %q", got, want)
	}
	off, err := parse("r.yaml", []byte("rules:\n  - name: prices\n    facts: [amount]\n    subjects: [\"?*\"]\n    presence: false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := run(off); len(got) != 0 {
		t.Errorf("presence: false still flags %v", got)
	}
}

// TestWholeObligations: an article taken out with its "doit", or one
// brought in with it, changes who must do what; the diff listed no such
// facts for a clause that comes or goes whole (its text is shown), and
// the gate passed both. The diff lists them now, and the obligations
// rule reads them there.
func TestWholeObligations(t *testing.T) {
	const kept = "# C\n\n## Article 1 - Objet\n\nLa présente convention organise les rapports.\n"
	const duty = "\n## Article 5 - Information\n\nLe médecin doit informer la caisse de tout arrêt. Il ne peut facturer aucun dépassement.\n"
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"removed", kept + duty, kept, "error obligations Article 5 modality doit→|error obligations Article 5 negation ne peut … aucun→|error obligations Article 5 modality peut→"},
		{"added", kept, kept + duty, "error obligations Article 5 modality →doit|error obligations Article 5 negation →ne peut … aucun|error obligations Article 5 modality →peut"},
	} {
		rep := Check(clause.Parse(tc.old), clause.Parse(tc.new), render.Side{Ref: "a"}, render.Side{Ref: "b"}, nil, clause.CompareOptions{})
		if got := strings.Join(brief(rep.Findings), "|"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestAllowCodeEveryRow: a pattern naming an act code (its name or its
// key) takes in every row that prices it; the DROM row, keyed
// "tariff:G#2", stayed flagged under `allow: [G]`.
func TestAllowCodeEveryRow(t *testing.T) {
	const table = "# Annexe 1 – Tarifs\n\n| Code | Zone | Tarif |\n|---|---|---|\n| G | Métropole | %s |\n| G | DROM | %s |\n| VG | Métropole | %s |\n"
	old := clause.Parse(fmt.Sprintf(table, "26,50 €", "28,50 €", "36,50 €"))
	new := clause.Parse(fmt.Sprintf(table, "30 €", "32 €", "38,50 €"))
	for _, pattern := range []string{"G", "tariff:G", "Annexe 1/G"} {
		rules, err := parse("r.yaml", []byte("allow: [\""+pattern+"\"]\n"))
		if err != nil {
			t.Fatal(err)
		}
		rep := Check(old, new, render.Side{Ref: "a"}, render.Side{Ref: "b"}, rules, clause.CompareOptions{})
		if got, want := strings.Join(brief(rep.Findings), "|"), "error tariffs Annexe 1/VG amount 36,50 €→38,50 €"; got != want {
			t.Errorf("allow %s: %q, want %q", pattern, got, want)
		}
	}
}

// TestThresholdSameValue: min_delta and min_delta_pct weigh how far a
// value moved; a value that stayed while its bound or basis changed passed
// any threshold (|Δ| = 0), a ceiling turned into a floor included, and so
// does one that also moved a little.
func TestThresholdSameValue(t *testing.T) {
	const art = "# C\n\n## Article 1 - Aide\n\nL'aide est %s.\n"
	rules, err := parse("r.yaml", []byte("defaults: false\nrules:\n  - name: money\n    facts: [amount]\n    min_delta: 1\n    min_delta_pct: 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		old, new string
		flagged  bool
	}{
		{"de 30 € au plus", "de 30 € au moins", true},
		{"de 30 € par an", "de 30 € par mois", true},
		{"de 30 €", "de 30,50 €", false},
		{"de 30 €", "de 40 €", true},
		// A sum that moved a little and is now of another thing (a
		// note says so) is no small change of the same sum.
		{"de 30 € par acte", "de 30,50 € par patient", true},
		{"de 30 € par mois", "de 30,50 € par an", true},
	} {
		rep := Check(clause.Parse(fmt.Sprintf(art, tc.old)), clause.Parse(fmt.Sprintf(art, tc.new)), render.Side{Ref: "a"}, render.Side{Ref: "b"}, rules, clause.CompareOptions{})
		if got := len(rep.Findings) > 0; got != tc.flagged {
			t.Errorf("%s → %s: flagged %v (%v), want %v", tc.old, tc.new, got, brief(rep.Findings), tc.flagged)
		}
	}
}
