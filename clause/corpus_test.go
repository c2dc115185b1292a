package clause

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/goldenfile"
)

// readCorpus reads a corpus file and normalises it as package reader does
// before parsing: "\n" line ends, no-break spaces turned into spaces, NFC.
func readCorpus(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
	return norm.NFC.String(s)
}

func TestCorpusCASFArticles(t *testing.T) {
	for _, path := range corpus.Files(t, "raw/legi_casf_rsa/*.md") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var truth []struct {
				ID   string `json:"id"`
				SHA1 string `json:"sha1"`
			}
			b, err := os.ReadFile(strings.TrimSuffix(path, ".md") + ".articles.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &truth); err != nil {
				t.Fatal(err)
			}
			d := Parse(readCorpus(t, path))
			var arts []Clause
			for _, c := range d.Clauses {
				if c.Kind == KindArticle {
					arts = append(arts, c)
				}
			}
			if len(arts) != len(truth) {
				t.Fatalf("%d articles, want %d", len(arts), len(truth))
			}
			for i, want := range truth {
				c := arts[i]
				if wantNum := strings.TrimPrefix(want.ID, "Article "); c.Number != wantNum {
					t.Errorf("article %d: number %q, want %q", i, c.Number, wantNum)
				}
				if c.Heading != want.ID {
					t.Errorf("article %d: heading %q, want %q", i, c.Heading, want.ID)
				}
				// The source hashed the body between the heading and the
				// next heading, trimmed: exactly what Text holds.
				sum := sha1.Sum([]byte(c.Text))
				if got := hex.EncodeToString(sum[:]); got != want.SHA1 {
					t.Errorf("%s: sha1 of text %s, want %s; text starts %q", want.ID, got, want.SHA1, frtext.Lead(c.Text, 8, 0))
				}
				if d.Clauses[c.Parent].Kind != KindSection {
					t.Errorf("%s: parent is a %s, want a section", want.ID, d.Clauses[c.Parent].Kind)
				}
			}
		})
	}
}

func TestCorpusRCM(t *testing.T) {
	files := corpus.Files(t, "raw/rcm_1998/*.md")
	common := []string{"article 1", "article 2", "article 4", "article 5"}
	for n := 7; n <= 20; n++ {
		common = append(common, "article "+itoa(n))
	}
	wants := map[string][]string{
		"RCM_medecins_1998_version_initiale_1998.md": append(append([]string{}, common...),
			"annex IV", "annex III"),
		"RCM_medecins_1998_version_modifiee_2003.md": append(append([]string{"preamble "}, common...),
			"annex IV", "annex IV", "annex III"),
	}
	for _, path := range files {
		name := filepath.Base(path)
		want, ok := wants[name]
		if !ok {
			t.Errorf("unexpected RCM file %s", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			d := Parse(readCorpus(t, path))
			var got []string
			for _, c := range d.Clauses {
				switch c.Kind {
				case KindArticle, KindAnnex, KindPreamble:
					got = append(got, string(c.Kind)+" "+c.Number)
					if c.Text == "" {
						t.Errorf("%s: empty text", c.Heading)
					}
				}
			}
			if !equalStrings(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
			// In 1998 "### Article 20" is followed by the line "Art. 20.":
			// body text, not a second article.
			if strings.Contains(name, "1998_version_initiale") {
				for _, c := range d.Clauses {
					if c.Key == "article:20" && !strings.HasPrefix(c.Text, "Art. 20.\n\n") {
						t.Errorf("article 20 text starts %q", frtext.Lead(c.Text, 5, 0))
					}
				}
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestCorpusSeeds(t *testing.T) {
	files := corpus.Files(t, "seeds/*.txt")
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			d := Parse(readCorpus(t, path))
			count := map[Kind]int{}
			for _, c := range d.Clauses {
				count[c.Kind]++
			}
			switch {
			case strings.HasPrefix(name, "004_"):
				// Slides: markdown headings are containers, "- 1 Revaloriser…"
				// points are numbered items.
				if count[KindArticle] != 0 || count[KindTitle] == 0 || count[KindSection] == 0 {
					t.Errorf("kinds %v", count)
				}
				var soutenir = -1
				for i, c := range d.Clauses {
					if c.Heading == "SOUTENIR L'ATTRACTIVITÉ DE LA MÉDECINE LIBÉRALE" {
						soutenir = i
					}
				}
				if soutenir < 0 {
					t.Fatal("heading SOUTENIR L'ATTRACTIVITÉ… not found")
				}
				var nums []string
				for _, c := range d.Clauses {
					if c.Parent == soutenir && c.Kind == KindItem {
						nums = append(nums, c.Number)
					}
				}
				if want := []string{"1", "2", "3", "4", "5", "6", "7"}; !equalStrings(nums, want) {
					t.Errorf("items %q, want %q", nums, want)
				}
				if c := d.Clauses[soutenir+1]; !strings.HasPrefix(c.Text, "- 1 Revaloriser la consultation clinique") || c.Key != "item:1" {
					t.Errorf("first item %q key %q", frtext.Lead(c.Text, 5, 0), c.Key)
				}
			default:
				// Press releases: no structure, only top-level paragraphs and
				// (for the quoted statements of 002) bulleted items.
				if len(d.Clauses) == 0 {
					t.Fatal("no clauses")
				}
				for _, c := range d.Clauses {
					if c.Parent != -1 || (c.Kind != KindParagraph && !(c.Kind == KindItem && strings.HasPrefix(name, "002_"))) {
						t.Errorf("clause %s: %s at depth %d", c.ID, c.Kind, c.Depth)
					}
				}
			}
		})
	}
}

// TestCorpusWords checks on every real text that no word is lost or
// reordered, and the other invariants of checkDocument.
func TestCorpusWords(t *testing.T) {
	for _, path := range corpus.Texts(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			in := readCorpus(t, path)
			checkDocument(t, in, Parse(in))
		})
	}
}

// TestCorpusGolden compares the outline of every corpus file with
// testdata/parse/<name>.outline; -update rewrites them.
func TestCorpusGolden(t *testing.T) {
	for _, path := range corpus.Texts(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			got := outline(Parse(readCorpus(t, path)))
			golden := filepath.Join("testdata", "parse", strings.TrimSuffix(name, filepath.Ext(name))+".outline")
			goldenfile.Check(t, golden, []byte(got))
		})
	}
}
