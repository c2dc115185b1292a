package clause

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestParseConcordance(t *testing.T) {
	in := "\ufeff# concordance RA 2023 → convention 2024\n" +
		"12 = 13\n" +
		"\n" +
		"4 = 4+4 bis   # split\r\n" +
		"7 + 8 = 7\n" +
		"15 = -\n" +
		"  -   =  2  ter \n" +
		"L. 162-5 = art-28-1\n" +
		"article:3 = Article 3"
	got, err := ParseConcordance(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Concord{
		{Old: []string{"12"}, New: []string{"13"}},
		{Old: []string{"4"}, New: []string{"4", "4 bis"}},
		{Old: []string{"7", "8"}, New: []string{"7"}},
		{Old: []string{"15"}},
		{New: []string{"2 ter"}},
		{Old: []string{"L. 162-5"}, New: []string{"art-28-1"}},
		{Old: []string{"article:3"}, New: []string{"Article 3"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestParseConcordanceErrors(t *testing.T) {
	cases := []struct {
		in   string
		line int
		msg  string
	}{
		{"12 = 13\n12 13\n", 2, `expected "old = new"`},
		{"# c\n\n1 = 2 = 3", 3, `more than one "="`},
		{"= 4", 1, "old side: empty"},
		{"4 =", 1, "new side: empty"},
		{"- = -", 1, "both sides"},
		{"4 + = 5", 1, "empty name"},
		{"4 = 5 + -", 1, `"-" mixed`},
		{"1+2 = 3+4", 1, "several clauses on both sides"},
	}
	for _, c := range cases {
		_, err := ParseConcordance(strings.NewReader(c.in))
		if err == nil {
			t.Errorf("%q: no error", c.in)
			continue
		}
		prefix := "concordance line " + strconv.Itoa(c.line) + ": "
		if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: error %q, want %q…%q", c.in, err, prefix, c.msg)
		}
	}
}

func TestParseConcordanceEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n", "# only a comment\n"} {
		got, err := ParseConcordance(strings.NewReader(in))
		if err != nil || len(got) != 0 {
			t.Errorf("%q: %v, %v", in, got, err)
		}
	}
}

func TestCheckConcordance(t *testing.T) {
	old := doc("A 1 | @1\nA 2 | @2")
	new := doc("A 1 | @1\nA 2 | @2\nA 2 bis | @3")
	ok := []Concord{{Old: []string{"1"}, New: []string{"a1"}}, {New: []string{"2 bis"}}}
	if err := CheckConcordance(old, new, ok); err != nil {
		t.Errorf("valid concordance: %v", err)
	}
	bad := []struct {
		cs   []Concord
		want string
	}{
		{[]Concord{{Old: []string{"9"}, New: []string{"1"}}}, `old clause "9"`},
		{[]Concord{{Old: []string{"1"}, New: []string{"1"}}, {Old: []string{"2"}, New: []string{"a1"}}}, `new clause "a1"`},
		{[]Concord{{}}, "both sides empty"},
		{[]Concord{{Old: []string{"1", "2"}, New: []string{"1", "2"}}}, "several clauses on both sides"},
	}
	for _, b := range bad {
		err := CheckConcordance(old, new, b.cs)
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%q: error %v, want %q", b.cs, err, b.want)
		}
	}
}

// formatConcordance writes concordances back in the file syntax, for the
// round trip of the fuzz target.
func formatConcordance(cs []Concord) string {
	var b strings.Builder
	side := func(names []string) string {
		if len(names) == 0 {
			return "-"
		}
		return strings.Join(names, " + ")
	}
	for _, c := range cs {
		b.WriteString(side(c.Old) + " = " + side(c.New) + "\n")
	}
	return b.String()
}

var errLine = regexp.MustCompile(`^concordance line ([0-9]+): `)

func FuzzParseConcordance(f *testing.F) {
	for _, s := range []string{
		"12 = 13\n4 = 4+4 bis\n7+8 = 7\n15 = -\n- = 2 ter\n",
		"# comment\n\n L. 162-5 = art-28-1 # trailing\r\n",
		"1 = 2 = 3", "= 4", "- = -", "4 + = 5", "1+2=3+4", "\ufeff1=1", "a\x00b = c\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := ParseConcordance(strings.NewReader(in))
		if err != nil {
			m := errLine.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error without line: %v", err)
			}
			n, _ := strconv.Atoi(m[1])
			if n < 1 || n > strings.Count(in, "\n")+1 {
				t.Fatalf("error names line %d of %d: %v", n, strings.Count(in, "\n")+1, err)
			}
			return
		}
		for _, c := range cs {
			if len(c.Old)+len(c.New) == 0 || len(c.Old) > 1 && len(c.New) > 1 {
				t.Fatalf("invalid pair %q", c)
			}
			for _, name := range append(append([]string{}, c.Old...), c.New...) {
				if name == "" || name == "-" || name != strings.Join(strings.Fields(name), " ") ||
					strings.ContainsAny(name, "+=#\n") {
					t.Fatalf("bad name %q in %q", name, c)
				}
			}
		}
		again, err := ParseConcordance(strings.NewReader(formatConcordance(cs)))
		if err != nil {
			t.Fatalf("round trip: %v", err)
		}
		if len(again) != len(cs) || len(cs) > 0 && !reflect.DeepEqual(again, cs) {
			t.Fatalf("round trip: %q became %q", cs, again)
		}
	})
}

// TestConcordanceNamesAsPrinted: a concordance names a clause as every
// command does (ResolveName), kinds never confused. '1 = 2', in a new
// version with no article 2, paired article 1 with the annex 2, whose
// import then gave the annex article 1's id and history; a name as printed
// ('Art 2 bis AA', 'Article 28.1 - Régulation') was no clause. A name
// that answers no free clause, or several, is an error.
func TestConcordanceNamesAsPrinted(t *testing.T) {
	old := Parse("## Article 1 - Objet\n\nLe texte de l'objet.\n\n## Article 2 bis AA - Définitions\n\nLe médecin traitant.\n\n" +
		"## Article 28.1 - Régulation\n\nLa régulation est assurée.\n\n## Annexe 1 - Tarifs\n\nLes tarifs.\n")
	new := Parse("## Article 1 - Objet\n\nLe texte de l'objet.\n\n## Article 3 - Définitions\n\nLe médecin traitant.\n\n" +
		"## Article 29.1 - Régulation\n\nLa régulation est assurée.\n\n## Annexe 2 - Tarifs\n\nLes tarifs.\n\n" +
		"## Chapitre 1\n\n### Section 1\n\nUn.\n\n## Chapitre 2\n\n### Section 1\n\nDeux.\n")
	for line, want := range map[string]string{
		"Art 2 bis AA = Article 3":         "",
		"art. 2 bis AA = 3":                "",
		"Article 28.1 - Régulation = 29.1": "",
		"article 28–1 = Art. 29.1":         "",
		"Annexe 1 = Annexe 2":              "",
		"annexe 1 = annex 2":               "",
		"1 = 2":                            `no free new clause "2"`,
		"Annexe 1 = 2":                     `no free new clause "2"`,
		"II = 3":                           `no free old clause "II"`,
		"- = Section 1":                    `2 free new clauses answer to "Section 1"`,
		"- = Chapitre 2/Section 1":         "",
	} {
		cs, err := ParseConcordance(strings.NewReader(line))
		if err != nil {
			t.Fatal(err)
		}
		err = CheckConcordance(old, new, cs)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: %v, want %q", line, err, want)
		}
	}
	cs, _ := ParseConcordance(strings.NewReader("Art 2 bis AA = Article 3\n"))
	d := Compare(old, new, CompareOptions{Align: AlignOptions{Concordance: cs}})
	for _, c := range d.Changes {
		for _, o := range c.Old {
			for _, n := range c.New {
				if old.Clauses[o].Kind != new.Clauses[n].Kind {
					t.Errorf("%s paired with %s", old.Clauses[o].Heading, new.Clauses[n].Heading)
				}
			}
		}
	}
}
