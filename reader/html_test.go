package reader

import (
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"golang.org/x/text/encoding/charmap"
)

// writeHTML renders fixture markdown as a Légifrance-style page: chrome
// around the text (menus, scripts, styles, a noscript notice) that must be
// left out, headings as h1–h4, paragraphs hard-wrapped and indented as
// generated HTML is, tables with a header row. With entities, accents and
// the euro sign are written as named entities.
func writeHTML(md, meta string, entities bool) string {
	return writeHTMLPage(md, htmlStyle{meta: meta, entities: entities, th: true})
}

// htmlStyle says how writeHTMLPage writes a page: its charset declaration,
// accents as named entities, and whether a table's first row is made of
// header cells (th) or of ordinary cells, as many generated pages do.
type htmlStyle struct {
	meta     string
	entities bool
	th       bool
}

func writeHTMLPage(md string, st htmlStyle) string {
	meta, entities := st.meta, st.entities
	esc := func(s string) string {
		s = html.EscapeString(s)
		if entities {
			s = strings.NewReplacer("é", "&eacute;", "€", "&euro;", "à", "&agrave;", "’", "&rsquo;", "\u00a0", "&nbsp;").Replace(s)
		}
		return s
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"fr\"><head>%s<title>Légifrance - Article 99 - faux</title>\n", meta)
	b.WriteString("<style>h2 { color: #333 } /* Article 98 - style */</style>\n<script>var titre = \"Article 97 - script\";</script>\n</head>\n")
	b.WriteString("<body><header><nav><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/codes\">Codes</a></li></ul></nav></header>\n")
	b.WriteString("<noscript>Activez JavaScript</noscript><template><p>Article 96 - modèle</p></template>\n")
	b.WriteString("<main><div class=\"page-content\">\n")
	inTable := false
	for _, l := range mdLines(md) {
		if !l.row && inTable {
			b.WriteString("</tbody></table>\n")
			inTable = false
		}
		switch {
		case l.row && !inTable:
			cell := "td"
			if st.th {
				cell = "th"
			}
			b.WriteString("<table class=\"tarifs\"><thead><tr>")
			for _, c := range l.cells {
				b.WriteString("<" + cell + ">" + esc(c) + "</" + cell + ">")
			}
			b.WriteString("</tr></thead><tbody>\n")
			inTable = true
		case l.row:
			b.WriteString("<tr>")
			for _, c := range l.cells {
				b.WriteString("<td>\n  " + esc(c) + "\n</td>")
			}
			b.WriteString("</tr>\n")
		case l.level > 0:
			fmt.Fprintf(&b, "<h%d class=\"title-article\">%s</h%d>\n", l.level, esc(l.text), l.level)
		default:
			b.WriteString("<div class=\"content\"><p>\n      " + wrapWords(esc(l.text), 70, "\n      ") + "\n    </p></div>\n")
		}
	}
	if inTable {
		b.WriteString("</tbody></table>\n")
	}
	b.WriteString("</div></main>\n<footer><nav><a href=\"/plan\">Plan du site</a></nav><div hidden>Article 95 - caché</div></footer>\n</body></html>\n")
	return b.String()
}

// wrapWords breaks s with sep before the word that would pass width bytes.
func wrapWords(s string, width int, sep string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+len(w) > width {
				b.WriteString(sep)
				n = 0
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
		n += len(w) + 1
	}
	return b.String()
}

func TestHTMLFixtures(t *testing.T) {
	win := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, name := range fixtureNames {
		md := fixture(t, name)
		want, err := Decode([]byte(md))
		if err != nil {
			t.Fatal(err)
		}
		variants := []struct {
			name string
			data []byte
		}{
			{"utf-8", []byte(writeHTML(md, `<meta charset="utf-8">`, false))},
			{"utf-8 without meta, entities", []byte(writeHTML(md, "", true))},
			{"windows-1252", win(writeHTML(md, `<meta charset="windows-1252">`, false))},
			{"iso-8859-1 declared, Windows-1252 bytes", win(writeHTML(md, `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, false))},
			{"undeclared Windows-1252", win(writeHTML(md, "", false))},
			{"utf-8 declared, Windows-1252 bytes", win(writeHTML(md, `<meta charset="utf-8">`, false))},
			{"utf-8 with BOM", append([]byte("\uFEFF"), writeHTML(md, "", false)...)},
		}
		for _, v := range variants {
			t.Run(name+"/"+v.name, func(t *testing.T) {
				got, err := readHTML(v.data)
				if err != nil {
					t.Fatal(err)
				}
				sameOutline(t, clause.Parse(want), clause.Parse(got), false)
				for _, chrome := range []string{"Accueil", "Article 9", "JavaScript", "Plan du site"} {
					if strings.Contains(got, chrome) && !strings.Contains(want, chrome) {
						t.Errorf("page chrome %q in the text", chrome)
					}
				}
			})
		}
	}
}

func TestHTMLWindows1252(t *testing.T) {
	// "L’article 5 : 26,50 € – œuvre…" in Windows-1252: ’ is 0x92, € 0x80,
	// – 0x96, œ 0x9C, … 0x85; ISO-8859-1 would turn them into controls.
	page := []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>L\x92article 5\xA0: 26,50 \x80 \x96 \x9Cuvre\x85</p></body></html>")
	got, err := readHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	if want := "L’article 5 : 26,50 € – œuvre…\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestHTMLElements(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"whitespace collapsed", "<p>  Les   caisses\n\t procèdent  </p>", "Les caisses procèdent\n"},
		{"inline elements join", "<p>la <b>CNAM</b>, l'<i>Union</i></p>", "la CNAM, l'Union\n"},
		{"br breaks a line", "<p>Article 1<br>Texte<br/>Suite</p>", "Article 1\nTexte\nSuite\n"},
		{"blocks", "<div>Un</div><div>Deux<p>Trois</p>Quatre</div>", "Un\n\nDeux\n\nTrois\n\nQuatre\n"},
		{"headings", "<h1>Titre  I</h1><h3>Article <span>1er</span></h3><p>x</p>", "# Titre I\n\n### Article 1er\n\nx\n"},
		{"entities", "<p>a&nbsp;: &laquo;&#160;b&#xA0;&raquo; &amp; &lt;c&gt; &euro;</p>", "a : « b » & <c> €\n"},
		{"lists", "<ul><li>un</li><li>deux</li></ul><ol start=\"3\"><li>trois</li><li>quatre</li></ol>", "- un\n\n- deux\n\n3. trois\n\n4. quatre\n"},
		{"pre keeps spacing", "<pre>G     26,50\nAPC   56,50</pre>", "G     26,50\nAPC   56,50\n"},
		{"table", "<table><tr><th>Code</th><th>Tarif</th></tr><tr><td>G</td><td>26,50 &euro;</td></tr><tr><td>V|L</td><td><p>70</p><p>€</p></td></tr></table><p>après</p>",
			"| Code | Tarif |\n|---|---|\n| G | 26,50 € |\n| V/L | 70 € |\n\naprès\n"},
		{"table without header", "<table><tr><td>G</td><td>26,50</td></tr></table>", "| G | 26,50 |\n"},
		{"nested table flattens into its cell", "<table><tr><td>G</td><td><table><tr><td>26,50</td></tr></table></td></tr></table>", "| G | 26,50 |\n"},
		{"skipped elements", "<head><title>t</title></head><body><script>s()</script><style>p{}</style><noscript>n</noscript><template>tp</template><nav>menu</nav><p>texte</p><button>OK</button><select><option>o</option></select></body>", "texte\n"},
		{"hidden elements", "<p hidden>a</p><p style=\"display: none\">b</p><p aria-hidden=\"true\">c</p><p>d</p>", "d\n"},
		{"comments", "<p>a<!-- Article 9 -->b</p>", "ab\n"},
		{"the site's header and footer", "<body><header><p>Légifrance</p></header><main><p>a</p></main><footer><p>Le service public</p></footer><div role=\"contentinfo\">Plan</div><div role=\"banner\">Logo</div></body>", "a\n"},
		{"a content's header and footer", "<article><header><h3>Article 1</h3></header><p>a</p><footer><p>Fait à Paris</p></footer></article>", "### Article 1\n\na\n\nFait à Paris\n"},
		{"unclosed tags", "<p>Un<p>Deux<li>trois", "Un\n\nDeux\n\n- trois\n"},

		// The site's navigation around the text is neither text nor heading.
		{"link-only block", "<div><a href=\"/code\">Naviguer dans le sommaire du code</a></div><h3>Article 1</h3><p>a</p>", "### Article 1\n\na\n"},
		{"label over links", "<h3>Article 1</h3><p>a</p><p>Liens relatifs</p><ul><li><a href=\"#\">Cité par : art. 2</a></li></ul>", "### Article 1\n\na\n"},
		{"labels and links to the end of the article", "<article><h3>Article 1</h3><p>Le texte.</p><h4>Liens relatifs à cet article</h4><div><p>Cité par :</p><ul><li><a href=\"#\">art. 2 (V)</a></li></ul>" +
			"<p>Codifié par :</p><ul><li><a href=\"#\">Loi 2004-810</a></li></ul></div><h4>Versions</h4><ul><li><a href=\"#\">Version du 1er janvier 2024</a></li></ul></article>", "### Article 1\n\nLe texte.\n"},
		{"a short line over a label stays", "<p>Le directeur général</p><h4>Liens relatifs</h4><ul><li><a href=\"#\">Cité par : art. 2</a></li></ul>", "Le directeur général\n"},
		{"breadcrumb naming divisions", "<ul><li><a href=\"#\">Partie législative</a></li><li><a href=\"#\">Titre 6 : Dispositions</a></li></ul><p>a</p>", "a\n"},
		{"history of an article", "<h3>Article 1</h3><p>Modifié par <a href=\"#\">LOI n°2023-1250 du 26 décembre 2023 - art. 48</a> (V)</p><p>a</p>", "### Article 1\n\na\n"},
		{"version banners", "<p>Version en vigueur au 02 décembre 2026</p><h3>Article 1</h3><p class=\"date\">Version en vigueur depuis le 01 janvier 2024</p><p>a</p>", "### Article 1\n\na\n"},
		{"a reference without its full stop", "<h3>Article 5</h3><p>Les dépassements sont encadrés.</p><p>Voir <a href=\"#a4\">article 4</a></p><p>Modifié par <a href=\"#\">loi n° 2023-1250</a></p>",
			"### Article 5\n\nLes dépassements sont encadrés.\n\nVoir article 4\n"},
		{"previous and next", "<p>Le texte.</p><div><a href=\"#\">Article précédent</a> <a href=\"#\">Article suivant</a></div>", "Le texte.\n"},
		{"a title over navigation and text", "<h1>Code de la sécurité sociale</h1><div><a href=\"#\">Sommaire</a></div><p>a</p>", "# Code de la sécurité sociale\n\na\n"},
		{"sentences citing through links", "<p>Voir l'<a href=\"#\">article 5</a>.</p><p>Les tarifs de l'<a href=\"#\">annexe 1</a> s'appliquent</p>", "Voir l'article 5.\n\nLes tarifs de l'annexe 1 s'appliquent\n"},
		{"heading set as a link", "<h3><a href=\"#a2\">Article 2</a></h3><p>a</p>", "### Article 2\n\na\n"},
		{"Word bookmark around a heading", "<p class=\"MsoNormal\"><a name=\"_Toc1\">Article 3</a></p><p>a</p>", "Article 3\n\na\n"},
		{"points citing through links", "<p>Sont abrogés :</p><ul><li><a href=\"#\">Article 5</a> ;</li><li><a href=\"#\">Article 6</a>.</li></ul>",
			"Sont abrogés :\n\n- Article 5 ;\n\n- Article 6.\n"},
		{"link-only table cell", "<table><tr><td><a href=\"#\">G</a></td><td>30 €</td></tr></table>", "| G | 30 € |\n"},
		{"an old Légifrance article heading and its links", "<div class=\"titreArt\">Article 12<a href=\"/affichCodeArticle.do\">Modifié par Loi n°2008-1249 du 1er décembre 2008 - art. 3</a></div><div class=\"corpsArt\"><p>a</p></div>" +
			"<div class=\"titreArt\">Article L262-1 <a class=\"lienArtVersions\" href=\"#\">En savoir plus sur cet article...</a></div><div class=\"corpsArt\"><p>b</p></div>" +
			"<h3>Article premier <a href=\"#\">(V)</a></h3><p>c</p><p>Article 3 <a href=\"#\">du code</a> modifié.</p>",
			"Article 12\n\na\n\nArticle L262-1\n\nb\n\n### Article premier\n\nc\n\nArticle 3 du code modifié.\n"},
		{"a sentence split across paragraphs", "<p>Le médecin peut</p><p>facturer un dépassement.</p><p>Le médecin,<br>dans ce cas,<br/>informe le patient.</p>" +
			"<p>Les actes suivants :</p><p>a) la visite ;</p><p>b) la consultation</p><p>c) le forfait.</p><h3>Article 2</h3><p>texte</p>",
			"Le médecin peut facturer un dépassement.\n\nLe médecin, dans ce cas, informe le patient.\n\nLes actes suivants :\n\na) la visite ;\n\nb) la consultation\n\nc) le forfait.\n\n### Article 2\n\ntexte\n"},
		{"a short line before a list of links", "<h3>Article 1</h3><p>Sont abrogés :</p><ul><li><a href=\"#\">Article 5</a></li><li><a href=\"#\">Article 6</a></li></ul>" +
			"<h3>Article 2</h3><p>Textes de référence :</p><ul><li><a href=\"#\">Arrêté du 13 novembre 1998</a></li></ul>" +
			"<h3>Article 3</h3><p>Les parties signataires</p><ul><li><a href=\"#\">CSMF</a></li></ul>",
			"### Article 1\n\nSont abrogés :\n\n- Article 5\n\n- Article 6\n\n### Article 2\n\nTextes de référence :\n\n- Arrêté du 13 novembre 1998\n\n### Article 3\n\nLes parties signataires\n"},
		// A line kept as text, colon or not, keeps the links under it;
		// a site's label stands over links to the end of their block.
		{"references without a colon", "<h3>Article 2</h3><p>Le texte.</p><h4>Textes de référence</h4><ul><li><a href=\"#\">Arrêté du 13 novembre 1998</a></li>" +
			"<li><a href=\"#\">Loi n° 2004-810 du 13 août 2004</a></li></ul><h3>Article 3</h3><p>Visas</p><p><a href=\"#\">Code de la sécurité sociale</a></p><h3>Article 4</h3><p>x</p>",
			"### Article 2\n\nLe texte.\n\n#### Textes de référence\n\n- Arrêté du 13 novembre 1998\n\n- Loi n° 2004-810 du 13 août 2004\n\n### Article 3\n\nVisas\n\nCode de la sécurité sociale\n\n### Article 4\n\nx\n"},
		{"a sentence about a version", "<p>Version en vigueur depuis le 1er janvier 2024, la convention s'applique.</p>", "Version en vigueur depuis le 1er janvier 2024, la convention s'applique.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			got, err := readHTML([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("got\n%q\nwant\n%q", got, want)
			}
		})
	}
}

func TestHTMLRefused(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		target   error
		contains string
	}{
		{"empty", "", errEmpty, "empty"},
		{"no visible text", "<html><head><title>t</title></head><body><script>x()</script></body></html>", errEmpty, "without visible text"},
		{"binary", "<html>\x00\x01\x02</html>", errBinary, "binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readHTML([]byte(tt.data))
			checkError(t, err, tt.target, tt.contains)
		})
	}
}

func TestReadFileHTML(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{".html", ".htm", ".HTM"} {
		path := filepath.Join(dir, "article"+ext)
		if err := os.WriteFile(path, []byte("<h2>Article 12</h2><p>Le m\xE9decin&nbsp;: oui</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(path, Options{})
		if want := "## Article 12\n\nLe médecin : oui\n"; err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", ext, got, err, want)
		}
	}
	path := filepath.Join(dir, "vide.html")
	if err := os.WriteFile(path, []byte("<script>x</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, Options{})
	checkError(t, err, errEmpty, path+": HTML page without visible text")
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(writeHTML("# Titre\n\n### Article 1 - Objet\n\nTexte.\n\n| Code | Tarif |\n|---|---|\n| G | 30 € |\n", `<meta charset="utf-8">`, true)))
	f.Add([]byte("<table><tr><td><table><tr><th>x<br><pre>a\n b</pre></table><ol start=-3><li value=9>z"))
	f.Add([]byte(`<table><tr><th rowspan=2>C<th colspan=3>T<tr><th>a<th colspan=0>b<tr><td rowspan=9999>x<td colspan=99999>1 €<tr><td>y</table>`))
	f.Add([]byte("\xFF\xFE<\x00p\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := readHTML(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		if text == "" || !strings.HasSuffix(text, "\n") || strings.Contains(text, "\f") {
			t.Fatalf("text %q", text)
		}
	})
}

// TestHTMLSiteNavigation: a code's section saved from a Légifrance-shaped
// page reads as its articles and nothing else: the links to the code's
// summary, the breadcrumb, each article's "Liens relatifs" and "Versions",
// its history ("Modifié par …") and the version banners are the site's.
// Before, "Naviguer dans le sommaire du code" was a title holding every
// article, and each article's text opened with "Version en vigueur depuis
// le 01 janvier 2024", a date a later save would change.
func TestHTMLSiteNavigation(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "html", "legifrance-section.html"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := readHTML(data)
	if err != nil {
		t.Fatal(err)
	}
	want := `# Code de la sécurité sociale

## Section 1 : Dispositions générales relatives aux médecins (Articles L162-5 à L162-15-4)

### Article L162-5

Les rapports entre les organismes d'assurance maladie et les médecins sont définis par des conventions nationales conclues séparément pour les médecins généralistes et les médecins spécialistes.

La ou les conventions déterminent notamment :

1° Les obligations respectives des organismes qui servent les prestations d'assurance maladie et des médecins ;

2° Les modalités d'exercice de la médecine ;

### Article L162-5-1

La convention nationale des médecins peut faire l'objet d'avenants conclus dans les mêmes conditions.

### Article L162-5-2

Les tarifs des honoraires des médecins sont fixés par la convention nationale prévue à l'article L. 162-5.
`
	sameOutline(t, clause.Parse(want), clause.Parse(got), false)
	for _, site := range []string{"Naviguer", "Liens relatifs", "Cité par", "Version", "Modifié par", "Partie législative", "Mentions"} {
		if strings.Contains(got, site) {
			t.Errorf("the site's %q is in the text:\n%s", site, got)
		}
	}
}
