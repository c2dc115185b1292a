package amend

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/reader"
)

// applyCase is one instruction applied to a base: the text of the clause
// it changes afterwards, or the error it gives.
type applyCase struct {
	name   string
	amend  string // the articles of the amending text, in Markdown
	clause string // the clause to look at afterwards: "article 19.4", "row G", "préambule"
	want   string // its text afterwards ("" with gone: it is removed)
	gone   bool
	err    string // the error instead, whole
}

// amendDoc parses an amending text given as its articles.
func amendDoc(articles string) *clause.Document {
	return clause.Parse("# Avenant n° 9\n\n" + articles + "\n")
}

// lookup finds a clause as a case names it.
func lookup(d *clause.Document, name string) *clause.Clause {
	kind, number, _ := strings.Cut(name, " ")
	for i := range d.Clauses {
		c := &d.Clauses[i]
		switch kind {
		case "article":
			if c.Kind == clause.KindArticle && clause.NormalizeNumber(c.Number) == clause.NormalizeNumber(number) {
				return c
			}
		case "row":
			if c.Kind == clause.KindItem && c.Number == number {
				return c
			}
		case "préambule":
			if c.Kind == clause.KindPreamble {
				return c
			}
		case "annex":
			if c.Kind == clause.KindAnnex && clause.NormalizeNumber(c.Number) == clause.NormalizeNumber(number) {
				return c
			}
		case "annexed":
			// An article under an annex.
			for k := i; k >= 0; k-- {
				if d.Clauses[k].Kind == clause.KindAnnex {
					if c.Kind == clause.KindArticle && clause.NormalizeNumber(c.Number) == clause.NormalizeNumber(number) {
						return c
					}
					break
				}
			}
		case "heading":
			if c.Kind == clause.KindArticle && clause.NormalizeNumber(c.Number) == clause.NormalizeNumber(number) {
				return &clause.Clause{Text: c.Heading}
			}
		}
	}
	return nil
}

func runApplyCases(t *testing.T, base *clause.Document, cases []applyCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set, err := parse(amendDoc(tc.amend))
			var res *Result
			if err == nil {
				res, err = apply(base, set, Markdown)
			}
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			text, err := reader.Decode([]byte(res.Text))
			if err != nil {
				t.Fatal(err)
			}
			got := lookup(clause.Parse(text), tc.clause)
			switch {
			case tc.gone && got != nil:
				t.Fatalf("%s is still there: %q", tc.clause, got.Text)
			case tc.gone:
			case got == nil:
				t.Fatalf("%s is not in the result", tc.clause)
			case got.Text != tc.want:
				t.Fatalf("%s:\n got %q\nwant %q", tc.clause, got.Text, tc.want)
			}
			if len(res.Traces) == 0 {
				t.Errorf("no trace")
			}
		})
	}
}

func TestApplyConvention(t *testing.T) {
	runApplyCases(t, fixture(t, "05-convention-2024-06.md"), []applyCase{
		{name: "les mots", amend: "### Article 1er\n\nAu second alinéa de l'article 19.4, les mots : « la deuxième année » sont remplacés par les mots : « la troisième année ».",
			clause: "article 19.4", want: "La caisse vérifie chaque année l'atteinte des engagements prévus par le contrat. Lorsque les engagements ne sont pas atteints, le médecin est invité à présenter ses observations dans un délai d'un mois.\n\nLa caisse peut suspendre le versement de l'aide mentionnée à l'article 19.2 lorsque le médecin n'a pas atteint ses engagements au terme de la troisième année du contrat."},
		{name: "le tarif of a row", amend: "### Article 1er\n\nÀ la ligne G de l'annexe 1, le tarif : « 30 € » est remplacé par le tarif : « 31 € ».",
			clause: "row G", want: "| G | Consultation de référence du médecin généraliste | 31 € |"},
		{name: "a row named in quotes", amend: "### Article 1er\n\nDans le tableau de l'annexe 1, à la ligne « G », le tarif : « 30 € » est remplacé par le tarif : « 31 € ».",
			clause: "row G", want: "| G | Consultation de référence du médecin généraliste | 31 € |"},
		{name: "rows named in quotes", amend: "### Article 1er\n\nAux lignes « G » et « GS », le tarif « 30 € » est remplacé par « 32 € ».",
			clause: "row GS", want: "| GS | Consultation du médecin spécialiste en médecine générale | 32 € |"},
		{name: "several rows", amend: "### Article 1er\n\nAux lignes G et GS, le tarif « 30 € » est remplacé par « 32 € ».",
			clause: "row GS", want: "| GS | Consultation du médecin spécialiste en médecine générale | 32 € |"},
		{name: "several rows, one without the words", amend: "### Article 1er\n\nAux lignes G, GS et TCG, le tarif « 30 € » est remplacé par « 32 € ».",
			err: "Article 1er: the words « 30 € » are not in row TCG"},
		{name: "points in dashes", amend: "### Article 1er\n\nL'article 3 est modifié comme suit :\n\n- au premier alinéa, le mot : « cinq » est remplacé par le mot : « six » ;\n- le second alinéa est supprimé.",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de six ans à compter de leur entrée en vigueur."},
		{name: "points in dashes on one line", amend: "### Article 1er\n\nL'article 3 est modifié comme suit : - au premier alinéa, le mot : « cinq » est remplacé par le mot : « six » ; - le second alinéa est supprimé.",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de six ans à compter de leur entrée en vigueur."},
		{name: "a wrong dash", amend: "### Article 1er\n\nL'article 3 est modifié comme suit :\n\n- au premier alinéa, le mot : « cinquante » est remplacé par le mot : « six ».",
			err: "Article 1er, 1er tiret: the words « cinquante » are not in the 1st alinéa of article 3"},
		{name: "two alinéas in one instruction", amend: "### Article 1er\n\nÀ l'article 3, au premier alinéa, le mot : « cinq » est remplacé par le mot : « six » et le second alinéa est supprimé.",
			err: "Article 1er: names alinéas apart in one sentence (premier alinéa, second alinéa): write one instruction for each, or name them in one list (« aux deuxième et troisième alinéas »)"},
		{name: "alinéas listed", amend: "### Article 1er\n\nLes premier et second alinéas de l'article 3 sont supprimés.",
			clause: "article 3", want: ""},
		{name: "le taux", amend: "### Article 2\n\nAu premier alinéa de l'article 35, le taux : « 9,7 % » est remplacé par le taux : « 10 % ».",
			clause: "article 35", want: "Les caisses participent au financement des cotisations d'assurance maladie, maternité et décès des médecins exerçant en secteur 1, à hauteur de 10 % du montant des honoraires conventionnels, déduction faite des dépassements.\n\nElles participent également au financement des cotisations d'allocations familiales et du régime des avantages supplémentaires de vieillesse, dans les conditions prévues par les textes réglementaires."},
		{name: "la date", amend: "### Article 2\n\nÀ l'article 41 bis, la date : « 31 décembre 2025 » est remplacée par la date : « 30 juin 2026 ».",
			clause: "article 41 bis", want: "Les partenaires conventionnels se réunissent avant le 30 juin 2026 afin d'établir un premier bilan de l'impact des présentes dispositions sur l'accès aux soins, la qualité et la pertinence des soins. Au vu de ce bilan, ils peuvent convenir d'adapter les mesures tarifaires et les engagements prévus par les présentes dispositions."},
		{name: "le montant, point in figures", amend: "### Article 2\n\nAu 2° de l'article 18, le montant : « 51,50 € » est remplacé par le montant : « 55 € ».",
			clause: "article 18", want: "Les médecins participent à la permanence des soins ambulatoires dans les conditions fixées par le cahier des charges régional arrêté par le directeur général de l'agence régionale de santé.\n\nLes actes réalisés dans le cadre de la permanence des soins ambulatoires, sur régulation du centre 15 ou du service d'accès aux soins, donnent lieu aux majorations suivantes :\n1° de 20 heures à minuit : 42,50 € ;\n2° de minuit à 8 heures : 55 € ;\n3° le dimanche et les jours fériés, de 8 heures à 20 heures : 26,50 €."},
		{name: "les termes, préambule", amend: "### Article 1er\n\nAu premier alinéa du préambule, les termes « le 15 novembre 2023 » sont remplacés par les termes « le 16 novembre 2023 ».",
			clause: "préambule", want: strings.Replace(lookup(fixture(t, "05-convention-2024-06.md"), "préambule").Text, "le 15 novembre", "le 16 novembre", 1)},
		{name: "insert words after", amend: "### Article 1er\n\nÀ la dernière phrase de l'article 41, après le mot : « rendu », sont insérés les mots : « chaque année ».",
			clause: "article 41", want: "La commission paritaire nationale établit chaque année un bilan de l'application des présentes dispositions, portant notamment sur l'évolution de l'accès aux soins, de la démographie médicale et des dépenses d'assurance maladie. Ce bilan est rendu chaque année public."},
		{name: "complété par les mots", amend: "### Article 1er\n\nL'article 41 est complété par les mots : « et transmis au ministre chargé de la santé ».",
			clause: "article 41", want: "La commission paritaire nationale établit chaque année un bilan de l'application des présentes dispositions, portant notamment sur l'évolution de l'accès aux soins, de la démographie médicale et des dépenses d'assurance maladie. Ce bilan est rendu public et transmis au ministre chargé de la santé."},
		{name: "delete words", amend: "### Article 1er\n\nAu premier alinéa de l'article 2, les mots : « , y compris en société d'exercice libéral ou au sein d'une maison de santé pluriprofessionnelle » sont supprimés.",
			clause: "article 2", want: "Les présentes dispositions s'appliquent aux médecins généralistes et spécialistes exerçant à titre libéral.\n\nElles s'appliquent également aux médecins remplaçants, dans les conditions prévues pour le médecin qu'ils remplacent. Les médecins salariés exerçant exclusivement en établissement de santé n'entrent pas dans leur champ."},
		{name: "rewrite an article", amend: "### Article 1er\n\nL'article 15 est ainsi rédigé :\n\n« Le contrat de transition est proposé au médecin âgé de soixante-cinq ans et plus.\n\n« Il est conclu pour trois ans. »",
			clause: "article 15", want: "Le contrat de transition est proposé au médecin âgé de soixante-cinq ans et plus.\n\nIl est conclu pour trois ans."},
		{name: "rewrite an article with its heading", amend: "### Article 1er\n\nL'article 15 est ainsi rédigé :\n\n« Article 15 - Contrat de fin d'activité\n\n« Le contrat est proposé au médecin qui cesse son activité. »",
			clause: "heading 15", want: "Article 15 - Contrat de fin d'activité"},
		{name: "an alinéa replaced by two", amend: "### Article 1er\n\nLe second alinéa de l'article 3 est remplacé par deux alinéas ainsi rédigés :\n\n« Elles peuvent être modifiées par avenant.\n\n« Elles sont publiées au Journal officiel. »",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de cinq ans à compter de leur entrée en vigueur.\n\nElles peuvent être modifiées par avenant.\n\nElles sont publiées au Journal officiel."},
		// The number of units announced is the number quoted: before,
		// three quoted alinéas for "deux alinéas" were all inserted,
		// and "deux articles 33 bis et 33 ter" with one quoted inserted
		// 33 bis alone.
		{name: "more alinéas quoted than announced", amend: "### Article 1er\n\nL'article 3 est complété par deux alinéas ainsi rédigés :\n\n« Elles sont publiées.\n\n« Elles sont notifiées.\n\n« Elles sont affichées. »",
			err: "Article 1er: announces deux alinéas, and quotes 3"},
		{name: "fewer alinéas quoted than announced", amend: "### Article 1er\n\nLe second alinéa de l'article 3 est remplacé par deux alinéas ainsi rédigés : « Elles peuvent être modifiées par avenant. »",
			err: "Article 1er: announces deux alinéas, and quotes 1"},
		{name: "fewer articles quoted than announced", amend: "### Article 1er\n\nAprès l'article 33, sont insérés deux articles 33 bis et 33 ter ainsi rédigés :\n\n« Article 33 bis - Télésoin\n\n« Le médecin peut réaliser des actes de télésoin. »",
			err: "Article 1er: announces deux articles, and quotes 1"},
		{name: "two sentences for one", amend: "### Article 1er\n\nL'article 31 est complété par une phrase ainsi rédigée : « Il l'applique aussi en urgence. Il en informe la caisse. »",
			err: "Article 1er: announces une phrase, and quotes 2"},
		{name: "rewrite an alinéa", amend: "### Article 1er\n\nLe deuxième alinéa de l'article 3 est ainsi rédigé : « Elles peuvent être modifiées par avenant. »",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de cinq ans à compter de leur entrée en vigueur.\n\nElles peuvent être modifiées par avenant."},
		{name: "rewrite a heading", amend: "### Article 1er\n\nL'intitulé de l'article 33 est ainsi rédigé : « Téléexpertise ».",
			clause: "heading 33", want: "Article 33 - Téléexpertise"},
		{name: "rewrite a heading, quoted with its number", amend: "### Article 1er\n\nL'intitulé de l'article 33 est ainsi rédigé : « Article 33 - Téléexpertise ».",
			clause: "heading 33", want: "Article 33 - Téléexpertise"},
		{name: "insert an alinéa after the first", amend: "### Article 1er\n\nAprès le premier alinéa de l'article 11, il est inséré un alinéa ainsi rédigé :\n\n« L'avis est rendu dans un délai d'un mois. »",
			clause: "article 11", want: "Le médecin spécialiste consultant qui, à la demande expresse du médecin traitant, reçoit le patient pour un avis ponctuel et adresse ses conclusions au médecin traitant peut coter l'avis ponctuel de consultant, dont le tarif est fixé à l'annexe 1.\n\nL'avis est rendu dans un délai d'un mois.\n\nLe patient ne doit pas avoir été vu par le consultant dans les quatre mois qui précèdent l'avis, ni être revu par lui dans les quatre mois qui suivent pour la même pathologie."},
		{name: "complété par un alinéa", amend: "### Article 1er\n\nL'article 13 est complété par un alinéa ainsi rédigé : « La liste des zones est publiée chaque année. »",
			clause: "article 13", want: "Les mesures du présent chapitre s'appliquent aux médecins installés ou exerçant dans les zones caractérisées par une offre de soins insuffisante ou par des difficultés dans l'accès aux soins, définies par le directeur général de l'agence régionale de santé en application de l'article L. 1434-4 du code de la santé publique.\n\nLa liste des zones est publiée chaque année."},
		{name: "insert a sentence", amend: "### Article 1er\n\nAprès la première phrase de l'article 23, est insérée une phrase ainsi rédigée : « Il en conserve une copie. »",
			clause: "article 23", want: "Le médecin prescrit les arrêts de travail de manière dématérialisée, au moyen du téléservice mis à sa disposition, sauf impossibilité technique. Il en conserve une copie. L'arrêt de travail prescrit à l'issue d'une téléconsultation ne peut excéder trois jours, sauf lorsqu'il est prescrit par le médecin traitant."},
		{name: "2002 form: alinéa after the words", amend: "### Article 1er\n\nDans le préambule de l'article 27 de la convention nationale, après les termes « dit secteur 2. », est ajouté un alinéa rédigé dans les termes suivants : « Le secteur 2 est fermé aux nouveaux installés. »",
			clause: "article 27", want: "Les médecins exercent en secteur à honoraires opposables, dit secteur 1, ou en secteur à honoraires différents, dit secteur 2. Les conditions d'accès au secteur 2 sont celles qui étaient en vigueur à la date d'entrée en vigueur des présentes dispositions.\n\nLe secteur 2 est fermé aux nouveaux installés.\n\nLe médecin qui s'installe pour la première fois en exercice libéral choisit son secteur d'exercice au moment de son installation. Ce choix est définitif, sauf dans les cas prévus par les présentes dispositions."},
		{name: "insert an article", amend: "### Article 1er\n\nAprès l'article 33, il est inséré un article 33 bis ainsi rédigé :\n\n« Le médecin peut réaliser des actes de télésoin. »",
			clause: "article 33 bis", want: "Le médecin peut réaliser des actes de télésoin."},
		{name: "repeal an article", amend: "### Article 1er\n\nL'article 15 est abrogé.", clause: "article 15", gone: true},
		{name: "supprimé", amend: "### Article 1er\n\nL'article 2 bis est supprimé.", clause: "article 2 bis", gone: true},
		// A range takes every article from its first to its last in the
		// text's order, 12 bis included, and nothing past them.
		{name: "repeal a range", amend: "### Article 1er\n\nLes articles 12 à 13 sont abrogés.", clause: "article 12 bis", gone: true},
		{name: "a range's last", amend: "### Article 1er\n\nLes articles 12 à 13 sont abrogés.", clause: "article 13", gone: true},
		{name: "past a range", amend: "### Article 1er\n\nLes articles 12 à 13 sont abrogés.", clause: "article 14",
			want: lookup(fixture(t, "05-convention-2024-06.md"), "article 14").Text},
		{name: "words in a range", amend: "### Article 1er\n\nAux articles 11 à 13, les mots : « zones d'intervention prioritaire » sont remplacés par les mots : « zones sous-denses ».",
			err: "Article 1er: the words « zones d'intervention prioritaire » are not in article 11"},
		{name: "a range backwards", amend: "### Article 1er\n\nLes articles 14 à 12 sont abrogés.",
			err: "Article 1er: names a range that runs backwards (articles 14 à 12): article 12 comes before article 14"},
		{name: "repeal a point", amend: "### Article 1er\n\nLe c) de l'article 21 est supprimé.",
			clause: "article 21", want: "Les partenaires conventionnels définissent chaque année des programmes d'actions portant sur la pertinence des prescriptions et des actes, appuyés sur les recommandations de la Haute Autorité de santé et assortis d'objectifs chiffrés.\n\nCes programmes portent en priorité sur :\na) la prescription d'antibiotiques ;\nb) la prescription d'examens de biologie médicale ;\nd) la iatrogénie médicamenteuse chez le patient âgé."},
		{name: "renumber", amend: "### Article 1er\n\nL'article 26.3 devient l'article 26.4.",
			clause: "heading 26.4", want: "Article 26.4 - Voies de recours"},
		{name: "renumber a list", amend: "### Article 1er\n\nLes articles 26.2 et 26.3 deviennent respectivement les articles 26.3 et 26.4.",
			clause: "heading 26.4", want: "Article 26.4 - Voies de recours"},
		{name: "renumber a range", amend: "### Article 1er\n\nLes articles 19.2 à 19.5 deviennent respectivement les articles 19.3 à 19.6.",
			clause: "heading 19.6", want: "Article 19.6 - Pérennisation de l'aide"},
		{name: "renumber a range, miscounted", amend: "### Article 1er\n\nLes articles 19.2 à 19.5 deviennent les articles 19.3 à 19.7.",
			err: "Article 1er: articles 19.2 to 19.5 are 4 articles: renumbered from 19.3, the last is 19.6, not 19.7"},
		{name: "insert two articles", amend: "### Article 1er\n\nAprès l'article 17, sont insérés des articles 17 ter et 17 quater ainsi rédigés :\n\n« Article 17 ter - Visites\n\n« Texte du 17 ter.\n\n« Article 17 quater - Gardes\n\n« Texte du 17 quater. »",
			clause: "article 17 quater", want: "Texte du 17 quater."},
		{name: "delete a row", amend: "### Article 1er\n\nLa ligne MPC est supprimée.", clause: "row MPC", gone: true},
		{name: "insert a row", amend: "### Article 1er\n\nAprès la ligne MRT de l'annexe 1, il est inséré une ligne ainsi rédigée : « | IK | Indemnité kilométrique | 0,61 € | ».",
			err: "Article 1er: row MRT is not in annexe 1"},
		{name: "enumeration inline", amend: "### Article 1er\n\nL'article 10 est ainsi modifié : 1° Au premier alinéa, le montant : « 30 € » est remplacé par le montant : « 32 € » ; 2° Le second alinéa est supprimé.",
			clause: "article 10", want: "La consultation de référence du médecin généraliste, cotée G, et la consultation du médecin spécialiste en médecine générale, cotée GS, sont fixées à 32 € à compter du 22 décembre 2024."},
		{name: "ordinals: avant-dernier and dernier", amend: "### Article 1er\n\nL'article 4 est ainsi modifié :\n\n1° À l'avant-dernier alinéa, le mot : « formulaire » est remplacé par le mot : « bulletin » ;\n\n2° Le dernier alinéa est supprimé.",
			err: "Article 1er, 1°: the words « formulaire » are in the last but one alinéa of article 4 twice: name the alinéa or the sentence"},
		{name: "ordinals: troisième", amend: "### Article 1er\n\nL'article 4 est ainsi modifié :\n\n1° À la première phrase de l'avant-dernier alinéa, le mot : « formulaire » est remplacé par le mot : « bulletin » ;\n\n2° Le troisième alinéa est supprimé.",
			clause: "article 4", want: "Les médecins exerçant à titre libéral à la date d'entrée en vigueur des présentes dispositions sont réputés y adhérer. Le médecin qui ne souhaite pas y adhérer en informe la caisse du lieu de son installation principale par lettre recommandée avec avis de réception, dans un délai d'un mois à compter de cette date.\n\nLe médecin qui s'installe en exercice libéral adhère aux présentes dispositions en adressant à la caisse un bulletin d'adhésion. L'adhésion prend effet à la date de réception du formulaire par la caisse."},
		{name: "même article", amend: "### Article 1er\n\n1° Au premier alinéa de l'article 3, le mot : « cinq » est remplacé par le mot : « quatre » ;\n\n2° Le second alinéa du même article est supprimé.",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de quatre ans à compter de leur entrée en vigueur."},
		{name: "union counter-proposal", amend: "## Amendement n° 1\n\nAmendement à l'article 12 : remplacer les mots « doit organiser » par les mots « organise ».",
			clause: "article 12", want: "Le médecin généraliste participe, dans la mesure de ses possibilités, à la prise en charge des demandes de soins non programmés de ses patients et des patients qui ne disposent pas de médecin traitant sur le territoire.\n\nLe médecin traitant organise son activité de manière à pouvoir recevoir ses patients dont l'état de santé le justifie dans un délai de quarante-huit heures."},
		{name: "throughout the text", amend: "### Article 1er\n\nDans l'ensemble de la convention, les mots : « commission paritaire locale » sont remplacés par les mots : « commission paritaire départementale ».",
			clause: "article 38", want: "Une commission paritaire départementale est instituée dans le ressort de chaque caisse primaire. Elle se réunit au moins une fois par semestre. Elle examine les situations individuelles des médecins qui lui sont soumises et rend un avis sur les manquements qui leur sont reprochés."},
		{name: "throughout the text, nowhere", amend: "### Article 1er\n\nDans l'ensemble de la convention, les mots « règlement minimal » sont supprimés.",
			err: "Article 1er: the words « règlement minimal » are nowhere in the text"},
		{name: "a second replacement, its verb understood", amend: "### Article 1er\n\nAu premier alinéa de l'article 3, le mot « cinq » est remplacé par le mot « quatre » et les mots « leur entrée » par les mots « la date de leur entrée ».",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de quatre ans à compter de la date de leur entrée en vigueur.\n\nElles peuvent être modifiées dans les conditions prévues aux articles L. 162-14-1 et L. 162-15 du code de la sécurité sociale."},
		{name: "remplacé par le texte suivant", amend: "### Article 1er\n\nLe texte de l'article 31 est remplacé par le texte suivant : « Le médecin pratique le tiers payant. »",
			clause: "article 31", want: "Le médecin pratique le tiers payant."},
		{name: "an article placed by its number", amend: "### Article 1er\n\nIl est créé un article 12.1 ainsi rédigé :\n\n« Article 12.1 - Régulation\n\n« Le médecin participe à la régulation. »",
			clause: "article 12.1", want: "Le médecin participe à la régulation."},
		{name: "an article already there", amend: "### Article 1er\n\nAprès l'article 12, il est inséré un article 12 bis ainsi rédigé : « Texte. »",
			err: "Article 1er: article 12 bis is already in the text"},
		{name: "an instruction about the avenant's annex", amend: "### Article 1er\n\nL'annexe 1 est remplacée par l'annexe jointe au présent avenant.",
			err: "Article 1er: the avenant has no annex"},
		{name: "an annex replaced by the avenant's", amend: "### Article 1er\n\nL'annexe 1 est remplacée par l'annexe 1 du présent avenant.\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation de référence | 32 € |\n| VL | Visite longue | 72 € |",
			clause: "row VL", want: "| VL | Visite longue | 72 € |"},
		{name: "an annex replaced, its rows gone", amend: "### Article 1er\n\nL'annexe 1 est remplacée par l'annexe jointe au présent avenant.\n\n## Annexe 1 - Nouveaux tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation de référence | 32 € |",
			clause: "row GS", gone: true},
		{name: "an annex rewritten by a quoted table", amend: "### Article 1er\n\nL'annexe 1 est remplacée par les dispositions suivantes :\n\n« Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation de référence | 32 € |\n| VL | Visite longue | 72 € | »",
			clause: "row G", want: "| G | Consultation de référence | 32 € |"},
		{name: "an annex rewritten by a quoted table, its rows gone", amend: "### Article 1er\n\nL'annexe 1 est ainsi rédigée :\n\n« | Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation de référence | 32 € |\n| VL | Visite longue | 72 € |\n»",
			clause: "row GS", gone: true},
		{name: "a quoted table, then a row added", amend: "### Article 1er\n\nL'annexe 1 est remplacée par les dispositions suivantes :\n\n« Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation de référence | 32 € | »\n\n### Article 2\n\nAprès la ligne G de l'annexe 1, il est inséré une ligne ainsi rédigée : « | VL | Visite longue | 72 € | ».",
			clause: "row VL", want: "| VL | Visite longue | 72 € |"},
		{name: "a point inserted among points", amend: "### Article 1er\n\nAprès le 2° de l'article 18, il est inséré un 2° bis ainsi rédigé : « 2° bis de 8 heures à 10 heures : 30 € ; »",
			clause: "article 18", want: "Les médecins participent à la permanence des soins ambulatoires dans les conditions fixées par le cahier des charges régional arrêté par le directeur général de l'agence régionale de santé.\n\nLes actes réalisés dans le cadre de la permanence des soins ambulatoires, sur régulation du centre 15 ou du service d'accès aux soins, donnent lieu aux majorations suivantes :\n1° de 20 heures à minuit : 42,50 € ;\n2° de minuit à 8 heures : 51,50 € ;\n2° bis de 8 heures à 10 heures : 30 € ;\n3° le dimanche et les jours fériés, de 8 heures à 20 heures : 26,50 €."},
		{name: "complété par un troisième alinéa", amend: "### Article 1er\n\nL'article 3 est complété par un troisième alinéa ainsi rédigé : « Elles sont publiées au Journal officiel. »",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de cinq ans à compter de leur entrée en vigueur.\n\nElles peuvent être modifiées dans les conditions prévues aux articles L. 162-14-1 et L. 162-15 du code de la sécurité sociale.\n\nElles sont publiées au Journal officiel."},
		{name: "la phrase suivante", amend: "### Article 1er\n\nIl est ajouté à la fin de l'article 31 la phrase suivante : « Il l'applique aussi aux patients en situation d'urgence. »",
			clause: "article 31", want: "Le médecin peut pratiquer la dispense d'avance des frais pour la part des dépenses prise en charge par l'assurance maladie obligatoire. Il l'applique aux patients pris en charge au titre d'une affection de longue durée ou de la maternité, pour les soins en rapport avec celles-ci. Il l'applique aussi aux patients en situation d'urgence."},
		{name: "a point of the avenant's own", amend: "### Article 1er\n\nI. - L'article 15 est abrogé.\n\nII. - Le présent article entre en vigueur le 1er janvier 2026.",
			clause: "article 15", gone: true},
		{name: "complétées comme suit", amend: "### Article 1er\n\nLes dispositions de l'article 31 sont complétées comme suit : « Il l'applique aussi aux victimes d'accidents du travail. »",
			clause: "article 31", want: "Le médecin peut pratiquer la dispense d'avance des frais pour la part des dépenses prise en charge par l'assurance maladie obligatoire. Il l'applique aux patients pris en charge au titre d'une affection de longue durée ou de la maternité, pour les soins en rapport avec celles-ci.\n\nIl l'applique aussi aux victimes d'accidents du travail."},
		{name: "modifié comme suit, the new text quoted", amend: "### Article 1er\n\nLe second alinéa de l'article 3 est modifié comme suit : « Elles peuvent être modifiées par avenant. »",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de cinq ans à compter de leur entrée en vigueur.\n\nElles peuvent être modifiées par avenant."},
		{name: "la phrase « … » est supprimée", amend: "### Article 1er\n\nAu premier alinéa de l'article 12 bis, la phrase : « dont le montant est fixé à l'annexe 1 » est remplacée par la phrase : « fixée à l'annexe 1 ».",
			clause: "article 12 bis", want: "Lorsqu'il prend en charge un patient à la demande du service d'accès aux soins ou du centre de régulation, le médecin perçoit une majoration pour soins non programmés, fixée à l'annexe 1.\n\nLe médecin qui participe à la régulation au sein du service d'accès aux soins est rémunéré selon les modalités fixées par les textes réglementaires relatifs à la permanence des soins."},
		{name: "union amendments, their target in the heading", amend: "## Amendement n° 1 à l'article 3\n\nRemplacer le mot « cinq » par le mot « quatre ».\n\n## Amendement n° 2 à l'article 3\n\nSupprimer le second alinéa.",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de quatre ans à compter de leur entrée en vigueur."},
		{name: "the last sentence of an alinéa, not the last", amend: "### Article 1er\n\nLa dernière phrase du premier alinéa de l'article 19.4 est supprimée.",
			clause: "article 19.4", want: "La caisse vérifie chaque année l'atteinte des engagements prévus par le contrat.\n\nLa caisse peut suspendre le versement de l'aide mentionnée à l'article 19.2 lorsque le médecin n'a pas atteint ses engagements au terme de la deuxième année du contrat."},
		{name: "paragraphe for alinéa", amend: "### Article 1er\n\nAu second paragraphe de l'article 19.4, les mots : « La caisse » sont remplacés par les mots : « L'organisme ».",
			clause: "article 19.4", want: "La caisse vérifie chaque année l'atteinte des engagements prévus par le contrat. Lorsque les engagements ne sont pas atteints, le médecin est invité à présenter ses observations dans un délai d'un mois.\n\nL'organisme peut suspendre le versement de l'aide mentionnée à l'article 19.2 lorsque le médecin n'a pas atteint ses engagements au terme de la deuxième année du contrat."},
		{name: "an alinéa named by its words, then its place", amend: "### Article 1er\n\nLe paragraphe « Elles peuvent être modifiées dans les conditions prévues aux articles L. 162-14-1 et L. 162-15 du code de la sécurité sociale. » de l'article 3 est remplacé par le paragraphe suivant : « Elles peuvent être modifiées par avenant. »",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de cinq ans à compter de leur entrée en vigueur.\n\nElles peuvent être modifiées par avenant."},
		{name: "an alinéa named by its words, deleted", amend: "### Article 1er\n\nÀ l'article 3, l'alinéa : « Elles peuvent être modifiées dans les conditions prévues aux articles L. 162-14-1 et L. 162-15 du code de la sécurité sociale. » est supprimé.",
			clause: "article 3", want: "Les présentes dispositions sont applicables pour une durée de cinq ans à compter de leur entrée en vigueur."},
		{name: "a sentence named by its words, then its place", amend: "### Article 1er\n\nLa phrase « Il l'applique aux patients pris en charge au titre d'une affection de longue durée ou de la maternité, pour les soins en rapport avec celles-ci. » de l'article 31 est supprimée.",
			clause: "article 31", want: "Le médecin peut pratiquer la dispense d'avance des frais pour la part des dépenses prise en charge par l'assurance maladie obligatoire."},
		{name: "an annex created", amend: "### Article 1er\n\nIl est créé une annexe 2 ainsi rédigée :\n\n« Annexe 2 - Téléconsultation\n\n« Les actes de téléconsultation sont facturés au tarif de la consultation. »",
			clause: "annex 2", want: "Les actes de téléconsultation sont facturés au tarif de la consultation."},
		{name: "an annex created, its text alone quoted", amend: "### Article 1er\n\nIl est ajouté une annexe 2 rédigée comme suit : « Les actes sont facturés. »",
			clause: "annex 2", want: "Les actes sont facturés."},
		{name: "an annex inserted after another, with its table", amend: "### Article 1er\n\nAprès l'annexe 1, il est inséré une annexe 1 bis ainsi rédigée : « Annexe 1 bis - Forfaits\n\n« | Code | Libellé | Tarif |\n« |---|---|---|\n« | FPMT | Forfait patientèle | 5 € | »",
			clause: "row FPMT", want: "| FPMT | Forfait patientèle | 5 € |"},
		{name: "an annex created that exists", amend: "### Article 1er\n\nIl est créé une annexe 1 ainsi rédigée : « Texte. »",
			err: "Article 1er: annexe 1 is already in the text"},
		{name: "words not there", amend: "### Article 1er\n\nÀ l'article 3, le montant : « 99,99 € » est remplacé par le montant : « 100 € ».",
			err: "Article 1er: the words « 99,99 € » are not in article 3"},
		{name: "no such article", amend: "### Article 1er\n\nL'article 99 est abrogé.", err: "Article 1er: article 99 is not in the text"},
		{name: "no such alinéa", amend: "### Article 1er\n\nLe cinquième alinéa de l'article 3 est supprimé.", err: "Article 1er: the 5th alinéa is not in article 3 (it has 2)"},
		{name: "not understood", amend: "### Article 1er\n\nL'article 3 est modifié selon les vœux des parties.",
			err: "Article 1er: instruction not understood: L'article 3 est modifié selon les vœux des parties."},
		{name: "a quotation never closed", amend: "### Article 2\n\nL'article 3 est ainsi rédigé : « Texte.", err: "Article 2: a quotation is never closed"},
		{name: "another code", amend: "### Article 1er\n\nL'article L. 162-5 du code de la sécurité sociale est abrogé.",
			err: "Article 1er: amends the code de la sécurité sociale, not this text (« Convention nationale organisant les rapports entre les médecins libéraux et l'as… »)"},
		{name: "another code, points under it", amend: "### Article 1er\n\nL'article L. 162-5 du code de la sécurité sociale est ainsi modifié :\n\n1° Le 2° est abrogé ;\n\n2° Le 3° est abrogé.",
			err: "Article 1er, 1°: amends the code de la sécurité sociale, not this text (« Convention nationale organisant les rapports entre les médecins libéraux et l'as… »)"},
	})
}

// The règlement conventionnel minimal of 1998 and the code de l'action
// sociale: real texts, real numbering (Chapitre VII, Annexe IV, L262-6).
func TestApplyCorpus(t *testing.T) {
	read := func(name string) *clause.Document {
		b, err := os.ReadFile(corpus.File(t, name))
		if err != nil {
			t.Fatal(err)
		}
		return decodeDoc(t, b)
	}
	rcm98 := read("raw/rcm_1998/RCM_medecins_1998_version_initiale_1998.md")
	rcm03 := read("raw/rcm_1998/RCM_medecins_1998_version_modifiee_2003.md")
	runApplyCases(t, rcm98, []applyCase{
		{name: "RCM: les mots", amend: "### Article 1er\n\nAu troisième alinéa de l'article 2, les mots : « le 15 » sont remplacés par les mots : « le 20 ».",
			clause: "article 2", want: strings.Replace(lookup(rcm98, "article 2").Text, "le 15", "le 20", 1)},
		{name: "RCM: a chapter completed by an article", amend: "### Article 1er\n\nLe chapitre VII est complété par un article 21 ainsi rédigé : « Le présent règlement est publié au Journal officiel. »",
			clause: "article 21", want: "Le présent règlement est publié au Journal officiel."},
		{name: "RCM: repeal", amend: "### Article 1er\n\nL'article 19 est abrogé.", clause: "article 19", gone: true},
	})
	// The 2003 amendment rewrote article 14: written as an instruction
	// that quotes the new text, paragraph by paragraph, it gives it.
	var quoted []string
	for _, p := range strings.Split(lookup(rcm03, "article 14").Text, "\n\n") {
		quoted = append(quoted, "« "+p)
	}
	runApplyCases(t, rcm98, []applyCase{{name: "RCM: article 14 as rewritten in 2003",
		amend:  "### Article 1er\n\nL'article 14 est ainsi rédigé :\n\n" + strings.Join(quoted, "\n\n") + " »",
		clause: "article 14", want: lookup(rcm03, "article 14").Text}})

	casf := read("raw/legi_casf_rsa/CASF_L262_2005-01-01_9c49f4271c.md")
	runApplyCases(t, casf, []applyCase{
		{name: "CASF: code numbers", amend: "### Article 1er\n\nÀ l'article L. 262-4, les mots : « de l'Etat » sont remplacés par les mots : « du département ».",
			clause: "article L262-4", want: "Le financement de l'allocation est à la charge du département."},
		{name: "CASF: insert after a code article", amend: "### Article 1er\n\nAprès l'article L. 262-6, il est inséré un article L. 262-6-2 ainsi rédigé : « L'allocation est incessible et insaisissable. »",
			clause: "article L262-6-2", want: "L'allocation est incessible et insaisissable."},
		{name: "CASF: a section completed by an article", amend: "### Article 1er\n\nLa section 2 est complétée par un article L. 262-12-2 ainsi rédigé : « Un décret fixe les conditions d'application de la présente section. »",
			clause: "article L262-12-2", want: "Un décret fixe les conditions d'application de la présente section."},
	})
}

// Consecutive readings of a bill amend the codes, not each other; the
// consolidated versions of a code chapter amend nothing.
func TestAmendsCorpus(t *testing.T) {
	files := corpus.Files(t, "raw/lafabrique/*/steps/*.txt", "raw/legi_casf_rsa/*.md", "raw/rcm_1998/*.md")
	for i := 0; i+1 < len(files); i++ {
		b1, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		b2, err := os.ReadFile(files[i+1])
		if err != nil {
			t.Fatal(err)
		}
		if Amends(decodeDoc(t, b2), decodeDoc(t, b1)) {
			t.Errorf("%s reads as amending %s", files[i+1], files[i])
		}
	}
}

// The drafting of real bills (La Fabrique de la loi: every reading of
// three bills) is read: nearly every point that quotes text is an
// instruction in a known form. The bills amend the codes, so their targets
// are not resolved here; what is measured is the forms. The few misses
// are forms avenant does not apply (a titre or chapitre inserted) and
// points that quote without amending.
func TestBillForms(t *testing.T) {
	total, read := 0, 0
	var missed []string
	for _, f := range corpus.Files(t, "raw/lafabrique/*/steps/*.txt") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range unitsOf(decodeDoc(t, b)) {
			frame, quotes, err := splitQuotes(c.Text)
			if err != nil {
				continue
			}
			var walk func(n *node)
			walk = func(n *node) {
				for _, ch := range n.children {
					walk(ch)
				}
				text := normalizeFrame(n.text)
				if len(n.children) > 0 || !strings.ContainsRune(text, quoteOpen) {
					return
				}
				total++
				if _, err := parseOps(text, Target{Kind: clause.KindArticle, Number: "1"}, nil, quotes); err == nil || !strings.Contains(err.Error(), "not understood") && !strings.Contains(err.Error(), "part of no") {
					read++
				} else {
					missed = append(missed, shorten(restoreQuotes(text, quotes)))
				}
			}
			walk(splitPoints(frame))
		}
	}
	if total < 1000 || read*100 < total*95 {
		t.Errorf("%d of %d quoting points read as instructions, want 95 %%; missed, first:\n%s", read, total, strings.Join(missed[:min(20, len(missed))], "\n"))
	}
}

// A span taken out at a line's end or start leaves no space behind it:
// before, the space that separated a sentence from the one taken out
// stayed at the end or the start of its line.
func TestSpliceSeams(t *testing.T) {
	for _, c := range []struct{ text, cut, want string }{
		{"A un. B deux.\n\nC trois.", "B deux.", "A un.\n\nC trois."},
		{"A un.\n\nB deux. C trois.", "B deux.", "A un.\n\nC trois."},
		{"A un. B deux.\nC trois.", "B deux.", "A un.\nC trois."},
		{"A un, B deux, C trois.", "B deux, ", "A un, C trois."},
		{"A un.\n\nB deux.\n\nC trois.", "B deux.", "A un.\n\nC trois."},
		{"b) Par voie électronique, au moins une fois par an ;", ", au moins une fois par an", "b) Par voie électronique ;"},
		{"b) Par voie électronique, au moins une fois par an;", ", au moins une fois par an", "b) Par voie électronique;"},
		{"Elle est due, sauf exception : voir l'annexe.", ", sauf exception", "Elle est due : voir l'annexe."},
		{"Le médecin, le cas échéant, signe.", "le cas échéant, ", "Le médecin, signe."},
		// The comma that opened the words taken out goes with them:
		// before, "patient,." and "A un,, C trois.".
		{"du patient, non liée à un motif médical. Ils", "non liée à un motif médical", "du patient. Ils"},
		{"A un, B deux, C trois.", "B deux", "A un, C trois."},
		{"des honoraires, déduction faite des dépassements ; elle", "déduction faite des dépassements", "des honoraires ; elle"},
	} {
		at := strings.Index(c.text, c.cut)
		if got := splice(c.text, span{at, at + len(c.cut)}, ""); got != c.want {
			t.Errorf("splice(%q less %q) = %q, want %q", c.text, c.cut, got, c.want)
		}
	}
}

// A created annex keeps what it holds under it: its table's header and
// rows one level and two below it, wherever the annexes stand. Before, only
// the annex itself took its place's depth and its rows stayed level with it.
func TestCreatedAnnexNests(t *testing.T) {
	set, err := parse(amendDoc("### Article 1er\n\nAprès l'annexe 1, il est inséré une annexe 1 bis ainsi rédigée : « Annexe 1 bis - Forfaits\n\n« | Code | Libellé | Tarif |\n« |---|---|---|\n« | FPMT | Forfait patientèle | 5 € | »"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply(fixture(t, "05-convention-2024-06.md"), set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	annex := -1
	for i, c := range res.Doc.Clauses {
		switch {
		case c.Kind == clause.KindAnnex && c.Number == "1 bis":
			annex = i
		case annex >= 0 && c.Number == "FPMT":
			if want := res.Doc.Clauses[annex].Depth + 2; c.Depth != want {
				t.Errorf("row FPMT at depth %d, want %d (annex at %d)", c.Depth, want, res.Doc.Clauses[annex].Depth)
			}
			return
		}
	}
	t.Fatal("row FPMT not found after annex 1 bis")
}

// A point inserted among points set apart by blank lines is set apart as
// they are; among points on consecutive lines, on the next line.
func TestInsertedPointKeepsSpacing(t *testing.T) {
	const insert = "### Article 1er\n\nAprès le 2° de l'article 7, il est inséré un 2° bis ainsi rédigé :\n\n« 2° bis Utiliser un logiciel certifié ; »"
	for _, sep := range []string{"\n\n", "\n"} {
		base := clause.Parse("### Article 7 - Engagements\n\nLe médecin s'engage à :\n\n1° Tenir le dossier ;" + sep + "2° Respecter les tarifs ;" + sep + "3° Afficher ses honoraires.\n")
		runApplyCases(t, base, []applyCase{{name: "points apart by " + strconv.Quote(sep), amend: insert, clause: "article 7",
			want: "Le médecin s'engage à :\n\n1° Tenir le dossier ;" + sep + "2° Respecter les tarifs ;" + sep + "2° bis Utiliser un logiciel certifié ;" + sep + "3° Afficher ses honoraires."}})
	}
}

// A convention numbered as real ones are (28.1, 2 bis AA, points I., 1°,
// a)), with an annex of text only beside an annex of tariffs.
func TestApplyPoints(t *testing.T) {
	b, err := os.ReadFile("testdata/convention-points.md")
	if err != nil {
		t.Fatal(err)
	}
	runApplyCases(t, decodeDoc(t, b), []applyCase{
		{name: "an annex of text rewritten, its heading quoted", amend: "### Article 1er\n\nL'annexe 2 est remplacée par les dispositions suivantes :\n\n« Annexe 2 - Forfaits\n\n« Le forfait médecin traitant est de 6 € par patient. »",
			clause: "annex 2", want: "Le forfait médecin traitant est de 6 € par patient."},
		{name: "words taken out before a stop set apart", amend: "### Article 1er\n\nAu b) du 2° du I de l'article 5, les mots : « , au moins une fois par an » sont supprimés.",
			clause: "article 5", want: "I. - Les caisses s'engagent :\n\n1° À payer dans un délai de sept jours ;\n\n2° À informer les médecins :\n\na) Par courrier ;\n\nb) Par voie électronique ;\n\n3° À tenir un registre.\n\nII. - Les médecins s'engagent à télétransmettre."},
		{name: "renumbered onto an article that stays", amend: "### Article 1er\n\nL'article 15 devient l'article 16.",
			err: "Article 1er: article 16 is already in the text"},
		{name: "a list renumbered onto an article that stays", amend: "### Article 1er\n\nLes articles 15 et 16 deviennent respectivement les articles 16 et 17.",
			err: "Article 1er: article 17 is already in the text"},
		{name: "words put at the start of a point", amend: "### Article 1er\n\nAu début du II de l'article 5, sont insérés les mots : « Sauf impossibilité, la transmission est électronique. ».",
			clause: "article 5", want: "I. - Les caisses s'engagent :\n\n1° À payer dans un délai de sept jours ;\n\n2° À informer les médecins :\n\na) Par courrier ;\n\nb) Par voie électronique, au moins une fois par an ;\n\n3° À tenir un registre.\n\nII. - Sauf impossibilité, la transmission est électronique. Les médecins s'engagent à télétransmettre."},
		{name: "words put at the start of an alinéa", amend: "### Article 1er\n\nAu début du second alinéa de l'article 2, sont ajoutés les mots : « Elle est d'ordre public. ».",
			clause: "article 2", want: "La convention s'applique aux médecins libéraux.\n\nElle est d'ordre public. Elle s'applique aussi aux remplaçants."},
		{name: "a row replaced by the row quoted", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est ainsi modifié :\n\n1° La ligne VG est remplacée par la ligne suivante : « | VG | Visite | 40 € | » ;\n\n2° La ligne TCG est supprimée.",
			clause: "row VG", want: "| VG | Visite | 40 € |"},
		{name: "a row's code rewritten, the old code no longer named", amend: "### Article 1er\n\nLa ligne VG est ainsi rédigée : « | VGS | Visite du spécialiste | 40 € | ».\n\n### Article 2\n\nLa ligne VG est supprimée.",
			err: "Article 2: row VG is not in the text"},
		{name: "a row's code rewritten, the new code named", amend: "### Article 1er\n\nLa ligne VG est ainsi rédigée : « | VGS | Visite du spécialiste | 40 € | ».\n\n### Article 2\n\nÀ la ligne VGS, le montant : « 40 € » est remplacé par le montant : « 41 € ».",
			clause: "row VGS", want: "| VGS | Visite du spécialiste | 41 € |"},
		{name: "a point that two points hold", amend: "### Article 1er\n\nAu 2° de l'article 6, le mot : « informer » est remplacé par le mot : « prévenir ».",
			err: "Article 1er: 2 points 2° are in article 6: name the point that holds the one meant"},
		{name: "a point inserted after one that two points hold", amend: "### Article 1er\n\nAprès le 2° de l'article 6, il est inséré un 3° ainsi rédigé : « 3° À afficher leurs tarifs. »",
			err: "Article 1er: 2 points 2° are in article 6: name the point that holds the one meant"},
		{name: "the last point of the I deleted, the II kept", amend: "### Article 1er\n\nLe 2° du I de l'article 6 est supprimé.",
			clause: "article 6", want: "I. - Les caisses s'engagent :\n\n1° À payer dans un délai de sept jours ;\n\nII. - Les médecins s'engagent :\n\n1° À télétransmettre ;\n\n2° À informer les caisses de tout changement."},
		{name: "a point inserted at the end of the I", amend: "### Article 1er\n\nAprès le 2° du I de l'article 6, il est inséré un 3° ainsi rédigé : « 3° À afficher leurs tarifs. »",
			clause: "article 6", want: "I. - Les caisses s'engagent :\n\n1° À payer dans un délai de sept jours ;\n\n2° À informer les médecins.\n\n3° À afficher leurs tarifs.\n\nII. - Les médecins s'engagent :\n\n1° À télétransmettre ;\n\n2° À informer les caisses de tout changement."},
		{name: "a point the II follows deleted, the II kept", amend: "### Article 1er\n\nLe 3° de l'article 5 est supprimé.",
			clause: "article 5", want: "I. - Les caisses s'engagent :\n\n1° À payer dans un délai de sept jours ;\n\n2° À informer les médecins :\n\na) Par courrier ;\n\nb) Par voie électronique, au moins une fois par an ;\n\nII. - Les médecins s'engagent à télétransmettre."},
		{name: "le même alinéa", amend: "### Article 1er\n\nL'article 28.1 est ainsi modifié :\n\n1° Au premier alinéa, le taux : « 100 % » est remplacé par le taux : « 80 % » ;\n\n2° Le même alinéa est complété par une phrase ainsi rédigée : « Ce taux est révisé chaque année. »",
			clause: "article 28.1", want: "Le médecin qui adhère à l'option s'engage à respecter un taux de dépassement de 80 %. Il peut résilier son adhésion à tout moment. Ce taux est révisé chaque année.\n\nLes dépassements sont plafonnés à 50 % du tarif opposable.\n\nLe contrat est conclu pour trois ans."},
		{name: "a sentence of the same alinéa, in the next article", amend: "### Article 1er\n\nAu premier alinéa de l'article 28.1, le taux : « 100 % » est remplacé par le taux : « 80 % ».\n\n### Article 2\n\nÀ la seconde phrase du même alinéa, les mots : « à tout moment » sont remplacés par les mots : « chaque année ».",
			clause: "article 28.1", want: "Le médecin qui adhère à l'option s'engage à respecter un taux de dépassement de 80 %. Il peut résilier son adhésion chaque année.\n\nLes dépassements sont plafonnés à 50 % du tarif opposable.\n\nLe contrat est conclu pour trois ans."},
		{name: "le même alinéa after none", amend: "### Article 1er\n\nL'article 28.1 est ainsi modifié :\n\n1° Le taux : « 100 % » est remplacé par le taux : « 80 % » ;\n\n2° Le même alinéa est complété par une phrase ainsi rédigée : « Ce taux est révisé chaque année. »",
			err: "Article 1er, 2°: names « même alinéa », but the instruction before names no alinéa: name it"},
		{name: "two sentences, two articles repealed", amend: "### Article 1er\n\nL'article 13 est abrogé. L'article 14 est abrogé.",
			clause: "article 14", gone: true},
		{name: "two sentences, each its article", amend: "### Article 1er\n\nÀ l'article 12, les mots : « 26,50 € » sont remplacés par les mots : « 30 € ». À l'article 13, les mots : « 35 € » sont remplacés par les mots : « 40 € ».",
			clause: "article 13", want: "La visite est valorisée à 40 €."},
		{name: "a second sentence goes on with the first's target", amend: "### Article 1er\n\nAu premier alinéa de l'article 28.1, le taux : « 100 % » est remplacé par le taux : « 80 % ». Les mots : « à tout moment » sont remplacés par les mots : « chaque année ».",
			clause: "article 28.1", want: "Le médecin qui adhère à l'option s'engage à respecter un taux de dépassement de 80 %. Il peut résilier son adhésion chaque année.\n\nLes dépassements sont plafonnés à 50 % du tarif opposable.\n\nLe contrat est conclu pour trois ans."},
		{name: "a second sentence not understood", amend: "### Article 1er\n\nL'article 13 est abrogé. L'article 14 est modifié en conséquence.",
			err: "Article 1er: instruction not understood: L'article 14 est modifié en conséquence."},
		{name: "two articles named apart in one sentence", amend: "### Article 1er\n\nÀ l'article 12, le mot : « consultation » est remplacé par le mot : « séance » et, à l'article 13, le mot : « est » est supprimé.",
			err: "Article 1er: names article 12, article 13 apart in one sentence: write one instruction for each, or name them in one list (« aux articles 12 et 13 », « aux lignes G et VG »)"},
		{name: "an article cited, not amended", amend: "### Article 1er\n\nÀ l'article 13, les mots : « 35 € » sont remplacés par les mots : « 40 € », dans les conditions prévues à l'article 12.",
			clause: "article 13", want: "La visite est valorisée à 40 €."},
		{name: "two rows named apart in one sentence", amend: "### Article 1er\n\nÀ la ligne G, le montant : « 26,50 € » est remplacé par le montant : « 30 € » et, à la ligne VG, le montant : « 35 € » est remplacé par le montant : « 40 € ».",
			err: "Article 1er: names ligne G, ligne VG apart in one sentence: write one instruction for each, or name them in one list (« aux articles 12 et 13 », « aux lignes G et VG »)"},
		{name: "rewritten as a code writes it, the title kept", amend: "### Article 1er\n\nL'article 12 est ainsi rédigé :\n\n« Art. 12. - La consultation est valorisée à 30 €. »",
			clause: "heading 12", want: "Article 12 - Consultation"},
		{name: "rewritten under another article's heading", amend: "### Article 1er\n\nL'article 12 est ainsi rédigé :\n\n« Article 13 - Consultation\n\n« La consultation est valorisée à 30 €. »",
			err: "Article 1er: the text quoted for article 12 is headed article 13: renumber with « devient » first"},
		{name: "a) under the II after 1° under the I", amend: "### Article 1er\n\nI. – À l'article 13 :\n\n1° Le montant : « 35 € » est remplacé par le montant : « 40 € ».\n\nII. – L'article 28.1 est ainsi modifié :\n\na) Au premier alinéa, le taux : « 100 % » est remplacé par le taux : « 80 % » ;\n\nb) Le dernier alinéa est supprimé.",
			clause: "article 28.1", want: "Le médecin qui adhère à l'option s'engage à respecter un taux de dépassement de 80 %. Il peut résilier son adhésion à tout moment.\n\nLes dépassements sont plafonnés à 50 % du tarif opposable."},
		{name: "a point rewritten keeps its marker as written", amend: "### Article 1er\n\nLe II de l'article 5 est ainsi rédigé : « Les médecins télétransmettent. »",
			clause: "article 5", want: "I. - Les caisses s'engagent :\n\n1° À payer dans un délai de sept jours ;\n\n2° À informer les médecins :\n\na) Par courrier ;\n\nb) Par voie électronique, au moins une fois par an ;\n\n3° À tenir un registre.\n\nII. - Les médecins télétransmettent."},
		{name: "a range renumbered one up", amend: "### Article 1er\n\nLes articles 15 à 17 deviennent les articles 16 à 18.",
			clause: "article 18", want: "Un bilan est fait chaque année."},
	})
}

// A convention with an annexed règlement numbering its articles as the
// convention does: an article of the annex is named with its annex, or
// under a lead-in naming it. Before, "l'article 2 de l'annexe 1" was
// refused as named twice, and where the convention alone had the number
// ("l'article 3 de l'annexe 1"), the convention's article was amended.
func TestApplyAnnexedArticles(t *testing.T) {
	base := clause.Parse(`# Convention

## Titre 1 - Dispositions générales

### Article 1er - Objet

La convention règle les rapports.

### Article 2 - Durée

Elle est conclue pour cinq ans.

### Article 3 - Consultation

La consultation est à 26,50 €. Elle est revue deux fois par an.

## Annexe 1 - Règlement intérieur de la commission

### Article 1er - Composition

La commission comprend douze membres.

### Article 2 - Réunions

Elle se réunit deux fois par an.
`)
	runApplyCases(t, base, []applyCase{
		{name: "an article of an annex", amend: "### Article 1er\n\nÀ l'article 2 de l'annexe 1, le mot : « deux » est remplacé par le mot : « trois ».",
			clause: "annexed 2", want: "Elle se réunit trois fois par an."},
		{name: "under a lead-in naming the annex", amend: "### Article 1er\n\nL'annexe 1 est ainsi modifiée :\n\n1° À l'article 1er, le mot : « douze » est remplacé par le mot : « seize » ;\n\n2° L'article 2 est abrogé.",
			clause: "annexed 1er", want: "La commission comprend seize membres."},
		{name: "an article the annex lacks", amend: "### Article 1er\n\nÀ l'article 3 de l'annexe 1, le mot : « deux » est remplacé par le mot : « trois ».",
			err: "Article 1er: article 3 of annexe 1 is not in the text"},
		{name: "an article and an annex at once", amend: "### Article 1er\n\nÀ l'article 3 et à l'annexe 1, les mots : « 26,50 € » sont remplacés par les mots : « 30 € ».",
			err: "Article 1er: names an article and an annex: write « l'article N de l'annexe M », or one instruction for each"},
		{name: "an article inserted in the annex", amend: "### Article 1er\n\nAprès l'article 2 de l'annexe 1, il est inséré un article 3 ainsi rédigé : « Article 3 - Quorum\n\n« Le quorum est de six membres. »",
			clause: "annexed 3", want: "Le quorum est de six membres."},
		{name: "a number both bear: the convention's", amend: "### Article 1er\n\nÀ l'article 2, le mot : « cinq » est remplacé par le mot : « six ».",
			clause: "article 2", want: "Elle est conclue pour six ans."},
		{name: "a number both bear, repealed: the convention's", amend: "### Article 1er\n\nL'article 2 est abrogé.",
			clause: "annexed 2", want: "Elle se réunit deux fois par an."},
		{name: "a number both bear, the annex named by what it is", amend: "### Article 1er\n\nÀ l'article 2 du règlement intérieur annexé, le mot : « deux » est remplacé par le mot : « trois ».",
			clause: "annexed 2", want: "Elle se réunit trois fois par an."},
		{name: "a number the annex alone bears", amend: "### Article 1er\n\nL'article 1er est abrogé.\n\n### Article 2\n\nÀ l'article 1er, le mot : « douze » est remplacé par le mot : « seize ».",
			clause: "annexed 1er", want: "La commission comprend seize membres."},
	})
}

// A bare "l'article 2" is the main body's, the text the avenant amends,
// whatever article 2 its annexes hold; where the main body has none and
// several annexes have one, which is meant is not said. Before, an
// article 2 of both the convention and its annexed règlement was refused
// as named twice.
func TestApplyArticleOfSeveralAnnexes(t *testing.T) {
	base := clause.Parse(`# Convention

### Article 1er - Objet

La convention règle les rapports.

## Annexe 1 - Règlement arbitral

### Article 2 - Durée

Le règlement est conclu pour cinq ans.

## Annexe 2 - Règlement intérieur

### Article 2 - Réunions

La commission se réunit deux fois par an.
`)
	runApplyCases(t, base, []applyCase{
		{name: "two annexes, none named", amend: "### Article 1er\n\nÀ l'article 2, le mot : « deux » est remplacé par le mot : « trois ».",
			err: "Article 1er: article 2 is not in the text's own articles, and annexe 1 and annexe 2 each have one: name the one meant (« l'article 2 de l'annexe 1 »)"},
		{name: "the annexed règlement named by what it is", amend: "### Article 1er\n\nÀ l'article 2 du règlement arbitral annexé à la convention, le mot : « cinq » est remplacé par le mot : « six ».",
			clause: "annexed 2", want: "Le règlement est conclu pour six ans."},
		{name: "under a lead-in naming the annexed règlement", amend: "### Article 1er\n\nL'article 2 du règlement arbitral annexé est ainsi modifié :\n\n1° Le mot : « cinq » est remplacé par le mot : « six ».",
			clause: "annexed 2", want: "Le règlement est conclu pour six ans."},
		{name: "an annexed text the text lacks", amend: "### Article 1er\n\nÀ l'article 2 de la charte annexée, le mot : « deux » est remplacé par le mot : « trois ».",
			err: "Article 1er: no annex of the text is headed « charte »"},
		{name: "two annexes, one named", amend: "### Article 1er\n\nÀ l'article 2 de l'annexe 1, le mot : « cinq » est remplacé par le mot : « six ».",
			clause: "annexed 2", want: "Le règlement est conclu pour six ans."},
	})
}

// Words named with the number of places they stand ("(trois fois)", ",
// deux fois,"), or wherever they stand within a clause ("partout où il
// figure" with an article named, or under a lead-in naming one), are
// changed at each place, the count checked. Before, the count was not
// read: ', trois fois,' was not understood, '(deux fois)' was dropped and
// one place changed where the drafter counted two, and 'partout où'
// beside an article replaced the words throughout the text.
func TestApplyTimes(t *testing.T) {
	base := clause.Parse(`# Convention

## Article 8 - Caisse

La caisse informe le médecin. Le médecin informe la caisse de tout changement. La caisse en accuse réception.

## Article 9 - Délais

Le délai est de huit jours. Le délai court à compter de la réception.

## Article 10 - Recours

Le délai de recours est de trente jours.
`)
	runApplyCases(t, base, []applyCase{
		{name: "trois fois, between verb and par", amend: "### Article 1er\n\nÀ l'article 8, le mot : « caisse » est remplacé, trois fois, par le mot : « CPAM ».",
			clause: "article 8", want: "La CPAM informe le médecin. Le médecin informe la CPAM de tout changement. La CPAM en accuse réception."},
		{name: "(deux fois), miscounted", amend: "### Article 1er\n\nÀ l'article 8, les mots : « la caisse » sont remplacés par les mots : « la CPAM » (deux fois).",
			err: "Article 1er: the words « la caisse » are in article 8 3 times, not twice as the instruction says"},
		{name: "inserted after each", amend: "### Article 1er\n\nÀ l'article 8, après le mot : « médecin », est inséré le mot : « traitant » (deux fois).",
			clause: "article 8", want: "La caisse informe le médecin traitant. Le médecin traitant informe la caisse de tout changement. La caisse en accuse réception."},
		{name: "partout où within an article", amend: "### Article 1er\n\nÀ l'article 9, partout où il figure, le mot : « délai » est remplacé par le mot : « terme ».",
			clause: "article 10", want: "Le délai de recours est de trente jours."},
		{name: "partout où under a lead-in", amend: "### Article 1er\n\nL'article 9 est ainsi modifié :\n\n1° Partout où il figure, le mot : « délai » est remplacé par le mot : « terme » ;\n\n2° Le mot : « huit » est remplacé par le mot : « dix ».",
			clause: "article 9", want: "Le terme est de dix jours. Le terme court à compter de la réception."},
		{name: "dans l'ensemble de l'article", amend: "### Article 1er\n\nDans l'ensemble de l'article 9, le mot : « délai » est remplacé par le mot : « terme ».",
			clause: "article 9", want: "Le terme est de huit jours. Le terme court à compter de la réception."},
		{name: "partout où, nothing named: the whole text", amend: "### Article 1er\n\nPartout où il figure, le mot : « délai » est remplacé par le mot : « terme ».",
			clause: "article 10", want: "Le terme de recours est de trente jours."},
		{name: "à chaque occurrence, between verb and par", amend: "### Article 1er\n\nÀ l'article 8, le mot : « caisse » est remplacé, à chaque occurrence, par le mot : « CPAM ».",
			clause: "article 8", want: "La CPAM informe le médecin. Le médecin informe la CPAM de tout changement. La CPAM en accuse réception."},
		{name: "à chaque occurrence, at the end", amend: "### Article 1er\n\nÀ l'article 9, le mot : « délai » est remplacé par le mot : « terme » à chaque occurrence.",
			clause: "article 9", want: "Le terme est de huit jours. Le terme court à compter de la réception."},
		{name: "à l'ensemble de l'article", amend: "### Article 1er\n\nÀ l'ensemble de l'article 9, le mot : « délai » est remplacé par le mot : « terme ».",
			clause: "article 9", want: "Le terme est de huit jours. Le terme court à compter de la réception."},
		{name: "a count beside two operations", amend: "### Article 1er\n\nÀ l'article 8, le mot : « caisse » est remplacé par le mot : « CPAM » (trois fois) et le mot : « médecin » par le mot : « praticien ».",
			err: "Article 1er: says how many times words stand beside no single operation on words: write one instruction for each"},
	})
}

// A row added to an annex goes under the header of its one table, first
// ("au début du tableau") or last; before, a row put first went above the
// header, where it read back as text, and a row added to an annex of two
// tables went to the last one unasked.
func TestApplyRowsInTables(t *testing.T) {
	b, err := os.ReadFile("testdata/convention-points.md")
	if err != nil {
		t.Fatal(err)
	}
	base := decodeDoc(t, b)
	set, err := parse(amendDoc("### Article 1er\n\nAu début du tableau de l'annexe 1, il est inséré une ligne ainsi rédigée : « | APC | Avis ponctuel | 60 € | »."))
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply(base, set, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "|---|---|---|\n| APC | Avis ponctuel | 60 € |\n| G |") {
		t.Errorf("a row put first is not the table's first row:\n%s", res.Text)
	}
	runApplyCases(t, base, []applyCase{
		{name: "a row put last", amend: "### Article 1er\n\nL'annexe 1 est complétée par une ligne ainsi rédigée : « | APC | Avis ponctuel | 60 € | ».",
			clause: "row APC", want: "| APC | Avis ponctuel | 60 € |"},
		// Before, the rank was passed over: the row went last.
		{name: "a row placed by the rank of another", amend: "### Article 1er\n\nAprès la première ligne du tableau de l'annexe 1, il est inséré une ligne ainsi rédigée : « | APC | Avis ponctuel | 60 € | ».",
			err: "Article 1er: names a line or a column by its rank (première ligne), which no text keeps: name a row by its act code (« après la ligne G »), words by their alinéa"},
	})
	two := clause.Parse("# Convention\n\n## Article 1er - Objet\n\nLa convention règle les tarifs.\n\n## Annexe 1 - Tarifs\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| G | Consultation | 26,50 € |\n\nVisites :\n\n| Code | Libellé | Tarif |\n|---|---|---|\n| VG | Visite | 35 € |\n")
	runApplyCases(t, two, []applyCase{
		{name: "an annex of two tables", amend: "### Article 1er\n\nLe tableau de l'annexe 1 est complété par une ligne ainsi rédigée : « | APC | Avis ponctuel | 60 € | ».",
			err: "Article 1er: Annexe 1 - Tarifs holds 2 tables: name the row the new one comes after"},
		{name: "an annex of two tables, the row named", amend: "### Article 1er\n\nÀ l'annexe 1, après la ligne G, il est inséré une ligne ainsi rédigée : « | APC | Avis ponctuel | 60 € | ».",
			clause: "row APC", want: "| APC | Avis ponctuel | 60 € |"},
	})
}

// An amount is found whole: words starting or ending with figures are not
// found inside a number that goes on past them (a decimal part, thousands
// set apart by a space). Before, « 30 » → « 35 » made "30,50 €" read
// "35,50 €", « 50 € » → « 60 € » made it "30,60 €", and « 500 € » →
// « 600 € » made "1 500 €" read "1 600 €".
func TestFindWholeNumbers(t *testing.T) {
	const text = "Le forfait est de 30,50 € par patient. Le plafond est de 1\u00a0500 € par an, soit 12 mois. Le taux passe de 5.5 à 30 %."
	for _, tc := range []struct {
		words string
		n     int
	}{
		{"30", 1}, // "30 %", not "30,50"
		{"50 €", 0},
		{"500 €", 0},
		{"1 500 €", 1},
		{"30,50 €", 1},
		{"5", 0},
		{"5.5", 1},
		{"12 mois", 1},
		{"1", 0},
	} {
		if got := find(text, span{0, len(text)}, tc.words); len(got) != tc.n {
			t.Errorf("find(%q) = %d places, want %d", tc.words, len(got), tc.n)
		}
	}
}

// An alinéa or a sentence is named by its rank in words or in figures, of
// any rank ("onzième", "vingt et unième", "11e", "1re"). Before, only
// ranks to twenty-five and "vingt et unième" were read, and any other
// ("trentième", "vingt-et-unième") read as none: "le trentième alinéa est
// supprimé" deleted the whole article, and a sentence of it was sought in
// the whole article.
func TestApplyRanks(t *testing.T) {
	ranks := []string{"premier", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième",
		"huitième", "neuvième", "dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième",
		"seizième", "dix-septième", "dix-huitième", "dix-neuvième", "vingtième", "vingt et unième",
		"vingt-deuxième", "vingt-troisième", "vingt-quatrième", "vingt-cinquième", "vingt-sixième",
		"vingt-septième", "vingt-huitième", "vingt-neuvième", "trentième", "trente et unième"}
	var alineas []string
	for k := range ranks {
		alineas = append(alineas, fmt.Sprintf("Rang %d. Le délai est fixé.", k+1))
	}
	base := clause.Parse("# Convention\n\n## Article 12 - Délais\n\n" + strings.Join(alineas, "\n\n") + "\n")
	changed := func(k int) string {
		out := slices.Clone(alineas)
		out[k-1] = strings.Replace(out[k-1], "fixé", "porté", 1)
		return strings.Join(out, "\n\n")
	}
	var cases []applyCase
	for k, r := range ranks {
		for _, name := range []string{r, strconv.Itoa(k+1) + "e"} {
			if k == 0 {
				name = strings.Replace(name, "1e", "1er", 1)
			}
			cases = append(cases, applyCase{name: name,
				amend:  "### Article 1er\n\nAu " + name + " alinéa de l'article 12, le mot : « fixé » est remplacé par le mot : « porté ».",
				clause: "article 12", want: changed(k + 1)})
		}
	}
	cases = append(cases,
		applyCase{name: "the second sentence of the thirtieth alinéa", amend: "### Article 1er\n\nÀ la deuxième phrase du trentième alinéa de l'article 12, le mot : « fixé » est remplacé par le mot : « porté ».",
			clause: "article 12", want: changed(30)},
		applyCase{name: "a feminine rank, reformed spelling", amend: "### Article 1er\n\nÀ la 2nde phrase du vingt-et-unième alinéa de l'article 12, le mot : « fixé » est remplacé par le mot : « porté ».",
			clause: "article 12", want: changed(21)},
		applyCase{name: "the last alinéa deleted, not the article", amend: "### Article 1er\n\nLe trente et unième alinéa de l'article 12 est supprimé.",
			clause: "article 12", want: strings.Join(alineas[:30], "\n\n")},
		// Before, the line was passed over: the words were replaced
		// wherever they stood in the article.
		applyCase{name: "a line of the page", amend: "### Article 1er\n\nÀ la dernière ligne de l'article 12, les mots : « Rang 5. » sont remplacés par les mots : « Rangée 5. ».",
			err: "Article 1er: names a line or a column by its rank (dernière ligne), which no text keeps: name a row by its act code (« après la ligne G »), words by their alinéa"},
		applyCase{name: "a rank past the end", amend: "### Article 1er\n\nLe quarantième alinéa de l'article 12 est supprimé.",
			err: "Article 1er: the 40th alinéa is not in article 12 (it has 31)"},
		applyCase{name: "no rank", amend: "### Article 1er\n\nLe nième alinéa de l'article 12 est supprimé.",
			err: "Article 1er: names the « nième » alinéa, which is no rank: write the rank in figures (« 11e alinéa »)"},
	)
	runApplyCases(t, base, cases)
}

// A phrase, as drafting counts them, ends at a full stop, not at a colon
// or a semicolon. Before, the second phrase of "Le tarif est fixé comme
// suit : 30 € pour la consultation. Il est revalorisé chaque année." was
// "30 € pour la consultation.", and deleting it left "Le tarif est fixé
// comme suit : Il est revalorisé…", without error.
func TestApplyPhrases(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 7 - Tarifs\n\nLe tarif est fixé comme suit : 30 € pour la consultation. Il est revalorisé chaque année.\n\n" +
		"Le médecin mentionne : « Vu le devis ». Il remet un devis, etc. Il l'affiche.\n")
	const first = "Le tarif est fixé comme suit : 30 € pour la consultation. Il est revalorisé chaque année.\n\n"
	runApplyCases(t, base, []applyCase{
		{name: "after a colon", amend: "### Article 1er\n\nLa seconde phrase du premier alinéa de l'article 7 est supprimée.",
			clause: "article 7", want: "Le tarif est fixé comme suit : 30 € pour la consultation.\n\nLe médecin mentionne : « Vu le devis ». Il remet un devis, etc. Il l'affiche."},
		{name: "after a colon and a quotation", amend: "### Article 1er\n\nLa deuxième phrase du second alinéa de l'article 7 est ainsi rédigée : « Il le remet. »",
			clause: "article 7", want: first + "Le médecin mentionne : « Vu le devis ». Il le remet. Il l'affiche."},
		{name: "after etc.", amend: "### Article 1er\n\nLa dernière phrase du second alinéa de l'article 7 est supprimée.",
			clause: "article 7", want: first + "Le médecin mentionne : « Vu le devis ». Il remet un devis, etc."},
	})
}

// "L'article premier" is article 1er, as the Journal officiel writes it.
// Before, the instruction named no article and was refused.
func TestArticlePremier(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 1er - Objet\n\nLa convention organise les rapports.\n\n### Article 2 - Champ\n\nElle s'applique aux médecins.\n")
	runApplyCases(t, base, []applyCase{
		{name: "l'article premier", amend: "### Article 1er\n\nL'article premier est complété par les mots : « conventionnels ».",
			clause: "article 1er", want: "La convention organise les rapports conventionnels."},
		{name: "à l'article premier", amend: "### Article 1er\n\nÀ l'article premier, le mot : « rapports » est remplacé par le mot : « relations ».",
			clause: "article 1er", want: "La convention organise les relations."},
	})
}

// An instruction naming several alinéas or points at once, by a range, a
// list or a plural rank, changes each (TestSeveralAlineas,
// TestSeveralPoints), sentences too. Long before, "Les deuxième à quatrième alinéas … sont supprimés" deleted the
// fourth alone, "Les 2° et 3° … sont abrogés" the 2° alone, "Les 1° à 3°
// … sont remplacés par un alinéa" rewrote the 1°, and "Les deux derniers
// alinéas de l'article 10 sont supprimés" the whole article, heading
// included, all without error.
func TestSeveralPlacesRefused(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 10 - Rémunération\n\nI. – Le médecin perçoit :\n\n1° Un forfait structure ;\n\n2° Un forfait patientèle ;\n\n" +
		"3° Une rémunération sur objectifs.\n\nII. – Les montants sont fixés à l'annexe 1. Ils sont publiés.\n\nIls sont revalorisés chaque année.\n")
	runApplyCases(t, base, []applyCase{
		{name: "a range of alinéas", amend: "### Article 1er\n\nLes deuxième à quatrième alinéas du I de l'article 10 sont supprimés.",
			clause: "article 10", want: "I. – Le médecin perçoit :\n\nII. – Les montants sont fixés à l'annexe 1. Ils sont publiés.\n\nIls sont revalorisés chaque année."},
		{name: "the last alinéas", amend: "### Article 1er\n\nLes deux derniers alinéas de l'article 10 sont supprimés.",
			clause: "article 10", want: "I. – Le médecin perçoit :\n\n1° Un forfait structure ;\n\n2° Un forfait patientèle ;\n\n3° Une rémunération sur objectifs."},
		{name: "the first phrases", amend: "### Article 1er\n\nLes deux premières phrases du II de l'article 10 sont supprimées.",
			clause: "article 10", want: "I. – Le médecin perçoit :\n\n1° Un forfait structure ;\n\n2° Un forfait patientèle ;\n\n3° Une rémunération sur objectifs.\n\nIls sont revalorisés chaque année."},
		{name: "a list of points", amend: "### Article 1er\n\nLes 2° et 3° du I de l'article 10 sont abrogés.",
			clause: "article 10", want: "I. – Le médecin perçoit :\n\n1° Un forfait structure ;\n\nII. – Les montants sont fixés à l'annexe 1. Ils sont publiés.\n\nIls sont revalorisés chaque année."},
		{name: "a range of points", amend: "### Article 1er\n\nLes 1° à 3° du I de l'article 10 sont remplacés par un alinéa ainsi rédigé : « Une rémunération forfaitaire. »",
			clause: "article 10", want: "I. – Le médecin perçoit :\n\nUne rémunération forfaitaire.\n\nII. – Les montants sont fixés à l'annexe 1. Ils sont publiés.\n\nIls sont revalorisés chaque année."},
		{name: "two alinéas put in", amend: "### Article 1er\n\nAprès le dernier alinéa de l'article 10, sont insérés deux alinéas ainsi rédigés :\n\n« Ils sont publiés.\n\n« Ils sont notifiés. »",
			clause: "article 10", want: "I. – Le médecin perçoit :\n\n1° Un forfait structure ;\n\n2° Un forfait patientèle ;\n\n3° Une rémunération sur objectifs.\n\nII. – Les montants sont fixés à l'annexe 1. Ils sont publiés.\n\nIls sont revalorisés chaque année.\n\nIls sont publiés.\n\nIls sont notifiés."},
	})
}

// Words quoted over two lines of a hard-wrapped avenant are one run of
// words. Before, "les mots : « avant la\nréalisation de l'acte »" put the
// avenant's line break in the middle of the alinéa amended.
func TestWrappedWords(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 28 - Engagements\n\nIl informe le patient avant tout acte. Il remet un devis.\n")
	runApplyCases(t, base, []applyCase{
		{name: "replaced", amend: "### Article 1er\n\nÀ l'article 28, les mots : « avant tout\nacte » sont remplacés par les mots : « avant la\nréalisation de l'acte ».",
			clause: "article 28", want: "Il informe le patient avant la réalisation de l'acte. Il remet un devis."},
		{name: "put in", amend: "### Article 1er\n\nÀ l'article 28, après le mot : « devis », sont insérés les mots : « daté\net signé ».",
			clause: "article 28", want: "Il informe le patient avant tout acte. Il remet un devis daté et signé."},
	})
}

// "est complété comme suit", "est ainsi complété" followed by words that
// go on the sentence (quoted in lower case or after a comma) complete
// it; a sentence quoted makes an alinéa. Before, the words made an alinéa
// of their own (", y compris en téléconsultation" on a line), and "est
// ainsi complété" was not read.
func TestCompletedAsFollows(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 28 - Engagements\n\nIl remet un devis au-delà de 70 €.\n\nIl tient le dossier à jour.\n")
	const last = "\n\nIl tient le dossier à jour."
	runApplyCases(t, base, []applyCase{
		{name: "after a comma", amend: "### Article 1er\n\nLe premier alinéa de l'article 28 est complété comme suit : « , y compris en téléconsultation ».",
			clause: "article 28", want: "Il remet un devis au-delà de 70 €, y compris en téléconsultation." + last},
		{name: "in lower case", amend: "### Article 1er\n\nLe premier alinéa de l'article 28 est ainsi complété : « et par écrit ».",
			clause: "article 28", want: "Il remet un devis au-delà de 70 € et par écrit." + last},
		{name: "a sentence", amend: "### Article 1er\n\nL'article 28 est complété comme suit : « Il participe à la permanence des soins. »",
			clause: "article 28", want: "Il remet un devis au-delà de 70 €." + last + "\n\nIl participe à la permanence des soins."},
	})
}

// The verb may come first: "il est inséré, après le mot : « X », le mot :
// « Y »". Before, the instruction was not read.
func TestInsertedVerbFirst(t *testing.T) {
	base := clause.Parse("# Convention\n\n### Article 28 - Engagements\n\nIl respecte les tarifs conventionnels.\n\nIl tient le dossier à jour.\n")
	runApplyCases(t, base, []applyCase{
		{name: "après", amend: "### Article 1er\n\nÀ l'article 28, il est inséré, après le mot : « tarifs », le mot : « opposables ».",
			clause: "article 28", want: "Il respecte les tarifs opposables conventionnels.\n\nIl tient le dossier à jour."},
		{name: "avant", amend: "### Article 1er\n\nAu second alinéa de l'article 28, sont insérés, avant le mot : « dossier », les mots : « seul ».",
			clause: "article 28", want: "Il respecte les tarifs conventionnels.\n\nIl tient le seul dossier à jour."},
	})
}
