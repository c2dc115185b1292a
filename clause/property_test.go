package clause

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/internal/corpus"
)

// The property tests edit a real text in one known way and check that the
// diff reports exactly that edit and nothing else.

var articleHeading = regexp.MustCompile(`(?m)^### Article (\d+)$`)

// articleBlock returns the byte span of the "### Article n" block of text,
// heading included, up to the next markdown heading.
func articleBlock(t *testing.T, text, n string) (int, int) {
	t.Helper()
	start := strings.Index(text, "### Article "+n+"\n")
	if start < 0 {
		t.Fatalf("no article %s", n)
	}
	rest := text[start+1:]
	end := strings.Index(rest, "\n#")
	if end < 0 {
		return start, len(text)
	}
	return start, start + 1 + end + 1
}

// listed gives the changes a reader would see, as "kind old→new flags
// [facts]". Stale references (a text that still cites an article by its
// old number) are left out when staleOK is set: they are the expected
// consequence of a renumbering, checked apart.
func listed(d *Diff, staleOK bool) []string {
	var out []string
	for i := range d.Changes {
		c := &d.Changes[i]
		facts := c.Facts
		if staleOK {
			facts = slices.DeleteFunc(slices.Clone(facts), func(f Fact) bool {
				return f.Kind == FactReference && f.Old == f.New && strings.Contains(f.Note, "now numbered")
			})
			if c.Kind == Unchanged && !c.Renumbered && !c.Moved && len(facts) == 0 {
				continue
			}
		}
		if !c.Substantive() && c.Kind != Cosmetic {
			continue
		}
		s := fmt.Sprintf("%s %s→%s", c.Kind, strings.Join(numbersOf(d.Old, c.Old), "+"), strings.Join(numbersOf(d.New, c.New), "+"))
		if c.Renumbered {
			s += " renumbered"
		}
		if c.Moved {
			s += " moved"
		}
		for _, f := range facts {
			s += " [" + string(f.Kind) + " " + f.Old + "→" + f.New + "]"
		}
		out = append(out, s)
	}
	return out
}

func TestPropertyEdits(t *testing.T) {
	files := corpus.Files(t, "raw/rcm_1998/RCM_medecins_1998_version_initiale_1998.md")
	base := readCorpus(t, files[0])
	// Article 9 has several paragraphs; its second half makes a split.
	s9, e9 := articleBlock(t, base, "9")
	body9 := base[s9:e9]
	paras := strings.Split(strings.TrimSpace(body9), "\n\n")
	if len(paras) < 4 {
		t.Fatalf("article 9 has %d paragraphs, want 4 or more", len(paras))
	}
	cases := []struct {
		name string
		edit func(*testing.T, string) string
		want []string
		// stale is how many references the edit leaves pointing to a
		// renumbered article.
		stale int
	}{
		{
			name: "insert an article and renumber all that follow",
			edit: func(t *testing.T, s string) string {
				s = articleHeading.ReplaceAllStringFunc(s, func(h string) string {
					n, _ := strconv.Atoi(strings.TrimPrefix(h, "### Article "))
					if n >= 12 {
						n++
					}
					return "### Article " + strconv.Itoa(n)
				})
				at := strings.Index(s, "### Article 13\n")
				return s[:at] + "### Article 12\n\nLes caisses publient chaque trimestre un relevé des dépassements constatés dans la circonscription.\n\n" + s[at:]
			},
			want: append([]string{"added →12 [modality →chaque trimestre]"}, renumbered(13, 21)...),
			// Articles 12, 16, 19 and annex III cite 12, 15 or 18. Article 20
			// opens with "Art. 20.", its own heading repeated: no reference.
			stale: 4,
		},
		{
			name: "move one article",
			edit: func(t *testing.T, s string) string {
				st, en := articleBlock(t, s, "8")
				block := s[st:en]
				s = s[:st] + s[en:]
				_, after := articleBlock(t, s, "12")
				return s[:after] + block + s[after:]
			},
			want: []string{"unchanged 8→8 moved"},
		},
		{
			name: "split one article",
			edit: func(t *testing.T, s string) string {
				half := len(paras) / 2
				first := strings.Join(paras[:half], "\n\n")
				second := strings.Join(paras[half:], "\n\n")
				return s[:s9] + first + "\n\n### Article 9 bis\n\n" + second + "\n\n" + s[e9:]
			},
			want: []string{"split 9→9+9 bis"},
		},
		{
			name: "merge two articles",
			edit: func(t *testing.T, s string) string {
				return strings.Replace(s, "### Article 2\n\n", "", 1)
			},
			want: []string{"merged 1+2→1"},
		},
		{
			name: "change one amount",
			edit: func(t *testing.T, s string) string {
				if !strings.Contains(s, "115,00 F") {
					t.Fatal("no 115,00 F in the text")
				}
				return strings.Replace(s, "115,00 F", "120,00 F", 1)
			},
			want: []string{"modified IV→IV [amount 115,00 F→120,00 F]"},
		},
		{
			name: "doit becomes peut",
			edit: func(t *testing.T, s string) string {
				st, en := articleBlock(t, s, "11")
				block := s[st:en]
				if !strings.Contains(block, " doit ") {
					t.Fatal("article 11 has no 'doit'")
				}
				return s[:st] + strings.Replace(block, " doit ", " peut ", 1) + s[en:]
			},
			want: []string{"modified 11→11 [modality doit→peut]"},
		},
		{
			name: "re-wrap everything",
			edit: func(t *testing.T, s string) string {
				return rewrap(s, 60)
			},
			want: nil, // only cosmetic changes, checked below
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old, new := Parse(base), Parse(c.edit(t, base))
			d := Compare(old, new, CompareOptions{})
			got := listed(d, c.stale > 0)
			if c.stale > 0 {
				n := 0
				for _, ch := range d.Changes {
					for _, f := range ch.Facts {
						if f.Kind == FactReference && strings.Contains(f.Note, "now numbered") {
							n++
						}
					}
				}
				if n != c.stale {
					t.Errorf("%d stale references reported, want %d", n, c.stale)
				}
			}
			if c.want == nil {
				if d.Differs() {
					t.Errorf("re-wrapping gave substantive changes: %q", got)
				}
				if d.Summary.Cosmetic == 0 {
					t.Error("re-wrapping gave no cosmetic change")
				}
				return
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// renumbered lists the expected "unchanged n→n+1 renumbered" rows.
func renumbered(from, to int) []string {
	var out []string
	for n := from; n <= to; n++ {
		out = append(out, fmt.Sprintf("unchanged %d→%d renumbered", n-1, n))
	}
	return out
}

// rewrap breaks every long prose line at width columns, leaving headings,
// table rows and blank lines alone.
func rewrap(s string, width int) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if len(line) <= width || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "|") {
			b.WriteString(line + "\n")
			continue
		}
		col := 0
		for i, w := range strings.Fields(line) {
			if i > 0 {
				if col+1+len(w) > width {
					b.WriteString("\n")
					col = 0
				} else {
					b.WriteString(" ")
					col++
				}
			}
			b.WriteString(w)
			col += len(w)
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
