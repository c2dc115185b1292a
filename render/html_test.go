package render

import (
	"bytes"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/goldenfile"
)

func fptr(v float64) *float64 { return &v }

// redlineDiff is a hand-made diff with one change of every sort, and
// document text that tries to inject markup.
func redlineDiff() *clause.Diff {
	art := func(id, num, title, text string, parent int) clause.Clause {
		h := "Article " + num + " - " + title
		return clause.Clause{ID: id, Kind: clause.KindArticle, Number: num, Key: "article:" + num, Heading: h,
			Text: text, Path: []string{"Titre 1 - Dispositions", h}, Parent: parent, Depth: 1}
	}
	title := clause.Clause{ID: "titre-1", Kind: clause.KindTitle, Number: "1", Key: "title:1", Heading: "Titre 1 - Dispositions", Path: []string{"Titre 1 - Dispositions"}, Parent: -1}
	old := &clause.Document{Clauses: []clause.Clause{
		title,
		art("art-10", "10", "Consultation", "La consultation G est fixée à 26,50 €.\n\nElle comprend l'examen.", 0),
		art("art-12", "12", "Soins", "Le médecin doit organiser la réponse.\n\nIl informe le patient.", 0),
		art("art-19-2", "19.2", "Montant", "Le montant de l'aide est fixé à l'annexe 2.", 0),
		art("art-20-2", "20.2", "Forfait structure", "Le forfait structure est supprimé.", 0),
	}}
	new := &clause.Document{Clauses: []clause.Clause{
		title,
		art("art-10", "10", "Consultation", "La consultation G est fixée à 30 €.\n\nElle comprend l'examen.", 0),
		art("art-12", "12", "Soins", "Le médecin doit organiser la réponse.", 0),
		art("art-12-bis", "12 bis", "Information", "Il informe le patient.", 0),
		art("art-19-3", "19.3", "Montant", "Le montant de l'aide est fixé à l'annexe 2.", 0),
		art("art-19-4", "19.4", "Hostile <script>alert(1)</script>", "Texte \x1b[31mrouge\x1b[0m & <b onmouseover=\"x()\">gras</b>\u0007.", 0),
	}}
	return &clause.Diff{Old: old, New: new,
		Summary: clause.Summary{Unchanged: 1, Modified: 1, Split: 1, Added: 1, Removed: 1, Renumbered: 1, Moved: 1, FactsChanged: 1},
		Changes: []clause.Change{
			{Kind: clause.Unchanged, Old: []int{0}, New: []int{0}, Similarity: 1},
			{Kind: clause.Modified, Old: []int{1}, New: []int{1}, Similarity: 0.93,
				Hunks: []clause.Hunk{{Op: clause.OpEqual, Text: "La consultation G est fixée à "}, {Op: clause.OpDelete, Text: "26,50 €"}, {Op: clause.OpInsert, Text: "30 €"}, {Op: clause.OpEqual, Text: ".\n\nElle comprend l'examen."}},
				Facts: []clause.Fact{{Kind: clause.FactAmount, Subject: "G", Old: "26,50 €", New: "30 €", OldValue: fptr(26.5), NewValue: fptr(30), Unit: "EUR", DeltaPct: fptr(13.21)}}},
			{Kind: clause.Split, Old: []int{2}, New: []int{2, 3}, Similarity: 0.9,
				Hunks: []clause.Hunk{{Op: clause.OpEqual, Text: "Le médecin doit organiser la réponse.\n\n"}, {Op: clause.OpInsert, Text: "Article 12 bis - Information\n\n"}, {Op: clause.OpEqual, Text: "Il informe le patient."}}},
			{Kind: clause.Unchanged, Renumbered: true, Moved: true, Old: []int{3}, New: []int{4}, Similarity: 1},
			{Kind: clause.Added, New: []int{5}},
			{Kind: clause.Removed, Old: []int{4}},
		}}
}

func TestDiffHTMLGolden(t *testing.T) {
	tests := []struct {
		name string
		all  bool
	}{{"redline", false}, {"redline-all", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := DiffHTML(&buf, redlineDiff(), Side{Ref: "RA-2023", Party: "Arbitre", Date: "2023-04-30"}, Side{Ref: "CNAM-2024-02", Party: "CNAM", Date: "2024-02-08"}, tt.all)
			if err != nil {
				t.Fatal(err)
			}
			goldenHTML(t, filepath.Join("testdata", "html", tt.name+".html"), buf.Bytes())
		})
	}
}

func goldenHTML(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

func TestDiffHTMLStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := DiffHTML(&buf, redlineDiff(), Side{Ref: "a<b>.md"}, Side{Ref: "b.md"}, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	musts := []string{
		`<section id="summary">`,
		`<del>26,50 €</del><ins>30 €</ins>`,
		`<section class="change modified" id="art-10">`,
		// A split anchors each new clause and the old one.
		`<section class="change split" id="art-12"><a id="art-12-bis"></a><a id="old-art-12"></a>`,
		// Renumbered and moved marks, and the old id as an extra anchor.
		`id="art-19-3"><a id="old-art-19-2"></a>`,
		`n° 19.2 → 19.3`,
		`<span class="mark moved">déplacée</span>`,
		`<section class="change removed" id="art-20-2">`,
		`<li>montant G : 26,50 € → 30 € (&#43;13,21 %)</li>`,
		`Comparaison a&lt;b&gt;.md → b.md`,
		`&lt;script&gt;alert(1)&lt;/script&gt;`,
		`&lt;b onmouseover=&#34;x()&#34;&gt;gras&lt;/b&gt;`,
		`@media print`,
	}
	for _, m := range musts {
		if !strings.Contains(out, m) {
			t.Errorf("page lacks %q", m)
		}
	}
	mustNots := []string{"<script", "<b ", "\x1b", "\x07", "http://", "https://", "src=", "@import", "url("}
	for _, m := range mustNots {
		if strings.Contains(out, m) {
			t.Errorf("page holds %q", m)
		}
	}
	// Every id is unique, and every index link has its anchor.
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(out, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(out, -1) {
		if ids[m[1]] == 0 {
			t.Errorf("link to #%s has no anchor", m[1])
		}
	}
}

// fixturePage renders the redline of the CNAM's proposal against the
// règlement arbitral.
func fixturePage(t *testing.T) []byte {
	t.Helper()
	read := func(name string) *clause.Document {
		b, err := fixtures.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return clause.Parse(string(b))
	}
	d := clause.Compare(read("01-reglement-arbitral-2023.md"), read("02-cnam-proposition-2024-02.md"), clause.CompareOptions{})
	var buf bytes.Buffer
	if err := DiffHTML(&buf, d, Side{Ref: "RA-2023", Party: "Arbitre", Date: "2023-04-30"}, Side{Ref: "CNAM-2024-02", Party: "CNAM", Date: "2024-02-08"}, false); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDiffHTMLFixture(t *testing.T) {
	out := string(fixturePage(t))
	for _, m := range []string{`id="annexe-1-g"`, `<del>26,50 €</del><ins>30 €</ins>`, `montant G : 26,50 € → 30 €`} {
		if !strings.Contains(out, m) {
			t.Errorf("redline lacks %q", m)
		}
	}
}

const chromium = "/usr/bin/chromium"

// runChromium runs headless Chromium on a page with no network and no
// profile of its own, and returns its stdout.
func runChromium(t *testing.T, args ...string) []byte {
	t.Helper()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.Command(chromium, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.WaitDelay = 5 * time.Second
	done := make(chan struct{})
	timer := time.AfterFunc(90*time.Second, func() {
		select {
		case <-done:
		default:
			_ = cmd.Process.Kill()
		}
	})
	defer timer.Stop()
	out, err := cmd.Output()
	close(done)
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return out
}

// TestDiffHTMLChromium opens the fixture redline in a real browser: the
// page loads, the summary is in the DOM, and a screenshot shows more than a
// blank page.
func TestDiffHTMLChromium(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("headless test needs Debian chromium at " + chromium + " (apt-get install chromium)")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "redline.html")
	if err := os.WriteFile(page, fixturePage(t), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + page

	dom := string(runChromium(t, "--dump-dom", url))
	for _, m := range []string{`<section id="summary">`, `<td>modifiées</td>`, `id="annexe-1-g"`, `<del>26,50 €</del>`} {
		if !strings.Contains(dom, m) {
			t.Errorf("DOM lacks %q:\n%.2000s", m, dom)
		}
	}

	shot := filepath.Join(dir, "out.png")
	runChromium(t, "--screenshot="+shot, "--window-size=1200,1600", "--hide-scrollbars", url)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 1200 || b.Dy() != 1600 {
		t.Errorf("screenshot is %dx%d, want 1200x1600", b.Dx(), b.Dy())
	}
	// The top of the page holds the title and summary: dark text on white.
	dark := 0
	for y := b.Min.Y; y < b.Min.Y+600; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x4000 {
				dark++
			}
		}
	}
	if dark < 2000 {
		t.Errorf("screenshot looks blank: %d dark pixels in the top 600 rows", dark)
	}
}

// TestHTMLOneLanguage: the redline page is French from title to footer,
// facts and kinds included, like the texts it compares (lang="fr").
func TestHTMLOneLanguage(t *testing.T) {
	d := redlineDiff()
	d.Changes[1].Facts = append(d.Changes[1].Facts,
		clause.Fact{Kind: clause.FactReference, Old: "article 12", New: "article 12", Broken: true, Note: "article 12 is now numbered 13"},
		clause.Fact{Kind: clause.FactReference, Old: "annexe 2", New: "annexe 2", Broken: true, Note: "annexe 2 is now numbered 3"},
		clause.Fact{Kind: clause.FactAmount, Subject: "G", New: "30 €", Effective: "2024-10-01"})
	var b bytes.Buffer
	if err := DiffHTML(&b, d, Side{Ref: "A"}, Side{Ref: "B"}, true); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, `<html lang="fr">`) {
		t.Errorf("the page does not say it is French")
	}
	visible := html.UnescapeString(regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>`).ReplaceAllString(page, " "))
	english := regexp.MustCompile(`\b(Redline|Summary|Changes?|Facts|modified|added|removed|split|merged|renumbered|moved|cosmetic|unchanged|amount|reference|broken|from|now numbered|Generated|clauses? of|No substantive)\b`)
	for _, m := range english.FindAllString(visible, -1) {
		t.Errorf("English on the French page: %q", m)
	}
	for _, want := range []string{"montant G : – → 30 € à compter du 2024-10-01", "référence : article 12 — rompue : l'article 12 porte désormais le numéro 13", "référence : annexe 2 — rompue : l'annexe 2 porte désormais le numéro 3", "modifiée", "Synthèse"} {
		if !strings.Contains(visible, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
}
