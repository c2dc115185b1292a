package clause

import (
	"strings"
	"testing"
)

// The Journal officiel and the codes print an article's first sentence on
// its heading's line: "Art. 1er. – Est approuvée…". That sentence is the
// article's text, not its title: changes in it must read as text changes,
// with their facts.
func TestParseRunInArticles(t *testing.T) {
	long := "Art. L. 162-5. – Les rapports entre les organismes d'assurance maladie et les médecins sont définis par une convention nationale conclue pour cinq ans."
	tests := []struct {
		name string
		in   string
		// want lists, for each article, "heading | text".
		want []string
	}{{
		name: "decree",
		in:   "Décrète :\n\nArt. 1er. – Est approuvée la convention nationale ci-annexée.\n\nArt. 2. − Le directeur de la sécurité sociale est chargé de l'exécution du présent arrêté.\n",
		want: []string{
			"Art. 1er. | Est approuvée la convention nationale ci-annexée.",
			"Art. 2. | Le directeur de la sécurité sociale est chargé de l'exécution du présent arrêté.",
		},
	}, {
		name: "longer than any title, and its text going on below",
		in:   "Chapitre 2 : Soins\n\n" + long + "\n\nLa convention détermine notamment :\n\n1° Les tarifs ;\n",
		want: []string{
			"Art. L. 162-5. | " + long[len("Art. L. 162-5. – "):] + "⏎⏎La convention détermine notamment :⏎⏎1° Les tarifs ;",
		},
	}, {
		name: "wrapped",
		in:   "Art. 1er. - La convention nationale organisant les rapports entre les\nmédecins et l'assurance maladie est approuvée.\n",
		want: []string{
			"Art. 1er. | La convention nationale organisant les rapports entre les⏎médecins et l'assurance maladie est approuvée.",
		},
	}, {
		name: "a first line ending with a comma",
		in:   "Art. 1er. - Les médecins, dans les conditions prévues à l'article 3,\npeuvent refuser.\n",
		want: []string{
			"Art. 1er. | Les médecins, dans les conditions prévues à l'article 3,⏎peuvent refuser.",
		},
	}, {
		name: "one style for the whole document",
		in:   "Art. 2. – Le présent arrêté entre en vigueur le 1er janvier 2025.\n\nArt. 3. – Abrogation\n",
		want: []string{
			"Art. 2. | Le présent arrêté entre en vigueur le 1er janvier 2025.",
			"Art. 3. | Abrogation",
		},
	}, {
		name: "in markdown",
		in:   "# Arrêté\n\n### Art. 1er. – Est approuvée la convention nationale ci-annexée.\n\nElle prend effet le 22 décembre 2024.\n\n### Article 2 – Exécution\n\nTexte.\n\n### Art. 3. – Objet ###\n",
		want: []string{
			"Art. 1er. | Est approuvée la convention nationale ci-annexée.⏎⏎Elle prend effet le 22 décembre 2024.",
			"Article 2 – Exécution | Texte.",
			"Art. 3. – Objet | ",
		},
	}, {
		name: "titles stay titles",
		in: "Article 1er. - Objet de la convention\n\nTexte.\n\nArticle 12 – Consultation\n\nTexte.\n\n" +
			"Article 13 : Visite à domicile\n\nTexte.\n\nArticle 14. Téléconsultation\n\nTexte.\n",
		want: []string{
			"Article 1er. - Objet de la convention | Texte.",
			"Article 12 – Consultation | Texte.",
			"Article 13 : Visite à domicile | Texte.",
			"Article 14. Téléconsultation | Texte.",
		},
	}, {
		name: "a long line in the conventions' style",
		in:   "Article 12 : Les médecins conventionnés s'engagent à respecter les tarifs fixés par la présente convention, sans dépassement, sauf exigence particulière.\n",
		want: []string{
			"Article 12 | Les médecins conventionnés s'engagent à respecter les tarifs fixés par la présente convention, sans dépassement, sauf exigence particulière.",
		},
	}, {
		name: "a dash, no period, and a sentence that states something",
		in:   "Arrêté\n\nArticle 1 - Est approuvée la convention nationale annexée au présent arrêté.\n\nArticle 2 - Le présent arrêté sera publié au Journal officiel.\n\nArticle 3 - Dispositions finales.\n\nTexte.\n\nArticle 4 - Les médecins et la caisse.\n\nTexte.\n",
		want: []string{
			"Article 1 | Est approuvée la convention nationale annexée au présent arrêté.",
			"Article 2 | Le présent arrêté sera publié au Journal officiel.",
			"Article 3 - Dispositions finales. | Texte.",
			"Article 4 - Les médecins et la caisse. | Texte.",
		},
	}, {
		name: "the same in markdown",
		in:   "# Arrêté\n\n### Article 2 - Le présent arrêté sera publié au Journal officiel.\n\n### Article 3 - Dispositions finales.\n\nTexte.\n",
		want: []string{
			"Article 2 | Le présent arrêté sera publié au Journal officiel.",
			"Article 3 - Dispositions finales. | Texte.",
		},
	}, {
		name: "no mark, and a sentence that states something",
		in:   "Article 1er\n\nTexte.\n\nArticle 29 Le médecin correspondant doit informer le médecin traitant dans un délai de 15 jours.\n\nArticle 30 Champ d'application\n\nTexte.\n\nArticle 31 A compter du 1er janvier 2025, le tarif est fixé à 30 €.\n",
		want: []string{
			"Article 1er | Texte.",
			"Article 29 | Le médecin correspondant doit informer le médecin traitant dans un délai de 15 jours.",
			"Article 30 Champ d'application | Texte.",
			"Article 31 | A compter du 1er janvier 2025, le tarif est fixé à 30 €.",
		},
	}, {
		name: "no mark, longer than any title",
		in:   "Article 1er\n\nTexte.\n\nArticle 29 Le médecin correspondant doit informer le médecin traitant dans un délai de 15 jours, par tout moyen, de la prise en charge du patient.\n\nArticle 30\n\nFin.\n",
		want: []string{
			"Article 1er | Texte.",
			"Article 29 | Le médecin correspondant doit informer le médecin traitant dans un délai de 15 jours, par tout moyen, de la prise en charge du patient.",
			"Article 30 | Fin.",
		},
	}, {
		name: "a sentence wrapped, after a dash or no mark",
		in:   "Article 1er\n\nTexte.\n\nArticle 2 - Le présent arrêté sera publié\nau Journal officiel de la République française.\n\nArticle 3 Le directeur général est chargé\nde l'exécution du présent arrêté.\n\nArticle 4\n\nFin.\n",
		want: []string{
			"Article 1er | Texte.",
			"Article 2 | Le présent arrêté sera publié⏎au Journal officiel de la République française.",
			"Article 3 | Le directeur général est chargé⏎de l'exécution du présent arrêté.",
			"Article 4 | Fin.",
		},
	}, {
		name: "a sentence wrapped, whatever its verb",
		in:   "Article 1er\n\nTexte.\n\nArticle 2 - Le directeur général de la caisse nationale notifie\naux caisses primaires les montants retenus.\n\nArticle 3 Les partenaires conventionnels examinent chaque année\nl'évolution des tarifs\net leur effet.\n\nArticle 4\n\nFin.\n",
		want: []string{
			"Article 1er | Texte.",
			"Article 2 | Le directeur général de la caisse nationale notifie⏎aux caisses primaires les montants retenus.",
			"Article 3 | Les partenaires conventionnels examinent chaque année⏎l'évolution des tarifs⏎et leur effet.",
			"Article 4 | Fin.",
		},
	}, {
		name: "a title wrapped",
		in:   "Article 11 – Objet\n\nTexte.\n\nArticle 12 – Conditions d'exercice des médecins en\nsecteur à honoraires différents\n\nLes médecins peuvent pratiquer des dépassements.\n\nArticle 13 - Durée de la\nconvention\nLa convention est conclue pour cinq ans.\n",
		want: []string{
			"Article 11 – Objet | Texte.",
			"Article 12 – Conditions d'exercice des médecins en secteur à honoraires différents | Les médecins peuvent pratiquer des dépassements.",
			"Article 13 - Durée de la convention | La convention est conclue pour cinq ans.",
		},
	}, {
		name: "a markdown heading wrapped, its title or its sentence",
		in: "# Convention\n\n## Article 11 – Objet\n\nTexte.\n\n## Article 12 – Conditions d'exercice des médecins en\nsecteur à honoraires différents\n\nLes médecins peuvent pratiquer des dépassements.\n\n" +
			"### Art. 13. – La convention nationale organisant les rapports entre les\nmédecins et l'assurance maladie est approuvée.\n\n### Article 14 - Le présent arrêté sera publié\nau Journal officiel.\n\n### Art. 15. – Objet ###\nsuite.\n",
		want: []string{
			"Article 11 – Objet | Texte.",
			"Article 12 – Conditions d'exercice des médecins en secteur à honoraires différents | Les médecins peuvent pratiquer des dépassements.",
			"Art. 13. | La convention nationale organisant les rapports entre les⏎médecins et l'assurance maladie est approuvée.",
			"Article 14 | Le présent arrêté sera publié⏎au Journal officiel.",
			"Art. 15. – Objet | suite.",
		},
	}, {
		name: "a title on the line under a bare heading",
		in: "Article 1er\nObjet de la convention\n\nLa présente convention fixe les rapports entre les parties.\n\nArticle 2\n\n**Tarifs des consultations**\n\nLa consultation est fixée à 30 €.\n\n" +
			"Article 3\nLes parties signataires conviennent\nde ce qui suit.\n\nArticle 4\n\nSuppression du forfait\n\n- le forfait A ;\n- le forfait B.\n\nArticle 5\n\nAbrogé\n\nArticle 6\n\nLe médecin informe la caisse\n\n| Code | Tarif |\n|---|---|\n| G | 30 € |\n\n" +
			"Article 7\n\nLe médecin est tenu de informer la caisse\n\nSans délai.\n",
		want: []string{
			"Article 1er – Objet de la convention | La présente convention fixe les rapports entre les parties.",
			"Article 2 – Tarifs des consultations | La consultation est fixée à 30 €.",
			"Article 3 | Les parties signataires conviennent⏎de ce qui suit.",
			"Article 4 | Suppression du forfait⏎⏎- le forfait A ;⏎- le forfait B.",
			"Article 5 | Abrogé",
			"Article 6 | Le médecin informe la caisse",
			"Article 7 | Le médecin est tenu de informer la caisse⏎⏎Sans délai.",
		},
	}, {
		name: "a title under a markdown heading",
		in:   "# Convention\n\n## Article 1er\n\nObjet de la convention\n\nLa présente convention fixe les rapports entre les parties.\n\n## Article 2\n\nLes parties signataires conviennent\nde ce qui suit.\n",
		want: []string{
			"Article 1er – Objet de la convention | La présente convention fixe les rapports entre les parties.",
			"Article 2 | Les parties signataires conviennent⏎de ce qui suit.",
		},
	}, {
		name: "an article quoted by an amending one stays in its text",
		in:   "Article 1er\n\nL'article 24 est ainsi rédigé :\n\nArt. 24. - Le Parlement vote la loi.\n\nArticle 2\n\nTexte.\n",
		want: []string{
			"Article 1er | L'article 24 est ainsi rédigé :⏎⏎Art. 24. - Le Parlement vote la loi.",
			"Article 2 | Texte.",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(tt.in)
			checkDocument(t, tt.in, d)
			var got []string
			for _, c := range d.Clauses {
				if c.Kind == KindArticle {
					got = append(got, c.Heading+" | "+strings.ReplaceAll(c.Text, "\n", "⏎"))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("articles:\n%s\nwant:\n%s\noutline:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), outline(d))
			}
		})
	}
}

// A change in a run-in article's sentence is a change of its text, with
// the facts it carries, however the heading is set apart from it.
func TestCompareRunInArticle(t *testing.T) {
	for _, heading := range []string{"Art. L. 162-5-1. – ", "Article 29 ", "Article 29 - "} {
		old := Parse(heading + "Le médecin doit informer le patient dans un délai de 15 jours.\n")
		new := Parse(heading + "Le médecin peut informer le patient dans un délai de 30 jours.\n")
		d := Compare(old, new, CompareOptions{})
		var kinds []string
		for _, c := range d.Changes {
			if c.Kind != Modified {
				continue
			}
			for _, f := range c.Facts {
				kinds = append(kinds, string(f.Kind)+" "+f.Old+" → "+f.New)
			}
		}
		want := "modality doit → peut\nduration 15 jours → 30 jours"
		if got := strings.Join(kinds, "\n"); got != want {
			t.Errorf("%q: facts:\n%s\nwant:\n%s", heading, got, want)
		}
	}
}

// TestStatesSomething: a sentence is told from a title by the signs of a
// verb, whatever the verb: none of the sentences' verbs below is on any
// list. A title is a noun phrase, however it opens and ends.
func TestStatesSomething(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Le présent arrêté prend effet le 1er janvier 2025.", true},
		{"Le directeur général de la santé veille à l'exécution du présent arrêté.", true},
		{"Les parties signataires conviennent de modifier la nomenclature", true},
		{"La caisse répond dans un délai de trois mois.", true},
		{"Le présent avenant entre en vigueur le 1er janvier 2026.", true},
		{"Cette disposition ne concerne que les médecins du secteur 1", true},
		{"Les tarifs figurant à l'annexe 1 s'appliquent aux actes", true},
		{"Un barème national tient compte de la composition du foyer.", true},
		{"Le présent arrêté sera publié au Journal officiel.", true},
		{"Dispositions finales.", false},
		{"Les médecins et la caisse.", false},
		{"Les engagements des parties signataires.", false},
		{"Conditions d'exercice des médecins en secteur à honoraires différents", false},
		{"Dispositions relatives à la permanence des soins ambulatoires", false},
		{"Mesures concernant les médecins installés en zone sous-dotée", false},
		{"Convention nationale des médecins signée le 25 août 2016", false},
		{"La rémunération forfaitaire des médecins traitants.", false},
		{"LES ENGAGEMENTS DES PARTIES SIGNATAIRES DE LA CONVENTION.", false},
		{"Le parcours de soins coordonnés", false},
	} {
		if got := statesSomething(tt.text); got != tt.want {
			t.Errorf("statesSomething(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestRunInWhateverTheVerb: an article's heading line that goes on with a
// sentence gives that sentence to its text, whatever its verb.
func TestRunInWhateverTheVerb(t *testing.T) {
	in := "Arrêté du 3 mai 2024\n\nArticle 1 - Le présent arrêté prend effet le 1er janvier 2025.\n\nArticle 2 - Le directeur général de la santé veille à l'exécution du présent arrêté.\n\nArticle 3 - Dispositions finales.\n\nArticle 4\n\nLes parties signataires conviennent de modifier la nomenclature\n\nLa modification prend effet au 1er juillet.\n"
	d := Parse(in)
	checkDocument(t, in, d)
	want := `0 title - arrete-du-3-mai-2024 | Arrêté du 3 mai 2024 | 
1 article 1 art-1 | Article 1 | Le présent arrêté prend effet le 1er jan
1 article 2 art-2 | Article 2 | Le directeur général de la santé veille 
1 article 3 art-3 | Article 3 - Dispositions finales. | 
1 article 4 art-4 | Article 4 | Les parties signataires conviennent de m
`
	if got := outline(d); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// TestRunInDocumentStyle: words after an article's number that read as a
// sentence only by a subject and a word that may be its verb are the
// article's name in a document that names its articles so, and its first
// sentence in one whose article lines open their text.
func TestRunInDocumentStyle(t *testing.T) {
	named := "Convention\n\nArticle 13 - Objet de la convention\n\nTexte.\n\nArticle 14 - Les engagements des parties.\n\nTexte.\n\n" +
		"Article 15 - Le forfait structure des cabinets médicaux.\n\nLe forfait est versé chaque année.\n"
	opened := "Arrêté du 3 mai 2024\n\nArticle 1 - Le présent arrêté prend effet le 1er janvier 2025.\n\n" +
		"Article 2 - La caisse verse des indemnités.\n\nArticle 3 - Dispositions finales.\n"
	for _, tt := range []struct{ in, want string }{
		{named, "Article 15 - Le forfait structure des cabinets médicaux. | Le forfait est versé chaque année."},
		{opened, "Article 2 | La caisse verse des indemnités."},
	} {
		d := Parse(tt.in)
		checkDocument(t, tt.in, d)
		got := ""
		for _, c := range d.Clauses {
			if strings.HasPrefix(tt.want, c.Heading+" |") {
				got = c.Heading + " | " + c.Text
			}
		}
		if got != tt.want {
			t.Errorf("got %q, want %q\n%s", got, tt.want, outline(d))
		}
	}
}
