package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/lazyre"
)

// billHeading is a numbered heading of a parliamentary text: "Article 1er",
// "TITRE 2 bis :", "CHAPITRE 1 A :". Its number is what Bill shifts.
var billHeading = lazyre.New(`(?m)^(Article|ARTICLE|TITRE|Titre|CHAPITRE|Chapitre|Section|SECTION) (\d+)(er)?\b`)

// Bill builds a pair of real-text versions from the steps of one bill, in
// procedure order: old puts the steps end to end, each step's headings
// numbered apart (step k's "Article 3" becomes "Article k003") so that the
// steps read as distinct clauses of one long text, as a consolidated code
// would; new is old with about share of its paragraphs edited the way
// amendments edit them (a number changed, a word replaced, a sentence
// added). The synthetic pair of Base and Edit repeats a dozen sentences;
// this one has the vocabulary, lengths and structure of real law, which is
// what the word diff and the fact extractor spend their time on.
func Bill(steps []string, share float64, seed uint64) (old, new Version) {
	var b strings.Builder
	for k, step := range steps {
		offset := (k + 1) * 1000
		b.WriteString(billHeading.ReplaceAllStringFunc(step, func(h string) string {
			m := billHeading.FindStringSubmatch(h)
			n, _ := strconv.Atoi(m[2])
			return m[1] + " " + strconv.Itoa(offset+n)
		}))
		b.WriteString("\n\n")
	}
	oldText := b.String()
	r := rand.New(rand.NewPCG(seed, 3))
	paragraphs := strings.SplitAfter(oldText, "\n\n")
	for i, p := range paragraphs {
		if billHeading.MatchString(p) || strings.TrimSpace(p) == "" || r.Float64() >= share {
			continue
		}
		paragraphs[i] = amend(p, r)
	}
	newText := strings.Join(paragraphs, "")
	count := func(s string) int { return len(billHeading.FindAllStringIndex(s, -1)) }
	return Version{Text: oldText, Articles: count(oldText)}, Version{Text: newText, Articles: count(newText)}
}

// digits is the first number of a paragraph, which amend raises.
var digits = lazyre.New(`\d+`)

// amend edits one paragraph as an amendment would, keeping its line end.
func amend(p string, r *rand.Rand) string {
	body := strings.TrimRight(p, "\n")
	tail := p[len(body):]
	switch r.IntN(3) {
	case 0:
		if loc := digits.FindStringIndex(body); loc != nil {
			n, _ := strconv.Atoi(body[loc[0]:loc[1]])
			return body[:loc[0]] + strconv.Itoa(n+1) + body[loc[1]:] + tail
		}
	case 1:
		for _, w := range []string{" peut ", " doit ", " au plus ", " les ", " la "} {
			if strings.Contains(body, w) {
				repl := map[string]string{" peut ": " doit ", " doit ": " peut ", " au plus ": " au moins ", " les ": " ces ", " la ": " cette "}[w]
				return strings.Replace(body, w, repl, 1) + tail
			}
		}
	}
	return body + fmt.Sprintf(" Cette disposition entre en vigueur le 1er janvier %d.", 2027+r.IntN(5)) + tail
}
