// Package synth generates large, realistic convention texts and edited
// versions of them, for benchmarks and the bench/ scripts: the real texts
// are far smaller than what avenant must handle.
package synth

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
)

// sentences are the building blocks of generated articles: the register of
// a convention médicale, with amounts, dates, modal verbs and references
// that the fact extractor will see.
var sentences = []string{
	"Le médecin conventionné s'engage à respecter les tarifs fixés par la présente convention.",
	"La consultation de référence G est fixée à 30 € à compter du 1er janvier 2025.",
	"Les caisses versent l'aide dans un délai de deux mois suivant la réception de la demande.",
	"Le médecin doit informer le patient du montant de ses honoraires avant tout acte.",
	"Le taux de prise en charge est porté à 70 % du tarif de responsabilité.",
	"Les dispositions de l'article 12 s'appliquent aux médecins exerçant en secteur 2.",
	"La commission paritaire locale se réunit au moins deux fois par an.",
	"Le forfait médecin traitant est versé trimestriellement pour chaque patient déclaré.",
	"Aucune majoration ne peut être facturée en dehors des cas prévus à l'annexe 1.",
	"Le contrat est conclu pour une durée de trois ans et renouvelable une fois.",
	"Les partenaires conventionnels procèdent chaque année à une évaluation du dispositif.",
	"Le médecin peut déroger aux tarifs en cas d'exigence particulière du patient.",
}

// Version is one generated text (not version metadata, which is
// store.Version): the text and how many articles it holds.
type Version struct {
	Text     string
	Articles int
}

// Base generates a convention of about size bytes: titles of twenty
// articles, each article three to six sentences.
func Base(size int, seed uint64) Version {
	r := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	b.Grow(size + 4096)
	b.WriteString("# Convention nationale synthétique\n\n")
	n := 0
	for b.Len() < size {
		if n%20 == 0 {
			fmt.Fprintf(&b, "## Titre %d - Dispositions du titre %d\n\n", n/20+1, n/20+1)
		}
		n++
		fmt.Fprintf(&b, "### Article %d - Objet %d\n\n", n, n)
		for k := 3 + r.IntN(4); k > 0; k-- {
			b.WriteString(sentences[r.IntN(len(sentences))])
			if r.IntN(3) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		fmt.Fprintf(&b, "Mention propre à l'article %d.\n\n", n)
	}
	return Version{Text: b.String(), Articles: n}
}

// Edit derives a new version in which about share of the articles changed:
// most edits change an amount or a word, some articles are inserted (which
// renumbers all that follow in the real texts; here numbers are kept so
// that the edit count stays exact), removed or moved.
func Edit(v Version, share float64, seed uint64) Version {
	r := rand.New(rand.NewPCG(seed, 2))
	blocks := strings.SplitAfter(v.Text, "\n### ")
	for i := 1; i < len(blocks); i++ {
		if r.Float64() >= share {
			continue
		}
		switch r.IntN(10) {
		case 0: // remove
			blocks[i] = ""
		case 1: // move towards the end
			j := i + 1 + r.IntN(len(blocks)-i)
			if j < len(blocks) {
				blocks[i], blocks[j] = blocks[j], blocks[i]
			}
		case 2: // insert a new article after this one
			blocks[i] += fmt.Sprintf("Article %d bis - Ajout\n\nLe présent article est ajouté par l'avenant %d. Il prend effet au 1er juillet 2026.\n\n### ", i, r.IntN(9)+1)
		default: // change an amount or a modal verb
			b := blocks[i]
			switch {
			case strings.Contains(b, "30 €"):
				b = strings.Replace(b, "30 €", "31,50 €", 1)
			case strings.Contains(b, " doit "):
				b = strings.Replace(b, " doit ", " peut ", 1)
			default:
				b = strings.Replace(b, "Mention propre", "Mention modifiée propre", 1)
			}
			blocks[i] = b
		}
	}
	text := strings.Join(blocks, "")
	return Version{Text: text, Articles: strings.Count(text, "\n### Article ")}
}

// Strings yields n strings of up to maxParts pieces drawn from alphabet,
// always the same for one seed: for tests that hold a fast scan to the
// simple rule it replaces, on inputs nobody would think to write.
func Strings(seed uint64, alphabet []string, maxParts, n int) iter.Seq[string] {
	return func(yield func(string) bool) {
		rng := rand.New(rand.NewPCG(seed, seed+1))
		var b strings.Builder
		for range n {
			b.Reset()
			for range rng.IntN(maxParts) {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			if !yield(b.String()) {
				return
			}
		}
	}
}
