package clause

import (
	"strings"
	"testing"
)

// TestParseStatuses reads every status form after every kind of number:
// the status is kept apart, the number and key are those of the heading
// without it, and the heading stays as printed.
func TestParseStatuses(t *testing.T) {
	statuses := []struct{ printed, status string }{
		{"(nouveau)", StatusNew},
		{"(Nouveau)", StatusNew},
		{"(nouvelle)", StatusNew},
		{"(NOUVEAUX)", StatusNew},
		{"(supprimé)", StatusRemoved},
		{"(Supprimée)", StatusRemoved},
		{"(supprimés)", StatusRemoved},
		{"(SUPPRIMÉES)", StatusRemoved},
		{"(Supprimees)", StatusRemoved},
		{"(non modifié)", StatusUnmodified},
		{"(Non modifiée)", StatusUnmodified},
		{"(conforme)", StatusConforming},
		{"(Conformes)", StatusConforming},
		{"(pour coordination)", StatusCoordinated},
		{"(Pour coordination)", StatusCoordinated},
		{"(Suppression maintenue)", StatusStillGone},
		{"(suppression  maintenue)", StatusStillGone},
		{"(précédemment article 3 bis)", "précédemment article 3 bis"},
		{"(Précédemment article 12)", "précédemment article 12"},
		{"(Censuré)", StatusCensured},
		{"(censurés)", StatusCensured},
		{"(Abrogé)", StatusRepealed},
		{"(nouveau) (Supprimé)", StatusRemoved},
		// The Assemblée's notes on a division and its name.
		{"(Division et intitulé nouveaux)", StatusNew},
		{"(Division et intitulé supprimés)", StatusRemoved},
		{"(Division nouvelle)", StatusNew},
		{"(Division supprimée)", StatusRemoved},
		{"(Division nouvelle et intitulé nouveau)", StatusNew},
		{"(Division et intitulé conformes)", StatusConforming},
		{"(Division et intitulé modifiés)", StatusRenamed},
		{"(Intitulé modifié)", StatusRenamed},
		{"(Intitulé nouveau)", StatusRenamed},
		{"(Intitulé supprimé)", StatusRenamed},
		{"(Intitulé conforme)", StatusConforming},
		{"(Intitulé non modifié)", StatusUnmodified},
	}
	numbers := []struct{ printed, key string }{
		{"1er", "article:1"},
		{"1er A", "article:1.a"},
		{"1er bis", "article:1.bis"},
		{"2 bis AA", "article:2.bis.aa"},
		{"4 ter", "article:4.ter"},
		{"7", "article:7"},
		{"L. O. 136-4", "article:lo.136.4"},
	}
	for _, st := range statuses {
		for _, n := range numbers {
			for _, prefix := range []string{"", "### "} {
				heading := "Article " + n.printed + " " + st.printed
				in := prefix + "Article 100\n\nTexte.\n\n" + prefix + heading + "\n\nLe corps du texte.\n"
				d := Parse(in)
				checkDocument(t, in, d)
				if len(d.Clauses) != 2 {
					t.Errorf("%q: %d clauses, want 2:\n%s", prefix+heading, len(d.Clauses), outline(d))
					continue
				}
				c := d.Clauses[1]
				if c.Kind != KindArticle || c.Number != n.printed || c.Key != n.key || c.Status != st.status ||
					c.Heading != heading || c.Text != "Le corps du texte." {
					t.Errorf("%q: kind %s number %q key %q status %q heading %q text %q",
						prefix+heading, c.Kind, c.Number, c.Key, c.Status, c.Heading, c.Text)
				}
			}
		}
	}
}

// TestParseStatusUnderHeading: a body that is only a status is the
// clause's status, and stays its text.
func TestParseStatusUnderHeading(t *testing.T) {
	in := "Article 1er\n\n(Non modifié)\n\nArticle 2\n\n(Supprimés)\n\nArticle 3\n\n(Supprimé) Le texte suit.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	want := "article 1er [article:1] non modifié\narticle 2 [article:2] supprimé\narticle 3 [article:3]\n"
	if got := statusOutline(d); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	if d.Clauses[1].Text != "(Supprimés)" {
		t.Errorf("text %q", d.Clauses[1].Text)
	}
}

// TestParseStatusLineOverText: a status printed on the line under the
// heading, over the article's text, is the heading's, and so is the one
// under a range's heading, for every article of the range.
func TestParseStatusLineOverText(t *testing.T) {
	in := "Article 9 ter\n(nouveau)\n\nLe texte nouveau.\n\nArticles 11 à 13\n(Supprimés)\n\nArticle 14\n\n(Non modifié)\n\nTexte.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	want := "article 9 ter [article:9.ter] nouveau\narticle 11 [article:11] supprimé\narticle 12 [article:12] supprimé (no heading)\n" +
		"article 13 [article:13] supprimé (no heading)\narticle 14 [article:14] non modifié\n"
	if got := statusOutline(d); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	if c := d.Clauses[0]; c.Heading != "Article 9 ter (nouveau)" || c.Text != "Le texte nouveau." {
		t.Errorf("heading %q, text %q", c.Heading, c.Text)
	}
}

// TestParseStatusOtherKinds: titles and chapters carry statuses too.
func TestParseStatusOtherKinds(t *testing.T) {
	in := "TITRE II bis (nouveau)\n\nCHAPITRE 1er A (Supprimé)\n\nArticle 3\n\nTexte.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	got := outline(d)
	want := "title II bis [title:2.bis] nouveau\n  chapter 1er A [chapter:1.a] supprimé\n    article 3 [article:3]\n"
	if o := statusOutline(d); o != want {
		t.Errorf("got\n%s\nwant\n%s\n(%s)", o, want, got)
	}
}

// statusOutline lists kind, number, key and status, indented by depth.
func statusOutline(d *Document) string {
	var b strings.Builder
	for _, c := range d.Clauses {
		b.WriteString(strings.Repeat("  ", c.Depth) + string(c.Kind) + " " + c.Number + " [" + c.Key + "]")
		if c.Status != "" {
			b.WriteString(" " + c.Status)
		}
		if c.Heading == "" {
			b.WriteString(" (no heading)")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestParseRanges: one heading for several articles gives one clause per
// article, the first carrying the printed heading.
func TestParseRanges(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"Articles 3 et 4 (supprimés)", "article 3 [article:3] supprimé\narticle 4 [article:4] supprimé (no heading)\n"},
		{"Articles 5 à 7", "article 5 [article:5]\narticle 6 [article:6] (no heading)\narticle 7 [article:7] (no heading)\n"},
		{"Articles 5 à 7 (Conformes)", "article 5 [article:5] conforme\narticle 6 [article:6] conforme (no heading)\narticle 7 [article:7] conforme (no heading)\n"},
		{"Articles 3, 4 et 6 (Supprimés)", "article 3 [article:3] supprimé\narticle 4 [article:4] supprimé (no heading)\narticle 6 [article:6] supprimé (no heading)\n"},
		{"Articles 1er à 3", "article 1er [article:1]\narticle 2 [article:2] (no heading)\narticle 3 [article:3] (no heading)\n"},
		{"Articles 1er A à 1er C (nouveaux)", "article 1er A [article:1.a] nouveau\narticle 1er B [article:1.b] nouveau (no heading)\narticle 1er C [article:1.c] nouveau (no heading)\n"},
		{"Articles 2 bis à 2 quater", "article 2 bis [article:2.bis]\narticle 2 ter [article:2.ter] (no heading)\narticle 2 quater [article:2.quater] (no heading)\n"},
		{"Articles 4 et 4 bis (supprimés)", "article 4 [article:4] supprimé\narticle 4 bis [article:4.bis] supprimé (no heading)\n"},
		// Ends that cannot be counted between: only the ends are known.
		{"Articles 7 à 7 ter", "article 7 [article:7]\narticle 7 ter [article:7.ter] (no heading)\n"},
		{"ARTICLES 8 ET 9", "article 8 [article:8]\narticle 9 [article:9] (no heading)\n"},
		{"Articles 3 et 4 (Suppressions maintenues)", "article 3 [article:3] suppression maintenue\narticle 4 [article:4] suppression maintenue (no heading)\n"},
		{"Articles 3 et 4 (Suppression conforme)", "article 3 [article:3] suppression maintenue\narticle 4 [article:4] suppression maintenue (no heading)\n"},
		// Long bills count on past quaterdecies.
		{"Articles 9 quaterdecies à 9 sexdecies", "article 9 quaterdecies [article:9.quaterdecies]\narticle 9 quindecies [article:9.quindecies] (no heading)\narticle 9 sexdecies [article:9.sexdecies] (no heading)\n"},
		{"Articles 9 novodecies et 9 vicies (supprimés)", "article 9 novodecies [article:9.novodecies] supprimé\narticle 9 vicies [article:9.vicies] supprimé (no heading)\n"},
	}
	for _, tt := range tests {
		for _, prefix := range []string{"", "### "} {
			in := prefix + tt.heading + "\n\n" + prefix + "Article 10\n\nTexte.\n"
			d := Parse(in)
			checkDocument(t, in, d)
			want := tt.want + "article 10 [article:10]\n"
			if got := statusOutline(d); got != want {
				t.Errorf("%q:\ngot\n%swant\n%s", prefix+tt.heading, got, want)
			}
			if d.Clauses[0].Heading != tt.heading {
				t.Errorf("%q: heading %q", tt.heading, d.Clauses[0].Heading)
			}
		}
	}
	// A range followed by text: the text is the first article's, and the
	// next article is a sibling, not a child.
	in := "CHAPITRE Ier\n\nArticles 3 et 4\n\nTexte commun.\n\nArticle 5\n\nAutre.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	if got, want := statusOutline(d), "chapter Ier [chapter:1]\n  article 3 [article:3]\n  article 4 [article:4] (no heading)\n  article 5 [article:5]\n"; got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	if d.Clauses[1].Text != "Texte commun." {
		t.Errorf("text of article 3: %q", d.Clauses[1].Text)
	}
}

// A capitalised note of the procedure that is no status keeps its line a
// heading; before, "Article 9 (Texte du Sénat)" was text of the article
// before it, and the article was lost.
func TestParseProcedureNotes(t *testing.T) {
	in := "Article 8 bis (Supprimé)\n\nArticle 9 (Texte du Sénat)\n\nTexte neuf.\n\nArticle 10 (Texte de la commission mixte paritaire)\n\nTexte dix.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	want := "article 8 bis [article:8.bis] supprimé\narticle 9 [article:9]\narticle 10 [article:10]\n"
	if got := statusOutline(d); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// TestParseNotStatuses: a parenthesis that is no status, or a sentence
// starting with "Articles", is no heading.
func TestParseNotStatuses(t *testing.T) {
	for _, line := range []string{
		"Article 5 (du code civil) dispose que le contrat est formé.",
		"Article 5 (voir ci-dessous)",
		"Article 5 (Texte du Sénat) dispose que le contrat est formé.",
		"Articles 3 et 4 du code civil.",
		"Articles 3 et 4, alinéa 2",
		"Article 1er A du code",
	} {
		in := "Article 1er\n\n" + line + "\n"
		d := Parse(in)
		checkDocument(t, in, d)
		if len(d.Clauses) != 1 {
			t.Errorf("%q: read as a heading:\n%s", line, statusOutline(d))
		}
	}
}

// TestParseQuotedArticles: articles quoted by an amending article are its
// text, whether the quotation is marked or only announced.
func TestParseQuotedArticles(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{
			name: "straight quotes",
			in: "Article 1er\n\nL'article L. O. 136-4 est ainsi rédigé :\n\n\"Art. L. O. 136-4. - I. - Le député adresse une déclaration.\n\n" +
				"\"II. - Elle est publique.\"\n\nArticle 2\n\nTexte.\n",
			want: "article 1er [article:1]\narticle 2 [article:2]\n",
		},
		{
			name: "French quotes",
			in:   "Article 1er\n\nIl est inséré un article ainsi rédigé :\n\n« Art. L. 162-5. - Les caisses publient.\n\n« Article L. 162-6 - Texte. »\n\nArticle 2\n\nTexte.\n",
			want: "article 1er [article:1]\narticle 2 [article:2]\n",
		},
		{
			name: "curly quotes",
			in:   "Article 1er\n\nIl est inséré un article ainsi rédigé :\n\n“Art. 24. - Le Parlement vote la loi.”\n\nArticle 2\n\nTexte.\n",
			want: "article 1er [article:1]\narticle 2 [article:2]\n",
		},
		{
			name: "announced without quotes, in the minority spelling",
			in: "Article 1er\n\nL'article 24 de la Constitution est remplacé par les dispositions suivantes :\n\n" +
				"Art. 24. - Le Parlement vote la loi.\n\nIl comprend l'Assemblée nationale.\n\nArticle 2\n\nTexte.\n\nArticle 3\n\nTexte.\n",
			want: "article 1er [article:1]\narticle 2 [article:2]\narticle 3 [article:3]\n",
		},
		{
			// A decree announces its articles with "Décrète :" and spells
			// them all "Art.": they are its articles.
			name: "decree",
			in:   "Décrète :\n\nArt. 1er. - Le présent décret s'applique.\n\nArt. 2. - Le ministre est chargé de l'exécution.\n",
			want: "paragraph  []\narticle 1er [article:1]\narticle 2 [article:2]\n",
		},
		{
			// An arrêté approving a convention annexed to it: the
			// convention's "Article" headings outnumber the arrêté's "Art.",
			// which its enacting formula announces; they are its articles.
			name: "arrêté and its annexed convention",
			in: "Arrête :\n\nArt. 1er. – Est approuvée la convention ci-annexée.\n\nArt. 2. – Le directeur est chargé de l'exécution.\n\n" +
				"ANNEXE\n\nArticle 1er\n\nObjet.\n\nArticle 2\n\nDurée.\n\nArticle 3\n\nFin.\n",
			want: "paragraph  []\narticle 1er [article:1]\narticle 2 [article:2]\nannex  []\n  article 1er [article:1]\n  article 2 [article:2]\n  article 3 [article:3]\n",
		},
		{
			// An agreement announces its articles and spells them as its
			// other headings do.
			name: "announced in the majority spelling",
			in:   "Les parties signataires conviennent des dispositions suivantes :\n\nArticle 1er - Objet\n\nTexte.\n\nArticle 2\n\nTexte.\n",
			want: "paragraph  []\narticle 1er [article:1]\narticle 2 [article:2]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(tt.in)
			checkDocument(t, tt.in, d)
			got := strings.ReplaceAll(statusOutline(d), " (no heading)", "")
			if got != tt.want {
				t.Errorf("got\n%swant\n%s", got, tt.want)
			}
		})
	}
}

// TestParseUppercaseParliamentHeadings: the titles and chapters of a bill
// as plain text, with statuses and lettered numbers.
func TestParseUppercaseParliamentHeadings(t *testing.T) {
	in := "N° 1004 - Projet de loi organique\n\nTITRE 1 : Dispositions relatives au président\n\nArticle 1er A (nouveau)\n\nTexte.\n\n" +
		"Article 1er\n\nTexte.\n\nTITRE 2 bis : Dispositions diverses\n\nCHAPITRE 1 A : Indemnité\n\nArticle 2 bis AA (Supprimé)\n\n" +
		"CHAPITRE 1er : Éligibilité\n\nArticle 4 ter (conforme)\n\nTexte.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	// The bill's name, standing alone before the first numbered heading,
	// is the document's title (see freeHeadings), as "# …" would be.
	want := "title  []\n  title 1 [title:1]\n    article 1er A [article:1.a] nouveau\n    article 1er [article:1]\n" +
		"  title 2 bis [title:2.bis]\n    chapter 1 A [chapter:1.a]\n      article 2 bis AA [article:2.bis.aa] supprimé\n" +
		"    chapter 1er [chapter:1]\n      article 4 ter [article:4.ter] conforme\n"
	if got := statusOutline(d); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestExpandRange(t *testing.T) {
	tests := []struct {
		a, b string
		want []string
	}{
		{"5", "7", []string{"5", "6", "7"}},
		{"1er", "3", []string{"1er", "2", "3"}},
		{"1er A", "1er C", []string{"1er A", "1er B", "1er C"}},
		{"2 bis", "2 quater", []string{"2 bis", "2 ter", "2 quater"}},
		{"L. 162-5", "L. 162-7", []string{"L. 162-5", "L. 162-6", "L. 162-7"}},
		{"7", "7 ter", []string{"7", "7 ter"}},
		{"9", "3", []string{"9", "3"}},
		{"1", "1000", []string{"1", "1000"}},
	}
	for _, tt := range tests {
		if got := expandRange(tt.a, tt.b); !equalStrings(got, tt.want) {
			t.Errorf("expandRange(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestCompareStatuses: what a status means when two versions are compared.
func TestCompareStatuses(t *testing.T) {
	const base = "Article 1er\n\nLe tarif est fixé.\n\nArticle 2\n\nLa caisse rembourse les actes.\n\nArticle 3\n\nLe médecin informe le patient.\n"
	tests := []struct {
		name, new string
		want      []string // listed changes, as in the property tests
	}{
		{
			name: "an article reduced to its removal status loses its text",
			new:  "Article 1er\n\nLe tarif est fixé.\n\nArticle 2 (supprimé)\n\nArticle 3\n\nLe médecin informe le patient.\n",
			want: []string{"modified 2→2"},
		},
		{
			name: "a range of removed articles",
			new:  "Article 1er\n\nLe tarif est fixé.\n\nArticles 2 et 3 (Supprimés)\n",
			want: []string{"modified 2→2", "modified 3→3"},
		},
		{
			name: "conforming articles printed without their text are unchanged",
			new:  "Article 1er (conforme)\n\nArticles 2 et 3 (Conformes)\n",
			want: nil,
		},
		{
			name: "statuses on the line under the heading",
			new:  "Article 1er\n\n(Non modifié)\n\nArticle 2\n\n(Supprimé)\n\nArticle 3\n\n(Conforme)\n",
			want: []string{"modified 2→2"},
		},
		{
			name: "a status alone is cosmetic",
			new:  "Article 1er (non modifié)\n\nLe tarif est fixé.\n\nArticle 2 (nouveau)\n\nLa caisse rembourse les actes.\n\nArticle 3\n\nLe médecin informe le patient.\n",
			want: []string{"cosmetic 1er→1er", "cosmetic 2→2"},
		},
		{
			name: "a status on the line under the heading, over the text, is cosmetic too",
			new:  "Article 1er\n(non modifié)\n\nLe tarif est fixé.\n\nArticle 2\n\n(nouveau)\n\nLa caisse rembourse les actes.\n\nArticle 3\n\nLe médecin informe le patient.\n",
			want: []string{"cosmetic 1er→1er", "cosmetic 2→2"},
		},
		{
			// "Article 2 – Abrogé." said as a title what "(abrogé)" says:
			// read as a title, the two were a change of heading at 0 %.
			name: "a status set as a title is a status",
			new:  "Article 1er - Non modifié\n\nLe tarif est fixé.\n\nArticle 2 – Supprimé.\n\nArticle 3 : Nouveau\n\nLe médecin informe le patient.\n",
			want: []string{"cosmetic 1er→1er", "modified 2→2", "cosmetic 3→3"},
		},
		{
			name: "a new article with its status",
			new:  base + "\nArticle 3 bis (nouveau)\n\nLe patient consent.\n",
			want: []string{"added →3 bis"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(Parse(base), Parse(tt.new), CompareOptions{})
			got := listed(d, false)
			if !equalStrings(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	// The removal is a deletion of the whole text in the word diff.
	d := Compare(Parse(base), Parse("Article 1er\n\nLe tarif est fixé.\n\nArticle 2 (supprimé)\n\nArticle 3\n\nLe médecin informe le patient.\n"), CompareOptions{})
	c := changeOf(d, KindArticle, "2", false)
	if c == nil || len(c.Hunks) != 1 || c.Hunks[0].Op != OpDelete || c.Hunks[0].Text != "La caisse rembourse les actes." {
		t.Errorf("removal hunks: %+v", c)
	}
}

// TestComparePreviousNumber: "(précédemment article N)" pairs the clause
// with the old article N, however much its text changed.
func TestComparePreviousNumber(t *testing.T) {
	old := "Article 2 bis\n\nLa caisse verse une aide forfaitaire aux médecins installés en zone sous-dense.\n\n" +
		"Article 3\n\nLe médecin informe le patient de ses honoraires.\n"
	new := "Article 3 (précédemment article 2 bis)\n\nUn contrat d'aide à l'installation est proposé par l'agence régionale de santé.\n\n" +
		"Article 4 (précédemment article 3)\n\nLe médecin informe le patient de ses honoraires.\n"
	d := Compare(Parse(old), Parse(new), CompareOptions{})
	want := []string{"modified 2 bis→3 renumbered", "cosmetic 3→4 renumbered"}
	if got := listed(d, false); !equalStrings(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// A user's concordance still decides (and without the status, the
	// rewritten article would be a removal and an addition).
	d = Compare(Parse(old), Parse(new), CompareOptions{Align: AlignOptions{Concordance: []Concord{{Old: []string{"2 bis"}}, {New: []string{"3"}}}}})
	want = []string{"removed 2 bis→", "added →3", "cosmetic 3→4 renumbered"}
	if got := listed(d, false); !equalStrings(got, want) {
		t.Errorf("with a concordance: got  %q\nwant %q", got, want)
	}
}

// TestParseFinanceStates: the tables a finance law annexes ("ÉTAT A",
// "État B") are annexes, not text of the last article before them.
func TestParseFinanceStates(t *testing.T) {
	in := "Article 14\n\n(Supprimé)\n\nÉTAT A\n\n(Article 34 du projet de loi)\n\n" +
		"| Ligne | Désignation | Évaluation |\n|---|---|---|\n| 1101 | Impôt sur le revenu | 94 000 |\n\n" +
		"État B\n\nRépartition des crédits.\n\nÉTAT DES LIEUX\n\nL'État A financé.\n"
	got := statusOutline(Parse(in))
	want := "article 14 [article:14] supprimé\n" +
		"annex A [annex:a]\n  section  []\n    item 1101 [tariff:1101] (no heading)\n" +
		"annex B [annex:b]\n"
	if got != want {
		t.Errorf("outline:\n%s\nwant:\n%s", got, want)
	}
}

// TestStatusTitle: a title that is a status and nothing else, after a
// dash or a colon, is the clause's status; one that says more is a title.
func TestStatusTitle(t *testing.T) {
	for line, want := range map[string]string{
		"Article 12 – Abrogé.":                StatusRepealed,
		"Article 12 - Supprimé":               StatusRemoved,
		"Article 12 : abrogée":                StatusRepealed,
		"Article 12 (abrogé)":                 StatusRepealed,
		"Article 12 - (Supprimé)":             StatusRemoved,
		"Article 12 : (non modifié)":          StatusUnmodified,
		"Article 12 – (Abrogé par l'avenant)": "",
		"Article 12 – Abrogé par l'avenant 3": "",
		"Article 12 – Nouvelles modalités":    "",
		"Article 12":                          "",
	} {
		d := Parse(line + "\n\nLe texte.\n")
		if len(d.Clauses) != 1 || d.Clauses[0].Status != want || d.Clauses[0].Number != "12" {
			t.Errorf("%q: %+v, want status %q", line, d.Clauses, want)
		}
		if c := &d.Clauses[0]; want != "" && withoutStatus(c) != "Article 12" {
			t.Errorf("%q: heading without status %q", line, withoutStatus(c))
		}
	}
}

// TestStatusForm: the Assemblée's notes on a division combine what they
// speak of (the division, its name) with a state; words of no such note
// make no status.
func TestStatusForm(t *testing.T) {
	for _, tt := range []struct{ slug, want string }{
		{"division-et-intitule-nouveaux", StatusNew},
		{"intitule-modifie", StatusRenamed},
		{"intitule-modifie-et-division-supprimee", StatusRemoved},
		{"division-nouvelle-et-intitule-nouveau", StatusNew},
		{"divisions-et-intitules-supprimes", StatusRemoved},
		{"intitule-non-modifie", StatusUnmodified},
		{"division", ""},
		{"intitule", ""},
		{"modifie", ""},
		{"division-et", ""},
		{"et-intitule-modifie", ""},
		{"intitule-modifie-par-la-commission", ""},
		{"texte-du-senat", ""},
		{"division-reservee", ""},
	} {
		if got, ok := statusForm(tt.slug); got != tt.want || ok != (tt.want != "") {
			t.Errorf("statusForm(%q) = %q, %v; want %q", tt.slug, got, ok, tt.want)
		}
	}
}
