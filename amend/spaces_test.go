package amend

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/reader"
)

// The consolidated text is the base's where no instruction touched it:
// the no-break spaces the reader makes plain come back, in the clauses an
// instruction changed too, around what it changed (character by
// character: "35 €" replaced by "38 €" keeps the space the two share,
// and of the spaces around words taken out or put in, the one kept
// beside the stop, the symbol or the quote it binds to is the source's:
// before, "n'y adhère pas ;" less "pas" lost the no-break space before
// ";", and words put after "salarié" took it away from ";"), and the words
// the instructions put in are set as the base sets its own: a no-break
// space before ; : % € » and after « where the base mostly has one
// (before, they kept the plain spaces the reader made of the avenant's). Instructions apply to
// the text as read: a heading "Annexe 1" or a marker "II. -" set with a
// no-break space is read as any other. Before, every no-break space of
// the base (U+00A0 in "30 €", U+202F before ":" and "%") was a plain space
// in what apply printed.
func TestKeepSpaces(t *testing.T) {
	source := "# Convention\n\n### Article\u00a01 - Objet\n\nLa caisse en est informée\u202f: elle tient la liste.\n\nII.\u00a0- Le médecin salarié n'y adhère pas\u00a0;\u00a0le médecin retraité non plus.\n\n" +
		"### Article\u00a02 - Tarifs\n\nLa consultation est fixée à 30\u00a0€. La visite, majorée de 10\u202f%, est fixée à 35\u00a0€. Elle est dite «\u00a0de référence\u00a0».\n\n" +
		"## Annexe\u00a01 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 30\u00a0€ |\n| VG | Visite | 35\u00a0€ |\n"
	base := decodeDoc(t, []byte(source))
	for _, tc := range []struct {
		name, amend string
		want        []string
	}{
		{name: "words replaced", amend: "À l'article 2, le montant « 35 € » est remplacé par le montant « 38 € ».",
			want: []string{"informée\u202f: elle", "## Article\u00a02 - Tarifs", "fixée à 30\u00a0€. La visite, majorée de 10\u202f%, est fixée à 38\u00a0€.", "| G | Consultation | 30\u00a0€ |"}},
		{name: "words taken out before a stop", amend: "Au second alinéa de l'article 1, le mot « pas » est supprimé.",
			want: []string{"n'y adhère\u00a0;\u00a0le médecin"}},
		{name: "words taken out before a colon", amend: "Au premier alinéa de l'article 1, le mot « informée » est supprimé.",
			want: []string{"La caisse en est\u202f: elle"}},
		{name: "words put before a stop", amend: "Au second alinéa de l'article 1, après le mot « pas », sont insérés les mots « davantage ».",
			want: []string{"n'y adhère pas davantage\u00a0;\u00a0le médecin"}},
		{name: "words put in a quotation", amend: "À l'article 2, avant les mots « de référence », est inséré le mot « consultation ».",
			want: []string{"dite «\u00a0consultation de référence\u00a0»."}},
		{name: "words put after a marker", amend: "Au début du II de l'article 1, sont insérés les mots « Sauf exception, ».",
			want: []string{"II.\u00a0- Sauf exception, le médecin salarié"}},
		{name: "an annex rewritten by a table", amend: "L'annexe 1 est remplacée par les dispositions suivantes :\n\n« | Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 31 € | »",
			want: []string{"## Annexe\u00a01 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 31\u00a0€ |\n"}},
		{name: "words put in set as the base sets its own", amend: "À l'article 2, après le mot « référence », sont insérés les mots « ; elle est majorée : de 10 % ».",
			want: []string{"dite «\u00a0de référence\u00a0; elle est majorée\u202f: de 10\u202f%\u00a0»."}},
		{name: "an alinéa put in set as the base sets its own", amend: "L'article 2 est complété par un alinéa ainsi rédigé : « Elle est dite « courante » : 30 €. »",
			want: []string{"Elle est dite «\u00a0courante\u00a0»\u202f: 30\u00a0€."}},
		{name: "an article renumbered", amend: "L'article 2 devient l'article 3.",
			want: []string{"## Article\u00a03 - Tarifs"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ConsolidateKeeping(base, ReadSpaces(base, "base.md", []byte(source), reader.Options{}), "# Avenant\n\n## Article 1\n\n"+tc.amend+"\n", Markdown)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.want {
				if !strings.Contains(c.Text, want) {
					t.Errorf("%q is not in the consolidated text:\n%s", want, c.Text)
				}
			}
			for _, cl := range c.Doc.Clauses {
				if strings.ContainsAny(cl.Heading+cl.Text, "\u00a0\u202f") {
					t.Errorf("the consolidated document, read as any text is, holds no-break spaces: %q", cl.Text)
				}
			}
		})
	}
	// A source that is not the base's text keeps no space of its own.
	if sp := ReadSpaces(base, "base.md", []byte("Autre\u00a0texte.\n"), reader.Options{}); sp != nil && strings.Join(sp.text, "") != "" {
		t.Errorf("ReadSpaces of another text kept %q", sp.text)
	}
}

// A Markdown base that skips a heading level ("## Titre II", then "####
// Article 16") is written back so, and an article inserted beside them
// at their level. Before, every heading was written at its depth: the
// consolidation read the same but changed every such line of the base.
func TestKeepHeadingLevels(t *testing.T) {
	source := "# Convention\n\n## Titre I - Général\n\n### Chapitre 1 - Champ\n\n#### Article 1 - Objet\n\nLa convention règle les rapports.\n\n" +
		"## Titre II - Fin\n\n#### Article 16 - Durée\n\nElle est conclue pour cinq ans.\n\n#### Article 17 - Suivi\n\nUn bilan est fait.\n"
	base := decodeDoc(t, []byte(source))
	c, err := ConsolidateKeeping(base, ReadSpaces(base, "base.md", []byte(source), reader.Options{}), "# Avenant\n\n## Article 1\n\nAprès l'article 16, il est inséré un article 16 bis ainsi rédigé : « Le bilan est public. »\n", Markdown)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(source, "#### Article 17", "#### Article 16 bis\n\nLe bilan est public.\n\n#### Article 17", 1)
	if c.Text != want {
		t.Errorf("got\n%s\nwant\n%s", c.Text, want)
	}
}

// A base in any format avenant reads keeps its no-break spaces and its
// headings' levels: a text in Windows-1252 or UTF-16, a web page (by name,
// by number, or the character itself, in UTF-8 or Windows-1252), a Word
// document. Before, only a UTF-8 text or Markdown base kept them; every
// other came out with plain spaces, and a page's h4 articles under an h2
// titre one level up.
func TestKeepSpacesOfEveryFormat(t *testing.T) {
	const amending = "# Avenant\n\n## Article 1\n\nÀ l'article 1er, après le mot « patient », sont insérés les mots « et sa famille ».\n"
	html := func(charset, body string) []byte {
		return []byte(`<!DOCTYPE html><html><head><meta charset="` + charset + `"><title>Convention</title></head><body>` + body + `</body></html>`)
	}
	const page = "<h1>Convention</h1><h2>Titre I - Objet</h2><h4>Article 1er - Objet</h4><p>Le médecin informe le patient&nbsp;; il note les actes&#8239;: consultation, visite.</p>" +
		"<h4>Article 2 - Tarifs</h4><p>La consultation est fixée à 30&#xA0;€.</p>"
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Convention\n\nArticle 1er - Objet\n\nLe médecin informe le patient\u00a0; il note les actes\u202f: consultation, visite.\n\nArticle 2 - Tarifs\n\nLa consultation est fixée à 30\u00a0€.\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for _, tc := range []struct {
		name   string
		source []byte
		want   []string
	}{
		{"base.txt", []byte("Convention\n\nArticle 1er - Objet\n\nLe m\xe9decin informe le patient\xa0; il note les actes r\xe9alis\xe9s.\n\nArticle 2 - Tarifs\n\nLa consultation est fix\xe9e \xe0 30\xa0\x80.\n"),
			[]string{"patient et sa famille\u00a0; il", "30\u00a0€"}},
		{"utf16.txt", utf16, []string{"patient et sa famille\u00a0; il", "actes\u202f: consultation", "30\u00a0€"}},
		{"page.html", html("utf-8", page), []string{"## Titre I - Objet\n\n#### Article 1er - Objet", "patient et sa famille\u00a0; il", "actes\u202f: consultation", "30\u00a0€"}},
		{"raw.html", html("utf-8", strings.ReplaceAll(page, "&nbsp;", "\u00a0")), []string{"patient et sa famille\u00a0; il"}},
		{"latin.html", html("windows-1252", strings.NewReplacer("&nbsp;", "\xa0", "é", "\xe9", "€", "\x80").Replace(page)), []string{"patient et sa famille\u00a0; il", "30\u00a0€"}},
		{"base.docx", docx(t, "<w:p><w:pPr><w:pStyle w:val=\"Titre1\"/></w:pPr><w:r><w:t>Article 1er - Objet</w:t></w:r></w:p>"+
			"<w:p><w:r><w:t xml:space=\"preserve\">Le médecin informe le patient\u00a0; il note les actes&#8239;: consultation, visite.</w:t></w:r></w:p>"+
			"<w:p><w:pPr><w:pStyle w:val=\"Titre1\"/></w:pPr><w:r><w:t>Article 2 - Tarifs</w:t></w:r></w:p>"+
			"<w:p><w:r><w:t xml:space=\"preserve\">La consultation est fixée à 30&#160;€.</w:t></w:r></w:p>"),
			[]string{"patient et sa famille\u00a0; il", "actes\u202f: consultation", "30\u00a0€"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, err := reader.ReadBytes(tc.name, tc.source, reader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			base := clause.Parse(text)
			format := Markdown
			if strings.HasSuffix(tc.name, ".txt") {
				format = Plain
			}
			c, err := ConsolidateKeeping(base, ReadSpaces(base, tc.name, tc.source, reader.Options{}), amending, format)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.want {
				if !strings.Contains(c.Text, want) {
					t.Errorf("%q is not in the consolidated text:\n%s", want, c.Text)
				}
			}
		})
	}
	if ReadSpaces(&clause.Document{}, "base.pdf", []byte("%PDF-1.4"), reader.Options{}) != nil {
		t.Error("a PDF's spaces are read")
	}
}

// docx is a Word document of body, its headings styled "Titre1".
func docx(t *testing.T, body string) []byte {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range [][2]string{
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + ns + `><w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`},
	} {
		w, err := zw.Create(part[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(part[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A reference to another character opening with the digits of a no-break
// space's is left as it is. Before, "&#1600;" (U+0640) was read as
// "&#160" and a "0;" after it: a no-break space and "0;" in the text.
func TestMarkOnlyNoBreakRefs(t *testing.T) {
	for in, want := range map[string]string{
		"<p>30&#160;€ &#1600; &#xA0B; &nbsp;x&nbsp</p>": "<p>30&#57344;€ &#1600; &#xA0B; &#57344;x&#57344;</p>",
		"<p>&#8239;: &#x202F;% &#82390;</p>":            "<p>&#57345;: &#57345;% &#82390;</p>",
	} {
		if got := string(Mark("a.html", []byte(in))); got != want {
			t.Errorf("Mark(%q) = %q, want %q", in, got, want)
		}
	}
}
