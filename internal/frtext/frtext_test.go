package frtext

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/synth"
)

// One table for every rule of the package: each case names the function it
// exercises, its input and the result expected, joined by " | " when the
// result is a list.
func TestRules(t *testing.T) {
	cases := []struct {
		fn, in, want string
	}{
		// Sentences: abbreviations of the law and of everyday French.
		{"Sentences", "Au sens des articles L. 4133-2 et L. 4133-4 du code. Il suit.", "Au sens des articles L. 4133-2 et L. 4133-4 du code. | Il suit."},
		{"Sentences", "Voir l'art. 5 et les art. 6 à 8. Fin.", "Voir l'art. 5 et les art. 6 à 8. | Fin."},
		{"Sentences", "Les articles R. 162-5 et D. 162-6 s'appliquent.", "Les articles R. 162-5 et D. 162-6 s'appliquent."},
		{"Sentences", "M. Dupont et Mme. Durand signent. Mme Martin aussi.", "M. Dupont et Mme. Durand signent. | Mme Martin aussi."},
		{"Sentences", "Avenant n. 12 et n°. 3 (cf. Annexe 4, p. 12, al. 3). Suite.", "Avenant n. 12 et n°. 3 (cf. Annexe 4, p. 12, al. 3). | Suite."},
		{"Sentences", "Les actes, etc. Sont concernés les médecins.", "Les actes, etc. Sont concernés les médecins."},
		// Numbers: thousands and decimals never break.
		{"Sentences", "Le forfait est de 1.234,56 euros. Il passe à 26,50 €. Puis 30 €.", "Le forfait est de 1.234,56 euros. | Il passe à 26,50 €. | Puis 30 €."},
		{"Sentences", "Le 1er janvier 2024. 3 000 médecins adhèrent.", "Le 1er janvier 2024. | 3 000 médecins adhèrent."},
		// Other terminators, and what may follow them.
		{"Sentences", "Sont visés : Les médecins ; Les sages-femmes ! Qui ? Tous… Enfin.", "Sont visés : | Les médecins ; | Les sages-femmes ! | Qui ? | Tous… | Enfin."},
		{"Sentences", "Il est prévu : la revalorisation. Suite.", "Il est prévu : la revalorisation. | Suite."},
		{"Sentences", "Fin. « Citation. » Puis (entre parenthèses). - un tiret.", "Fin. | « Citation. » Puis (entre parenthèses). | - un tiret."},
		{"Sentences", "1. Le médecin informe. II. Les caisses versent.", "1. Le médecin informe. | II. Les caisses versent."},
		{"Sentences", "a) Le médecin. Suite.", "a) Le médecin. | Suite."},
		{"Sentences", "Sans point final", "Sans point final"},
		{"Sentences", "Un.\u00a0Deux.", "Un. | Deux."},
		// Phrases, as drafting counts them: ; and : end none, "etc."
		// before a grammatical word does.
		{"Phrases", "Le tarif est fixé comme suit : 30 € pour la consultation. Il est revalorisé.", "Le tarif est fixé comme suit : 30 € pour la consultation. | Il est revalorisé."},
		{"Phrases", "Il mentionne : « Vu le devis ». Il signe ; Le médecin aussi.", "Il mentionne : « Vu le devis ». | Il signe ; Le médecin aussi."},
		{"Phrases", "Il remet un devis, etc. Il l'affiche. Les actes, etc. Sont concernés.", "Il remet un devis, etc. | Il l'affiche. | Les actes, etc. Sont concernés."},
		{"Phrases", "Voir l'art. 5, cf. Annexe 4. Fin ! Qui ? Tous.", "Voir l'art. 5, cf. Annexe 4. | Fin ! | Qui ? | Tous."},
		// EndsSentence: a line that a reader must not join to the next.
		{"EndsSentence", "La fin.", "true"},
		{"EndsSentence", "au sens de l'article L.", "false"},
		{"EndsSentence", "voir art.", "false"},
		{"EndsSentence", "B.", "true"},
		{"EndsSentence", "« entre guillemets. »", "true"},
		{"EndsSentence", "« remis en cause.\u00a0»", "true"},
		{"EndsSentence", "(article 3.)\u202f", "true"},
		{"EndsSentence", "sont visés :", "true"},
		{"EndsSentence", "la suite", "false"},
		// Fold: case, accents, ligatures, typography, spaces.
		{"Fold", "PRÉAMBULE", "preambule"},
		{"Fold", "  Cœur  de\u00a0l’Œuvre ", "coeur de l'oeuvre"},
		{"Fold", "Article 2 – «\u202fbis\u202f»", "article 2 - \" bis \""},
		{"Fold", "Re\u0301mune\u0301ration", "remuneration"},
		{"Fold", "ﬁn²", "fin2"},
		{"Fold", "26,50 €", "26,50 €"},
		// UnaccentCapital: capitals only.
		{"UnaccentCapital", "État À Ç È Ê Î Ô Ù Œ é à ç", "Etat A C E E I O U Œ é à ç"},
		// ReformAccents: è before consonants and a mute e.
		{"ReformAccents", "règlementation évènement cèderai règle", "réglementation événement céderai régle"},
		{"ReformAccents", "près dès procès complète achève", "près dès procès compléte achéve"},
		{"ReformAccents", "complété élevé", "complété élevé"},
		// Slug.
		{"Slug", "MG France", "mg-france"},
		{"Slug", "Fédération des Médecins", "federation-des-medecins"},
		{"Slug", "  CNAM ", "cnam"},
		{"Slug", "28.1", "28-1"},
		{"Slug", "€", ""},
		{"Slug", "Cœur", "coeur"},
		{"Slug", "Re\u0301mune\u0301ration", "remuneration"},
		{"Slug", "Москва 2", "2"},
		// Markers.
		{"StartsListEntry", "- la consultation", "true"},
		{"StartsListEntry", "1° la visite", "true"},
		{"StartsListEntry", "2. Les caisses", "true"},
		{"StartsListEntry", "b) le tarif", "true"},
		{"StartsListEntry", "IV. Titre", "true"},
		{"StartsListEntry", "| a | b |", "true"},
		{"StartsListEntry", "2024 fut", "false"},
		{"StartsListEntry", "Les caisses", "false"},
		{"IsMarker", "1.", "true"},
		{"IsMarker", "II.", "true"},
		{"IsMarker", "a)", "true"},
		{"IsMarker", "3°", "true"},
		{"IsMarker", "Le.", "false"},
		// Ordinal: every spelling of a rank (" | " between them) reads
		// as that rank; "no" for a word that is no ordinal.
		{"Ordinal", "premier | première | Premier | premiere | 1er | 1re | 1ère | 1ᵉʳ | 1e", "1"},
		{"Ordinal", "second | seconde | deuxième | deuxieme | 2e | 2ème | 2eme | 2è | 2nd | 2nde | 2ᵉ | 2 e", "2"},
		{"Ordinal", "troisième | 3e | 3ème", "3"},
		{"Ordinal", "quatrième | 4e", "4"},
		{"Ordinal", "cinquième | 5e", "5"},
		{"Ordinal", "sixième | 6e", "6"},
		{"Ordinal", "septième | 7e", "7"},
		{"Ordinal", "huitième | 8e", "8"},
		{"Ordinal", "neuvième | 9e", "9"},
		{"Ordinal", "dixième | 10e", "10"},
		{"Ordinal", "onzième | 11e | 11ème | 11ᵉ", "11"},
		{"Ordinal", "douzième | 12e", "12"},
		{"Ordinal", "treizième | 13e", "13"},
		{"Ordinal", "quatorzième | 14e", "14"},
		{"Ordinal", "quinzième | 15e", "15"},
		{"Ordinal", "seizième | 16e", "16"},
		{"Ordinal", "dix-septième | 17e", "17"},
		{"Ordinal", "dix-huitième | 18e", "18"},
		{"Ordinal", "dix-neuvième | 19e", "19"},
		{"Ordinal", "vingtième | 20e", "20"},
		{"Ordinal", "vingt et unième | vingt-et-unième | 21e | 21ème", "21"},
		{"Ordinal", "vingt-deuxième | 22e", "22"},
		{"Ordinal", "vingt-troisième | 23e", "23"},
		{"Ordinal", "vingt-quatrième | 24e", "24"},
		{"Ordinal", "vingt-cinquième | 25e", "25"},
		{"Ordinal", "trentième | 30e", "30"},
		{"Ordinal", "soixante et onzième | soixante-et-onzième", "71"},
		{"Ordinal", "quatre-vingtième", "80"},
		{"Ordinal", "quatre-vingt-dix-neuvième", "99"},
		{"Ordinal", "centième | cent unième", "100 | 101"},
		{"Ordinal", "dernier | dernière | derniere", "-1"},
		{"Ordinal", "avant-dernier | avant-dernière", "-2"},
		{"Ordinal", "unième | nième | quantième | deux | 2 | 2° | 0e | e | première-née | vingt-trente-ième | alinéa", "no"},
		// Cardinal: words of one number, or none.
		{"Cardinal", "quinze", "15"},
		{"Cardinal", "vingt et un | vingt-et-un | vingt et une", "21"},
		{"Cardinal", "soixante-dix | soixante et onze | soixante-dix-sept", "70 | 71 | 77"},
		{"Cardinal", "quatre-vingts | quatre-vingt-un | quatre-vingt-dix | quatre-vingt-dix-neuf", "80 | 81 | 90 | 99"},
		{"Cardinal", "cent | deux cents | deux cent vingt | cent quatre-vingts | mille | deux mille cinq cents", "100 | 200 | 220 | 180 | 1000 | 2500"},
		{"Cardinal", "dix-sept cents | onze cents | dix-neuf cent quatre-vingt-dix-huit | deux mille vingt-quatre", "1700 | 1100 | 1998 | 2024"},
		{"Cardinal", "un million | deux millions cinq cent mille | un milliard deux cents millions | trois milliards mille", "1000000 | 2500000 | 1200000000 | 3000001000"},
		{"Cardinal", "deux trois | vingt trente | dix quatre | et un | vingt et deux | un et un | cent cent | vingt cents | mille mille | vingt-quatre vingt", "no"},
		{"Cardinal", "dix cents | cent dix cents | mille onze cents | million | mille millions | deux millions trois milliards | deux millions un million", "no"},
		// CardinalBefore: the number that ends the text, and where it starts.
		{"CardinalBefore", "dans un délai de vingt-quatre", "18: 24"},
		{"CardinalBefore", "entre deux et trois", "14: 3"},
		{"CardinalBefore", "pendant vingt et un", "8: 21"},
		{"CardinalBefore", "soit quatre-vingts", "5: 80"},
		{"CardinalBefore", "les deux trois", "9: 3"},
		{"CardinalBefore", "fixé à dix-sept cents", "9: 1700"},
		{"CardinalBefore", "soit deux millions", "5: 2000000"},
		{"CardinalBefore", "un délai", "no"},
		// CardinalAfter: the number that opens the text, and where it ends.
		{"CardinalAfter", "deux mille vingt-quatre, le", "23: 2024"},
		{"CardinalAfter", "mil neuf cent quatre-vingt-dix-huit", "35: 1998"},
		{"CardinalAfter", "trente et un décembre", "12: 31"},
		{"CardinalAfter", "deux trois jours", "4: 2"},
		{"CardinalAfter", "délai de deux", "no"},
		// HeadingStart: the division a heading's first word names, and
		// what follows that word (after " | ").
		{"HeadingStart", "Article 12 - Objet", "article |  12 - Objet"},
		{"HeadingStart", "ARTICLE 1er", "article |  1er"},
		{"HeadingStart", "Art. 3", "article |  3"},
		{"HeadingStart", "art.12", "article | 12"},
		{"HeadingStart", "Articles 3 et 4", "article |  3 et 4"},
		{"HeadingStart", "Article Annexe IV", "annex |  IV"},
		{"HeadingStart", "Article annexé au présent", "article |  annexé au présent"},
		{"HeadingStart", "Annexe 1 : Tarifs", "annex |  1 : Tarifs"},
		{"HeadingStart", "ANNEXES", "annex | "},
		{"HeadingStart", "ÉTAT A", "annex |  A"},
		{"HeadingStart", "État B (Article 34 du projet de loi)", "annex |  B (Article 34 du projet de loi)"},
		{"HeadingStart", "ÉTAT DES LIEUX", "none | "},
		{"HeadingStart", "État membre de l'Union", "none | "},
		{"HeadingStart", "Étatisation", "none | "},
		{"HeadingStart", "Annexés au présent arrêté", "none | "},
		{"HeadingStart", "TITRE II", "title |  II"},
		{"HeadingStart", "Sous-titre 1", "subtitle |  1"},
		{"HeadingStart", "SOUS SECTION 2", "subsection |  2"},
		{"HeadingStart", "Sous-section", "subsection | "},
		{"HeadingStart", "Chapitre III.", "chapter |  III."},
		{"HeadingStart", "Section 1", "section |  1"},
		{"HeadingStart", "Préambule", "preamble | "},
		{"HeadingStart", "PRÉAMBULE :", "preamble |  :"},
		{"HeadingStart", "preambule", "preamble | "},
		{"HeadingStart", "Article", "article | "},
		{"HeadingStart", "Articulation des soins", "none | "},
		{"HeadingStart", "Titres restaurant", "none | "},
		{"HeadingStart", "Sectionné", "none | "},
		{"HeadingStart", "Article2", "none | "},
		{"HeadingStart", "Sous-préfecture", "none | "},
		{"HeadingStart", "Les articles 3 et 4", "none | "},
		{"HeadingStart", "", "none | "},
		{"HeadingStart", "Livre II : Aide", "book |  II : Aide"},
		{"HeadingStart", "Livreur", "none | "},
		{"HeadingStart", "Paragraphe 3", "paragraph |  3"},
		{"HeadingStart", "Sous-paragraphe 1", "subparagraph |  1"},
		{"HeadingStart", "Partie législative", "part |  législative"},
		// Before: the word before another as French writes it there
		// (word | next | gender m, f or -); "?" when it cannot tell.
		{"Before", "le | assuré | -", "l'"},
		{"Before", "Le | assuré | -", "L'"},
		{"Before", "la | infirmière | -", "l'"},
		{"Before", "du | assuré | -", "de l'"},
		{"Before", "Au | organisme | -", "À l'"},
		{"Before", "de | information | -", "d'"},
		{"Before", "que | il | -", "qu'"},
		{"Before", "si | il | -", "s'"},
		{"Before", "si | elle | -", "si"},
		{"Before", "s' | elle | -", "si"},
		{"Before", "s' | applique | -", "s'"},
		{"Before", "ce | avis | -", "cet"},
		{"Before", "ce | est | -", "c'"},
		{"Before", "sa | assurance | -", "son"},
		{"Before", "nouveau | avenant | -", "nouvel"},
		{"Before", "le | patient | -", "le"},
		{"Before", "le | onze | -", "le"},
		{"Before", "le | hôpital | -", "l'"},
		{"Before", "le | handicap | -", "le"},
		{"Before", "le | HAS | -", "le"},
		{"Before", "le | hameçon | -", "?"},
		{"Before", "les | hameçons | -", "les"},
		{"Before", "l' | patient | m", "le"},
		{"Before", "l’ | patiente | f", "la"},
		{"Before", "l' | patient | -", "?"},
		{"Before", "d' | patients | -", "de"},
		{"Before", "qu' | elle | -", "qu'"},
		{"Before", "jusqu' | ce | -", "jusque"},
		{"Before", "cet | document | -", "ce"},
		{"Before", "son | consentement | -", "?"},
		{"Before", "son | consentement | m", "son"},
		{"Before", "son | attestation | f", "son"},
		{"Before", "son | mutuelle | f", "sa"},
		{"Before", "nouvel | document | -", "nouveau"},
		{"Before", "aujourd' | hui | -", "aujourd'"},
	}
	for _, c := range cases {
		var got string
		switch c.fn {
		case "Sentences":
			got = strings.Join(Sentences(c.in), " | ")
		case "Phrases":
			var parts []string
			start := 0
			for _, next := range PhraseStarts(c.in) {
				parts = append(parts, strings.TrimSpace(c.in[start:next]))
				start = next
			}
			got = strings.Join(append(parts, c.in[start:]), " | ")
		case "EndsSentence":
			got = boolString(EndsSentence(c.in))
		case "Fold":
			got = Fold(c.in)
		case "Slug":
			got = Slug(c.in)
		case "UnaccentCapital":
			got = strings.Map(UnaccentCapital, c.in)
		case "ReformAccents":
			got = ReformAccents(c.in)
		case "StartsListEntry":
			got = boolString(StartsListEntry(c.in))
		case "IsMarker":
			got = boolString(isMarker(c.in))
		case "Ordinal", "Cardinal":
			got = numbers(c.fn, c.in)
		case "CardinalBefore":
			got = "no"
			if start, v, ok := CardinalBefore(c.in, len(c.in)); ok {
				got = strconv.Itoa(start) + ": " + strconv.Itoa(v)
			}
		case "Before":
			in := strings.Split(c.in, " | ")
			form, ok := Before(in[0], in[1], map[string]Gender{"m": Masculine, "f": Feminine}[in[2]])
			if got = form; !ok {
				got = "?"
			}
		case "CardinalAfter":
			got = "no"
			if end, v, ok := CardinalAfter(c.in, 0); ok {
				got = strconv.Itoa(end) + ": " + strconv.Itoa(v)
			}
		case "HeadingStart":
			div, rest := HeadingStart(c.in)
			got = divisionNames[div] + " | " + rest
		default:
			t.Fatalf("no function %q", c.fn)
		}
		if got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.fn, c.in, got, c.want)
		}
	}
}

var divisionNames = [...]string{NoDivision: "none", Preamble: "preamble", Title: "title", Subtitle: "subtitle",
	Chapter: "chapter", Section: "section", Subsection: "subsection", Article: "article", Annex: "annex",
	Part: "part", Book: "book", Paragraph: "paragraph", Subparagraph: "subparagraph"}

// numbers reads each of the " | "-separated spellings of in with fn, and
// lists the distinct results in order: one number when all agree.
func numbers(fn, in string) string {
	var got []string
	for _, w := range strings.Split(in, " | ") {
		n, ok := 0, false
		if fn == "Ordinal" {
			n, ok = Ordinal(w)
		} else {
			n, ok = Cardinal(strings.FieldsFunc(w, func(r rune) bool { return r == ' ' || r == '-' }))
		}
		r := "no"
		if ok {
			r = strconv.Itoa(n)
		}
		if !slices.Contains(got, r) {
			got = append(got, r)
		}
	}
	return strings.Join(got, " | ")
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Sentences loses nothing: its sentences, joined by the white space that
// separated them, give the line back.
func TestSentencesKeepText(t *testing.T) {
	line := "Art. 1. Le médecin, M. X, cf. L. 162-5. Il perçoit 1.234,56 €. 2. Les caisses ; Les assurés."
	got := Sentences(line)
	if strings.Join(got, " ") != line {
		t.Fatalf("Sentences(%q) = %q: does not join back", line, got)
	}
	starts := SentenceStarts(line)
	if !slices.IsSorted(starts) || len(starts) != len(got)-1 {
		t.Fatalf("SentenceStarts(%q) = %v for %d sentences", line, starts, len(got))
	}
}

func TestSlugMax(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"consultation de référence du médecin traitant", 24, "consultation-de"},
		{"abcdefghij", 5, "abcde"},
		{"ab cd", 5, "ab-cd"},
	} {
		if got := SlugMax(c.in, c.max); got != c.want {
			t.Errorf("SlugMax(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

func TestIndexFold(t *testing.T) {
	for _, tc := range []struct {
		s, needle string
		want      int
	}{
		{"Voir l'ARTICLE 3", "art", 7},
		{"Art. 3", "art", 0},
		{"partie", "art", 1},
		{"ar", "art", -1},
		{"", "art", -1},
		{"Éco CODE", "code", 5},
		{"les mots : « cinquante EUROS »", "euro", 24},
		{"0123456789abcdeFRANC", "franc", 15},
		{"0123456789abcdeFRAN", "franc", -1},
		{"@RT @rt", "`rt", -1}, // '@' | 0x20 is '`', but '@' is not '`' in any case
	} {
		if got := IndexFold(tc.s, tc.needle); got != tc.want {
			t.Errorf("IndexFold(%q, %q) = %d, want %d", tc.s, tc.needle, got, tc.want)
		}
	}
}

// IndexFold, eight bytes at a time, finds what the byte by byte statement
// of it, kept here, finds.
func FuzzIndexFold(f *testing.F) {
	f.Add("Voir l'ARTICLE 3 et l'article 4 du code", "article")
	f.Add("un montant de cinquante euros", "euro")
	f.Add("aaaaaaaaaaaaaaaaab", "ab")
	f.Fuzz(func(t *testing.T, s, needle string) {
		needle = strings.ToLower(needle)
		if needle == "" || needle[0] >= utf8.RuneSelf {
			return
		}
		want := -1
		for i := 0; i+len(needle) <= len(s); i++ {
			if s[i]|0x20 == needle[0] && strings.EqualFold(s[i:i+len(needle)], needle) {
				want = i
				break
			}
		}
		if got := IndexFold(s, needle); got != want {
			t.Errorf("IndexFold(%q, %q) = %d, want %d", s, needle, got, want)
		}
	})
}

// ReformAccents copies the text only from its first reformed "è" on; it
// writes what the byte by byte statement of the rule, kept here, writes.
func TestReformAccentsIsTheRule(t *testing.T) {
	rule := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); {
			if strings.HasPrefix(s[i:], "è") && beforeMuteSyllable(s[i+len("è"):]) {
				b.WriteString("é")
				i += len("è")
				continue
			}
			b.WriteByte(s[i])
			i++
		}
		return b.String()
	}
	alphabet := []string{"è", "e", "g", "l", "r", "m", "a", " ", "\xc3", "\xa8", "é"}
	for s := range synth.Strings(11, alphabet, 10, 30000) {
		if got, want := ReformAccents(s), rule(s); got != want {
			t.Fatalf("ReformAccents(%q) = %q, the rule gives %q", s, got, want)
		}
	}
}
