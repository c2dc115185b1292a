package clause

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/avenant-dev/avenant/fixtures"
	"github.com/avenant-dev/avenant/internal/corpus"
	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/goldenfile"
	"github.com/avenant-dev/avenant/internal/lazyre"
	"github.com/avenant-dev/avenant/internal/synth"
)

func f64(v float64) *float64 { return &v }

func factsJSON(fs []Fact) string {
	b, _ := json.MarshalIndent(fs, "", "  ")
	return string(b)
}

// factCases is the one table of compareFacts behaviour.
var factCases = []struct {
	name     string
	old, new string
	subject  string
	refs     *refIndex
	want     []Fact
}{
	// Amounts.
	{
		name: "amount raised, tied to the code before it",
		old:  "La consultation G est fixée à 26,50 €.",
		new:  "La consultation G est fixée à 30 €.",
		want: []Fact{{Kind: FactAmount, Subject: "G", Old: "26,50 €", New: "30 €", OldValue: f64(26.5), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(13.21)}},
	},
	{
		name: "amount in euros spelled out, code in parentheses",
		old:  "L'avis ponctuel de consultant (APC) est valorisé à 56,50 euros.",
		new:  "L’avis ponctuel de consultant (APC) est valorisé à 60 €.",
		want: []Fact{{Kind: FactAmount, Subject: "APC", Old: "56,50 euros", New: "60 €", OldValue: f64(56.5), NewValue: f64(60), Unit: "EUR", DeltaPct: f64(6.19)}},
	},
	{
		name:    "amount tied to the subject of a tariff row",
		old:     "Tarif : 25 €",
		new:     "Tarif : 26,50 €",
		subject: "G",
		want:    []Fact{{Kind: FactAmount, Subject: "G", Old: "25 €", New: "26,50 €", OldValue: f64(25), NewValue: f64(26.5), Unit: "EUR", DeltaPct: f64(6)}},
	},
	{
		name:    "a tariff row prices its own act, whatever codes its label names",
		old:     "MPC | Majoration applicable aux consultations G et GS | 2 €",
		new:     "MPC | Majoration applicable aux consultations G et GS | 5 €",
		subject: "MPC",
		want:    []Fact{{Kind: FactAmount, Subject: "MPC", Old: "2 €", New: "5 €", OldValue: f64(2), NewValue: f64(5), Unit: "EUR", DeltaPct: f64(150)}},
	},
	{
		name: "nearest code before the amount",
		old:  "La consultation G est fixée à 30 € et la visite VG à 40 €.",
		new:  "La consultation G est fixée à 30 € et la visite VG à 45 €.",
		want: []Fact{{Kind: FactAmount, Subject: "VG", Old: "40 €", New: "45 €", OldValue: f64(40), NewValue: f64(45), Unit: "EUR", DeltaPct: f64(12.5)}},
	},
	{
		name: "code just after the amount",
		old:  "Un tarif de 25 € pour la consultation G.",
		new:  "Un tarif de 30 € pour la consultation G.",
		want: []Fact{{Kind: FactAmount, Subject: "G", Old: "25 €", New: "30 €", OldValue: f64(25), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(20)}},
	},
	{
		name: "row label of a tariff table",
		old:  "- C\n\nDEPARTEMENTS : Métropolitains : 115,00 F\n\n- CS\n\nDEPARTEMENTS : Métropolitains : 150,00 F",
		new:  "- C\n\nDEPARTEMENTS : Métropolitains : 120,00 F\n\n- CS\n\nDEPARTEMENTS : Métropolitains : 150,00 F",
		want: []Fact{{Kind: FactAmount, Subject: "C", Old: "115,00 F", New: "120,00 F", OldValue: f64(115), NewValue: f64(120), Unit: "FRF", DeltaPct: f64(4.35)}},
	},
	{
		name: "francs converted to euros compare in euros",
		old:  "La consultation C est fixée à 115,00 F.",
		new:  "La consultation C est fixée à 17,53 €.",
		want: []Fact{{Kind: FactAmount, Subject: "C", Old: "115,00 F", New: "17,53 €", OldValue: f64(17.53), NewValue: f64(17.53), Unit: "EUR", DeltaPct: f64(0)}},
	},
	{
		name: "thousands separators",
		old:  "Le forfait est de 1 234,56 € par an.",
		new:  "Le forfait est de 1 300 € par an.",
		want: []Fact{{Kind: FactAmount, Old: "1 234,56 € par an", New: "1 300 € par an", OldValue: f64(1234.56), NewValue: f64(1300), Unit: "EUR", DeltaPct: f64(5.3)}},
	},
	{
		name: "amounts swapped between two acts pair by act",
		old:  "La consultation G est fixée à 25 € et l'APC à 55 €.",
		new:  "La consultation G est fixée à 30 € et l'APC à 25 €.",
		want: []Fact{
			{Kind: FactAmount, Subject: "G", Old: "25 €", New: "30 €", OldValue: f64(25), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(20)},
			{Kind: FactAmount, Subject: "APC", Old: "55 €", New: "25 €", OldValue: f64(55), NewValue: f64(25), Unit: "EUR", DeltaPct: f64(-54.55)},
		},
	},
	{
		name: "amount and code appear",
		old:  "La visite est gratuite.",
		new:  "La visite VG est fixée à 30 €.",
		want: []Fact{
			{Kind: FactCode, New: "VG"},
			{Kind: FactAmount, Subject: "VG", New: "30 €", NewValue: f64(30), Unit: "EUR"},
		},
	},
	{
		name: "amount disappears",
		old:  "Le forfait de 40 € est supprimé au profit de la consultation.",
		new:  "Le forfait est supprimé au profit de la consultation.",
		want: []Fact{{Kind: FactAmount, Old: "40 €", OldValue: f64(40), Unit: "EUR"}},
	},
	{
		name: "same change written twice is reported once",
		old:  "Le forfait est de 25 €. Le forfait reste de 25 €.",
		new:  "Le forfait est de 30 €. Le forfait reste de 30 €.",
		want: []Fact{{Kind: FactAmount, Old: "25 €", New: "30 €", OldValue: f64(25), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(20)}},
	},
	// Codes.
	{
		name: "code renamed in place, amount unchanged",
		old:  "La consultation G est fixée à 25 €.",
		new:  "La consultation GS est fixée à 25 €.",
		want: []Fact{{Kind: FactCode, Old: "G", New: "GS"}},
	},
	{
		name: "roman numerals and institutions are not codes",
		old:  "Le titre V de l'annexe C est signé par la CNAM et l'UNCAM.",
		new:  "Le titre VI de l'annexe D est signé par la CNAM et les ARS.",
		want: []Fact{{Kind: FactReference, Old: "annexe C", New: "annexe D"}},
	},
	// Percentages.
	{
		name: "percent raised",
		old:  "Le taux de prise en charge est de 70 %.",
		new:  "Le taux de prise en charge est de 80 %.",
		want: []Fact{{Kind: FactPercent, Old: "70 %", New: "80 %", OldValue: f64(70), NewValue: f64(80), Unit: "%", DeltaPct: f64(14.29)}},
	},
	{
		name: "percent with decimals and no space",
		old:  "Sous plafond : 13,2%",
		new:  "Sous plafond : 12,5 %",
		want: []Fact{{Kind: FactPercent, Old: "13,2%", New: "12,5 %", OldValue: f64(13.2), NewValue: f64(12.5), Unit: "%", DeltaPct: f64(-5.3)}},
	},
	// Dates.
	{
		name: "date moved",
		old:  "Applicable à compter du 1er janvier 2025.",
		new:  "Applicable à compter du 1er juillet 2025.",
		want: []Fact{{Kind: FactDate, Old: "1er janvier 2025", New: "1er juillet 2025"}},
	},
	{
		name: "same date written differently",
		old:  "Publié le 30/04/2023.",
		new:  "Publié le 30 avril 2023.",
	},
	{
		name: "ISO date",
		old:  "Version du 2023-04-30.",
		new:  "Version du 2024-02-08.",
		want: []Fact{{Kind: FactDate, Old: "2023-04-30", New: "2024-02-08"}},
	},
	{
		name: "a date or a year in words is the date in figures",
		old:  "La mesure entre en vigueur le premier janvier deux mille vingt-cinq ; le bilan est fait en deux mille vingt-quatre ; l'arrêté du trente et un décembre mil neuf cent quatre-vingt-dix-huit ; un tirage en deux mille exemplaires.",
		new:  "La mesure entre en vigueur le premier juillet deux mille vingt-cinq ; le bilan est fait en deux mille vingt-six ; l'arrêté du 31 décembre 1998 ; un tirage en trois mille exemplaires.",
		want: []Fact{{Kind: FactDate, Old: "premier janvier deux mille vingt-cinq", New: "premier juillet deux mille vingt-cinq"},
			{Kind: FactDate, Old: "deux mille vingt-quatre", New: "deux mille vingt-six"}},
	},
	{
		name: "a date with dots",
		old:  "Le dispositif prend fin le 31.12.2026.",
		new:  "Le dispositif prend fin le 31.12.2027.",
		want: []Fact{{Kind: FactDate, Old: "31.12.2026", New: "31.12.2027"}},
	},
	{
		name: "a date with dots is the same date with slashes",
		old:  "Le dispositif prend fin le 31.12.2026.",
		new:  "Le dispositif prend fin le 31/12/2026.",
	},
	{
		name: "a semester, a quarter",
		old:  "La revalorisation intervient au 1er semestre 2025, le bilan au premier trimestre.",
		new:  "La revalorisation intervient au 2nd semestre 2025, le bilan au troisième trimestre.",
		want: []Fact{{Kind: FactDate, Old: "1er semestre 2025", New: "2nd semestre 2025"}, {Kind: FactDate, Old: "premier trimestre", New: "troisième trimestre"}},
	},
	{
		name: "the same semester spelt otherwise",
		old:  "La revalorisation intervient au premier semestre 2025.",
		new:  "La revalorisation intervient au 1er semestre 2025.",
	},
	// Durations.
	{
		name: "duration in words to digits",
		old:  "Le médecin dispose d'un délai de deux mois.",
		new:  "Le médecin dispose d'un délai de 3 mois.",
		want: []Fact{{Kind: FactDuration, Old: "deux mois", New: "3 mois", OldValue: f64(2), NewValue: f64(3), Unit: "month", DeltaPct: f64(50)}},
	},
	{
		name: "same duration in words and digits",
		old:  "Un préavis de quinze jours.",
		new:  "Un préavis de 15 jours.",
	},
	{
		name: "the last of the periods of a year is the last by number",
		old:  "Au dernier trimestre 2025 et à l'avant-dernier trimestre 2026, puis au dernier semestre 2027.",
		new:  "Au quatrième trimestre 2025 et au troisième trimestre 2026, puis au second semestre 2027.",
	},
	{
		name: "numbers in words of every shape are their figures",
		old:  "Un préavis de quatre-vingts jours, une suspension de vingt et un jours, un délai de soixante-dix jours et un stage de quatre-vingt-dix-neuf heures.",
		new:  "Un préavis de 80 jours, une suspension de 21 jours, un délai de 70 jours et un stage de 99 heures.",
	},
	{
		name: "a time limit in words changed",
		old:  "Un préavis de quinze jours, un délai de soixante-dix jours.",
		new:  "Un préavis de trente jours, un délai de soixante jours.",
		want: []Fact{{Kind: FactDuration, Old: "quinze jours", New: "trente jours", OldValue: f64(15), NewValue: f64(30), Unit: "day", DeltaPct: f64(100)},
			{Kind: FactDuration, Old: "soixante-dix jours", New: "soixante jours", OldValue: f64(70), NewValue: f64(60), Unit: "day", DeltaPct: f64(-14.29)}},
	},
	{
		name: "compound number words",
		old:  "La suspension est de vingt-quatre mois.",
		new:  "La suspension est de soixante et onze jours.",
		want: []Fact{{Kind: FactDuration, Old: "vingt-quatre mois", New: "soixante et onze jours"}},
	},
	{
		name: "weeks in days and years in months are the same limit",
		old:  "Le contrat dure un an. Le préavis est de deux semaines.",
		new:  "Le contrat dure 12 mois. Le préavis est de quatorze jours.",
	},
	{
		name: "a year against more months is a change, without values across units",
		old:  "Le contrat dure un an.",
		new:  "Le contrat dure 18 mois.",
		want: []Fact{{Kind: FactDuration, Old: "un an", New: "18 mois"}},
	},
	{
		name: "a range in words is two numbers",
		old:  "Le délai est compris entre deux et trois mois.",
		new:  "Le délai est compris entre deux et quatre mois.",
		want: []Fact{{Kind: FactDuration, Old: "trois mois", New: "quatre mois", OldValue: f64(3), NewValue: f64(4), Unit: "month", DeltaPct: f64(33.33)}},
	},
	{
		name: "a price tag's cents, not a footnote",
		old:  "Le G passe à 26€50 au 1er mai, note 30 €1.",
		new:  "Le G passe à 26€60 au 1er mai, note 30 €2.",
		want: []Fact{{Kind: FactAmount, Subject: "G", Old: "26€50", New: "26€60", OldValue: f64(26.5), NewValue: f64(26.6), Unit: "EUR", DeltaPct: f64(0.38)}},
	},
	{
		name: "a majoration turned into a minoration",
		old:  "La majoration est de + 5 € par acte. Minoration : -3 €.",
		new:  "La majoration est de − 5 € par acte. Minoration : +3 €.",
		want: []Fact{{Kind: FactAmount, Old: "+ 5 € par acte", New: "− 5 € par acte", OldValue: f64(5), NewValue: f64(-5), Unit: "EUR", DeltaPct: f64(-200)},
			{Kind: FactAmount, Old: "-3 €", New: "+3 €", OldValue: f64(-3), NewValue: f64(3), Unit: "EUR", DeltaPct: f64(-200)}},
	},
	{
		name: "a true minus signs wherever it stands, a rate too",
		old:  "Tarif + 5 € par acte.\nMinoration 2 € ; évolution + 2 %.\nRemise ⁻1 €.",
		new:  "Tarif \u2212 5 € par acte.\nMinoration \u22122 € ; évolution \u2212\u00a02 %.\nRemise 1 €.",
		want: []Fact{{Kind: FactAmount, Old: "+ 5 € par acte", New: "− 5 € par acte", OldValue: f64(5), NewValue: f64(-5), Unit: "EUR", DeltaPct: f64(-200)},
			{Kind: FactAmount, Old: "2 €", New: "−2 €", OldValue: f64(2), NewValue: f64(-2), Unit: "EUR", DeltaPct: f64(-200)},
			{Kind: FactPercent, Old: "+ 2 %", New: "− 2 %", OldValue: f64(2), NewValue: f64(-2), Unit: "%", DeltaPct: f64(-200)},
			{Kind: FactAmount, Old: "−1 €", New: "1 €", OldValue: f64(-1), NewValue: f64(1), Unit: "EUR", DeltaPct: f64(-200)}},
	},
	{
		name: "a minus set against a figure or a word is a hyphen",
		old:  "Entre 10\u221215 €, article L. 162\u22125.",
		new:  "Entre 10-15 €, article L. 162-5.",
	},
	{
		name: "a list's dash, a title's dash, a range: no sign",
		old:  "Tarifs :\n- 5 € par visite.\nConsultation - 30 €. Entre 10-15 €.",
		new:  "Tarifs :\n5 € par visite.\nConsultation 30 €. Entre 10-15 €.",
	},
	{
		name: "sums and rates spelt out",
		old:  "La participation est de dix pour cent. La franchise est de cinquante euros.",
		new:  "La participation est de quinze pour cent. La franchise est de soixante et onze euros.",
		want: []Fact{{Kind: FactPercent, Old: "dix pour cent", New: "quinze pour cent", OldValue: f64(10), NewValue: f64(15), Unit: "%", DeltaPct: f64(50)},
			{Kind: FactAmount, Old: "cinquante euros", New: "soixante et onze euros", OldValue: f64(50), NewValue: f64(71), Unit: "EUR", DeltaPct: f64(42)}},
	},
	{
		name: "a sum spelt out is the same sum in digits",
		old:  "Le forfait est de deux euros par boîte, soit vingt pour cent.",
		new:  "Le forfait est de 2 euros par boîte, soit 20 %.",
	},
	{
		name: "a sum spelt out with its hundreds, millions, cents and period is the same sum in digits",
		old:  "Le plafond est de dix-sept cents euros, l'enveloppe de deux millions d'euros, la consultation de vingt-six euros et cinquante centimes, la visite de 30 euros et 50 centimes, le forfait de cinquante euros par mois.",
		new:  "Le plafond est de 1 700 euros, l'enveloppe de 2 000 000 €, la consultation de 26,50 €, la visite de 30,50 €, le forfait de 50 € par mois.",
	},
	{
		name: "a sum spelt out changed in its hundreds, millions, cents and period",
		old:  "Le plafond est de dix-sept cents euros, l'enveloppe de deux millions d'euros, la consultation de vingt-six euros et cinquante centimes, le forfait de cinquante euros par mois.",
		new:  "Le plafond est de dix-huit cents euros, l'enveloppe de trois millions d'euros, la consultation de vingt-six euros, le forfait de cinquante euros par an.",
		want: []Fact{{Kind: FactAmount, Old: "dix-sept cents euros", New: "dix-huit cents euros", OldValue: f64(1700), NewValue: f64(1800), Unit: "EUR", DeltaPct: f64(5.88)},
			{Kind: FactAmount, Old: "deux millions d'euros", New: "trois millions d'euros", OldValue: f64(2e6), NewValue: f64(3e6), Unit: "EUR", DeltaPct: f64(50)},
			{Kind: FactAmount, Old: "vingt-six euros et cinquante centimes", New: "vingt-six euros", OldValue: f64(26.5), NewValue: f64(26), Unit: "EUR", DeltaPct: f64(-1.89)},
			{Kind: FactAmount, Old: "cinquante euros par mois", New: "cinquante euros par an", OldValue: f64(50), NewValue: f64(50), Unit: "EUR", Note: "50 €/mois → 50 €/an"}},
	},
	{
		name: "hours",
		old:  "La réponse intervient sous 48 heures.",
		new:  "La réponse intervient sous 72 heures.",
		want: []Fact{{Kind: FactDuration, Old: "48 heures", New: "72 heures", OldValue: f64(48), NewValue: f64(72), Unit: "hour", DeltaPct: f64(50)}},
	},
	{
		name: "the currency before the sum",
		old:  "La consultation G est fixée à EUR 26,50.",
		new:  "La consultation G est fixée à EUR 30.",
		want: []Fact{{Kind: FactAmount, Subject: "G", Old: "EUR 26,50", New: "EUR 30", OldValue: f64(26.5), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(13.21)}},
	},
	{
		name: "the currency before a sum with thousands",
		old:  "L'acte ACQH001 est fixé à € 1 234,56 et l'acte ACQH002 à EUR 2.000.",
		new:  "L'acte ACQH001 est fixé à € 1 334,56 et l'acte ACQH002 à EUR 2.100.",
		want: []Fact{
			{Kind: FactAmount, Subject: "ACQH001", Old: "€ 1 234,56", New: "€ 1 334,56", OldValue: f64(1234.56), NewValue: f64(1334.56), Unit: "EUR", DeltaPct: f64(8.1)},
			{Kind: FactAmount, Subject: "ACQH002", Old: "EUR 2.000", New: "EUR 2.100", OldValue: f64(2000), NewValue: f64(2100), Unit: "EUR", DeltaPct: f64(5)},
		},
	},
	{
		name: "a footnote called after the price, in superscript",
		old:  "La consultation G est fixée à 30 €¹ et la visite VG à 35 €2.",
		new:  "La consultation G est fixée à 31 €¹ et la visite VG à 36 €2.",
		want: []Fact{
			{Kind: FactAmount, Subject: "G", Old: "30 €", New: "31 €", OldValue: f64(30), NewValue: f64(31), Unit: "EUR", DeltaPct: f64(3.33)},
			{Kind: FactAmount, Subject: "VG", Old: "35 €", New: "36 €", OldValue: f64(35), NewValue: f64(36), Unit: "EUR", DeltaPct: f64(2.86)},
		},
	},
	{
		name: "cents after the unit",
		old:  "La consultation G est fixée à 26 € 50.",
		new:  "La consultation G est fixée à 26 € 60.",
		want: []Fact{{Kind: FactAmount, Subject: "G", Old: "26 € 50", New: "26 € 60", OldValue: f64(26.5), NewValue: f64(26.6), Unit: "EUR", DeltaPct: f64(0.38)}},
	},
	{
		name: "cents after the unit are the same sum",
		old:  "La consultation G est fixée à 26 € 50.",
		new:  "La consultation G est fixée à 26,50 €.",
	},
	{
		name: "a number after the unit that is no cents",
		old:  "Le forfait MPA est de 30 € 15 jours durant, puis de 40 € 50 %.",
		new:  "Le forfait MPA est de 31 € 15 jours durant, puis de 40 € 50 %.",
		want: []Fact{{Kind: FactAmount, Subject: "MPA", Old: "30 €", New: "31 €", OldValue: f64(30), NewValue: f64(31), Unit: "EUR", DeltaPct: f64(3.33)}},
	},
	{
		name: "a key letter and its coefficient in a sentence",
		old:  "L'acte AMI 3 est fixé à 9,45 € et l'acte AMI 1 à 3,15 €.",
		new:  "L'acte AMI 3 est fixé à 9,60 € et l'acte AMI 1 à 3,15 €.",
		want: []Fact{{Kind: FactAmount, Subject: "AMI 3", Old: "9,45 €", New: "9,60 €", OldValue: f64(9.45), NewValue: f64(9.6), Unit: "EUR", DeltaPct: f64(1.59)}},
	},
	{
		name: "a rate per thousand",
		old:  "La cotisation est de 5 pour mille.",
		new:  "La cotisation est de 6 ‰.",
		want: []Fact{{Kind: FactPercent, Old: "5 pour mille", New: "6 ‰", OldValue: f64(0.5), NewValue: f64(0.6), Unit: "%", DeltaPct: f64(20)}},
	},
	{
		name: "a rate per thousand is the same per cent",
		old:  "La cotisation est de 5 pour mille.",
		new:  "La cotisation est de 0,5 %.",
	},
	{
		name: "a year alone",
		old:  "Au titre de l'année 2025, le forfait est versé en une fois. Le bilan est fait en 2026.",
		new:  "Au titre de l'année 2026, le forfait est versé en une fois. Le bilan est fait en 2027.",
		want: []Fact{{Kind: FactDate, Old: "2025", New: "2026"}, {Kind: FactDate, Old: "2026", New: "2027"}},
	},
	{
		name: "a year in a date, or counting, is no year alone",
		old:  "Le 1er janvier 2025, pour 2025 euros, avant 2025 %.",
		new:  "Le 1er janvier 2026, pour 2026 euros, avant 2026 %.",
		want: []Fact{{Kind: FactDate, Old: "1er janvier 2025", New: "1er janvier 2026"},
			{Kind: FactAmount, Old: "2025 euros", New: "2026 euros", OldValue: f64(2025), NewValue: f64(2026), Unit: "EUR", DeltaPct: f64(0.05), Effective: "2026-01-01"},
			{Kind: FactPercent, Old: "2025 %", New: "2026 %", OldValue: f64(2025), NewValue: f64(2026), Unit: "%", DeltaPct: f64(0.05), Effective: "2026-01-01"}},
	},
	{
		name: "a year before what it counts is a count",
		old:  "La brochure est tirée en 2000 exemplaires pour 2000 patients, depuis 2000 inclus, en 2010 dans la région.",
		new:  "La brochure est tirée en 3000 exemplaires pour 2500 patients, depuis 2001 inclus, en 2011 dans la région.",
		want: []Fact{{Kind: FactDate, Old: "2000", New: "2001"}, {Kind: FactDate, Old: "2010", New: "2011"}},
	},
	{
		name: "a year before a participle or a quantifier is a date",
		old:  "Les sommes dues pour 2010 versées en avril. En 2012 plusieurs mesures, depuis 2014 pris en charge, installés en 2016 concernés.",
		new:  "Les sommes dues pour 2011 versées en avril. En 2013 plusieurs mesures, depuis 2015 pris en charge, installés en 2017 concernés.",
		want: []Fact{{Kind: FactDate, Old: "2010", New: "2011"}, {Kind: FactDate, Old: "2012", New: "2013"},
			{Kind: FactDate, Old: "2014", New: "2015"}, {Kind: FactDate, Old: "2016", New: "2017"}},
	},
	{
		name: "a year before a participle that agrees with nothing before it counts the participle's noun",
		old:  "Une enveloppe est prévue pour 2000 assurés, l'obligation s'applique dès 2000 salariés et le seuil est fixé pour 2000 points. Le montant versé depuis 2018 inclus. Le plan crée des places pour 2000 retraités et les sommes versées pour 2000 salariés.",
		new:  "Une enveloppe est prévue pour 2500 assurés, l'obligation s'applique dès 2010 salariés et le seuil est fixé pour 2020 points. Le montant versé depuis 2019 inclus. Le plan crée des places pour 2010 retraités et les sommes versées pour 2010 salariés.",
		want: []Fact{{Kind: FactDate, Old: "2018", New: "2019"}},
	},
	{
		name: "a year after a locution ending in de",
		old:  "Le forfait est versé à compter de 2025, la majoration à partir de 2026, la ROSP au titre de 2024 ; les sommes au titre de 2022 versées en 2023 ; dès 2000 patients, à partir de 2000 patients ; un plafond de 2000.",
		new:  "Le forfait est versé à compter de 2026, la majoration à partir de 2027, la ROSP au titre de 2025 ; les sommes au titre de 2021 versées en 2023 ; dès 2000 patients, à partir de 2500 patients ; un plafond de 2020.",
		want: []Fact{{Kind: FactDate, Old: "2025", New: "2026"}, {Kind: FactDate, Old: "2026", New: "2027"},
			{Kind: FactDate, Old: "2024", New: "2025"}, {Kind: FactDate, Old: "2022", New: "2021"}},
	},
	{
		name: "a year in two digits",
		old:  "Le tarif s'applique à compter du 1er janvier 24, jusqu'au 31/12/25, puis au 01.01.98 ; le point 1.5.10 ; le 1er mars 24 heures après.",
		new:  "Le tarif s'applique à compter du 1er janvier 25, jusqu'au 31 décembre 2025, puis au 01.01.99 ; le point 1.5.11 ; le 1er mars 48 heures après.",
		want: []Fact{{Kind: FactDate, Old: "1er janvier 24", New: "1er janvier 25"}, {Kind: FactDate, Old: "01.01.98", New: "01.01.99"},
			{Kind: FactDuration, Old: "24 heures", New: "48 heures", OldValue: f64(24), NewValue: f64(48), Unit: "hour", DeltaPct: f64(100)}},
	},
	{
		name: "a date in two digits dates the sum",
		old:  "La consultation G est portée à 30 € à compter du 01/10/24.",
		new:  "La consultation G est portée à 31 € à compter du 01/10/24.",
		want: []Fact{{Kind: FactAmount, Subject: "G", Old: "30 €", New: "31 €", OldValue: f64(30), NewValue: f64(31), Unit: "EUR", DeltaPct: f64(3.33), Effective: "2024-10-01"}},
	},
	{
		name: "a rate per hundred or thousand in words, but not a ratio of things",
		old:  "Le taux est de 70 pour 100, la cotisation de 5 pour 1000 des revenus, le quota de 3 pour 1000 habitants.",
		new:  "Le taux est de 60 pour 100, la cotisation de 6 p. 1000 des revenus, le quota de 4 pour 1000 habitants.",
		want: []Fact{{Kind: FactPercent, Old: "70 pour 100", New: "60 pour 100", OldValue: f64(70), NewValue: f64(60), Unit: "%", DeltaPct: f64(-14.29)},
			{Kind: FactPercent, Old: "5 pour 1000", New: "6 p. 1000", OldValue: f64(0.5), NewValue: f64(0.6), Unit: "%", DeltaPct: f64(20)}},
	},
	{
		name: "and a half",
		old:  "Le délai est de 1 mois et demi, la séance dure une heure et demie, le contrat un an et demi.",
		new:  "Le délai est de 2 mois et demi, la séance dure deux heures, le contrat 18 mois.",
		want: []Fact{{Kind: FactDuration, Old: "1 mois et demi", New: "2 mois et demi", OldValue: f64(1.5), NewValue: f64(2.5), Unit: "month", DeltaPct: f64(66.67)},
			{Kind: FactDuration, Old: "une heure et demie", New: "deux heures", OldValue: f64(1.5), NewValue: f64(2), Unit: "hour", DeltaPct: f64(33.33)}},
	},
	{
		name: "a day of every month, a deadline of payment",
		old:  "La caisse paie au plus tard le 15 du mois suivant ; l'avance est versée le 10 de chaque mois ; il verse 15 du mois.",
		new:  "La caisse paie au plus tard le 20 du mois suivant ; l'avance est versée le 1er de chaque mois ; il verse 16 du mois.",
		want: []Fact{{Kind: FactDate, Old: "15 du mois", New: "20 du mois"}, {Kind: FactDate, Old: "10 de chaque mois", New: "1er de chaque mois"}},
	},
	{
		name: "a range's lower bound is of its unit",
		old:  "Le forfait est de 25 à 30 €, le taux entre 10 et 20 %, le délai de deux à trois mois.",
		new:  "Le forfait est de 20 à 30 €, le taux entre 15 et 20 %, le délai de un à trois mois.",
		want: []Fact{{Kind: FactAmount, Old: "25 à 30 €", New: "20 à 30 €", OldValue: f64(25), NewValue: f64(20), Unit: "EUR", DeltaPct: f64(-20)},
			{Kind: FactPercent, Old: "10 et 20 %", New: "15 et 20 %", OldValue: f64(10), NewValue: f64(15), Unit: "%", DeltaPct: f64(50)},
			{Kind: FactDuration, Old: "deux à trois mois", New: "un à trois mois", OldValue: f64(2), NewValue: f64(1), Unit: "month", DeltaPct: f64(-50)}},
	},
	{
		name: "a range's unit written twice is the same range; a number after an article is none",
		old:  "Le forfait est de 25 à 30 €, selon l'article 3 à 30 € près.",
		new:  "Le forfait est de 25 € à 30 €, selon l'article 3 à 30 € près.",
	},
	{
		name: "a sum before taxes is another sum than with them",
		old:  "Le forfait est de 1 500 € par an, la licence de 300 euros TTC, l'audit de 2 000 euros H.T.",
		new:  "Le forfait est de 1 500 € HT par an, la licence de 300 euros hors taxes, l'audit de 2 000 € HT.",
		want: []Fact{{Kind: FactAmount, Old: "1 500 € par an", New: "1 500 € HT par an", OldValue: f64(1500), NewValue: f64(1500), Unit: "EUR", Note: "1500 €/an → 1500 € HT/an"},
			{Kind: FactAmount, Old: "300 euros TTC", New: "300 euros hors taxes", OldValue: f64(300), NewValue: f64(300), Unit: "EUR", Note: "300 € TTC → 300 € HT"}},
	},
	{
		name: "a sum or a rate per patient, per act, per patient and per year",
		old:  "Le forfait est de 30 € par patient et par an, l'aide de 5 € par acte, la prime de 7 €/patient/an, le tarif de 20 € par arrêté ; les tarifs évoluent de 2 % par an.",
		new:  "Le forfait est de 30 € par patient et par mois, l'aide de 5 € par patient, la prime de 7 € par an et par patient, le tarif de 20 € par avenant ; les tarifs évoluent de 2 % par mois.",
		want: []Fact{{Kind: FactAmount, Old: "30 € par patient et par an", New: "30 € par patient et par mois", OldValue: f64(30), NewValue: f64(30), Unit: "EUR", Note: "30 €/an/patient → 30 €/mois/patient"},
			{Kind: FactAmount, Old: "5 € par acte", New: "5 € par patient", OldValue: f64(5), NewValue: f64(5), Unit: "EUR", Note: "5 €/acte → 5 €/patient"},
			{Kind: FactPercent, Old: "2 % par an", New: "2 % par mois", OldValue: f64(2), NewValue: f64(2), Unit: "%", Note: "2 %/an → 2 %/mois"}},
	},
	{
		name: "a ceiling turned into a floor, a bound added",
		old:  "Le dépassement est de 30 € au plus, le taux au maximum de 20 %, la réponse dans un délai d'au plus deux mois ; la prime est de 50 €, l'aide d'au moins 10 €.",
		new:  "Le dépassement est de 30 € au moins, le taux au minimum de 20 %, la réponse dans un délai d'au moins deux mois ; la prime est de 50 € au plus, l'aide de 10 € minimum.",
		want: []Fact{{Kind: FactAmount, Old: "30 € au plus", New: "30 € au moins", OldValue: f64(30), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(0), Note: "≤ 30 → ≥ 30"},
			{Kind: FactPercent, Old: "au maximum de 20 %", New: "au minimum de 20 %", OldValue: f64(20), NewValue: f64(20), Unit: "%", DeltaPct: f64(0), Note: "≤ 20 → ≥ 20"},
			{Kind: FactDuration, Old: "au plus deux mois", New: "au moins deux mois", OldValue: f64(2), NewValue: f64(2), Unit: "month", DeltaPct: f64(0), Note: "≤ 2 → ≥ 2"},
			{Kind: FactAmount, Old: "50 €", New: "50 € au plus", OldValue: f64(50), NewValue: f64(50), Unit: "EUR", DeltaPct: f64(0), Note: "50 → ≤ 50"}},
	},
	{
		name: "a bound said in other words is the same bound; 'au plus tôt' is none",
		old:  "L'indemnité est versée pendant trois mois maximum, dans la limite de 30 €, et la commission statue deux mois au plus tôt.",
		new:  "L'indemnité est versée pendant une durée maximale de trois mois, à 30 € au plus, et la commission statue deux mois avant.",
	},
	{
		name: "any thing a sum is counted by is its basis; who or how it is fixed is none",
		old:  "L'aide est de 30 € par ordonnance, le forfait de 5 € par ETP, la prime de 20 € par arrêté du ministre, l'avance de 7 € par la caisse, le bonus de 9 € par lignes.",
		new:  "L'aide est de 30 € par patient, le forfait de 5 € par structure, la prime de 20 € par décision du directeur, l'avance de 7 € par l'assurance maladie, le bonus de 9 € par ligne.",
		want: []Fact{{Kind: FactAmount, Old: "30 € par ordonnance", New: "30 € par patient", OldValue: f64(30), NewValue: f64(30), Unit: "EUR", Note: "30 €/ordonnance → 30 €/patient"},
			{Kind: FactAmount, Old: "5 € par ETP", New: "5 € par structure", OldValue: f64(5), NewValue: f64(5), Unit: "EUR", Note: "5 €/etp → 5 €/structure"}},
	},
	{
		name: "a ceiling, a floor or a strict bound in any words is a bound",
		old:  "Le dépassement est plafonné à 30 €, la prise en charge dure plus de trois mois, l'aide va jusqu'à 50 €, le taux ne peut excéder 20 %, l'enfant a moins de 16 ans.",
		new:  "Le dépassement est au moins de 30 €, la prise en charge dure au moins trois mois, l'aide va à 50 €, le taux ne peut excéder 25 %, l'enfant a 16 ans au plus.",
		want: []Fact{{Kind: FactAmount, Old: "plafonné à 30 €", New: "au moins de 30 €", OldValue: f64(30), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(0), Note: "≤ 30 → ≥ 30"},
			{Kind: FactDuration, Old: "plus de trois mois", New: "au moins trois mois", OldValue: f64(3), NewValue: f64(3), Unit: "month", DeltaPct: f64(0), Note: "> 3 → ≥ 3"},
			{Kind: FactAmount, Old: "jusqu'à 50 €", New: "50 €", OldValue: f64(50), NewValue: f64(50), Unit: "EUR", DeltaPct: f64(0), Note: "≤ 50 → 50"},
			{Kind: FactPercent, Old: "ne peut excéder 20 %", New: "ne peut excéder 25 %", OldValue: f64(20), NewValue: f64(25), Unit: "%", DeltaPct: f64(25)},
			{Kind: FactDuration, Old: "moins de 16 ans", New: "16 ans au plus", OldValue: f64(16), NewValue: f64(16), Unit: "year", DeltaPct: f64(0), Note: "< 16 → ≤ 16"}},
	},
	{
		name: "the same bound in other words is no change; 'en plus de' adds, it bounds nothing",
		old:  "L'aide est plafonnée à 30 €, versée en plus de 10 €, pour une durée n'excédant pas deux mois, au-delà de 15 jours.",
		new:  "L'aide est limitée à 30 €, versée en plus de 12 €, pour une durée ne dépassant pas deux mois, plus de 15 jours.",
		want: []Fact{{Kind: FactAmount, Old: "10 €", New: "12 €", OldValue: f64(10), NewValue: f64(12), Unit: "EUR", DeltaPct: f64(20)}},
	},
	{
		name: "a bound after a comma closes its phrase; a denied bound is the opposite one, and the note shows the bounds of a value left as it was",
		old:  "L'examen est réalisé deux fois par an. Le dépassement ne peut être supérieur à 30 €. L'aide ne pourra excéder 40 €. Le médecin ne peut percevoir plus de 50 €. Le forfait n'est dû qu'au-delà de 60 €. Il est versé à concurrence de 70 €.",
		new:  "L'examen est réalisé deux fois par an, au plus. Le dépassement est supérieur à 30 €. L'aide est de 40 €. Le médecin peut percevoir plus de 50 €. Le forfait est dû au-delà de 60 €. Il est versé pour 70 €.",
		want: []Fact{{Kind: FactModality, Subject: "réalisé", Old: "deux fois par an", New: "deux fois par an, au plus", OldValue: f64(2), NewValue: f64(2), Note: "2 → ≤ 2"},
			{Kind: FactAmount, Old: "ne peut être supérieur à 30 €", New: "supérieur à 30 €", OldValue: f64(30), NewValue: f64(30), Unit: "EUR", DeltaPct: f64(0), Note: "≤ 30 → > 30"},
			{Kind: FactAmount, Old: "ne pourra excéder 40 €", New: "40 €", OldValue: f64(40), NewValue: f64(40), Unit: "EUR", DeltaPct: f64(0), Note: "≤ 40 → 40"},
			{Kind: FactAmount, Old: "ne peut percevoir plus de 50 €", New: "plus de 50 €", OldValue: f64(50), NewValue: f64(50), Unit: "EUR", DeltaPct: f64(0), Note: "≤ 50 → > 50"},
			{Kind: FactAmount, Old: "à concurrence de 70 €", New: "70 €", OldValue: f64(70), NewValue: f64(70), Unit: "EUR", DeltaPct: f64(0), Note: "≤ 70 → 70"},
			{Kind: FactNegation, Subject: "dû", Old: "n'est … que"}},
	},
	{
		name: "a denied bound is one fact, its denial shown with it: no negation or permission besides",
		old:  "Le montant ne peut excéder 3 000 €. Le taux ne doit pas dépasser 20 %. Le délai ne saurait être supérieur à deux mois. Le médecin ne peut percevoir plus de 50 €.",
		new:  "Le montant ne peut excéder 3 500 €. Le taux ne dépasse pas 25 %. Le délai est de deux mois. Le médecin ne peut percevoir plus de 60 €.",
		want: []Fact{{Kind: FactAmount, Old: "ne peut excéder 3 000 €", New: "ne peut excéder 3 500 €", OldValue: f64(3000), NewValue: f64(3500), Unit: "EUR", DeltaPct: f64(16.67)},
			{Kind: FactPercent, Old: "ne doit pas dépasser 20 %", New: "ne dépasse pas 25 %", OldValue: f64(20), NewValue: f64(25), Unit: "%", DeltaPct: f64(25)},
			{Kind: FactDuration, Old: "ne saurait être supérieur à deux mois", New: "deux mois", OldValue: f64(2), NewValue: f64(2), Unit: "month", DeltaPct: f64(0), Note: "≤ 2 → 2"},
			{Kind: FactAmount, Old: "ne peut percevoir plus de 50 €", New: "ne peut percevoir plus de 60 €", OldValue: f64(50), NewValue: f64(60), Unit: "EUR", DeltaPct: f64(20)}},
	},
	{
		name: "'au plus tard', 'et plus particulièrement', 'au plus tard' after a comma bound nothing",
		old:  "Le forfait de 30 € et plus particulièrement la prime sont versés deux fois par an, au plus tard le 31 mars.",
		new:  "Le forfait de 30 € et la prime sont versés deux fois par an, le 31 mars.",
	},
	{
		name: "how often a thing is done is a modality: a count of times or of things in a period, its bound, its period",
		old:  "L'examen est réalisé au plus deux fois par an. Le bilan est fait au plus deux fois. Le patient bénéficie de 4 consultations par an et de quatre séances par semaine. L'acte est renouvelable une fois. Une fois la demande reçue, la caisse répond. Le cabinet suit 30 patients par médecin.",
		new:  "L'examen est réalisé trois fois par an. Le bilan est fait au moins deux fois. Le patient bénéficie de 5 consultations par an et de 4 séances par semaine. L'acte est renouvelable à deux reprises. Dès la demande reçue, la caisse répond. Le cabinet suit 40 patients par médecin.",
		want: []Fact{{Kind: FactModality, Subject: "réalisé", Old: "au plus deux fois par an", New: "trois fois par an", OldValue: f64(2), NewValue: f64(3)},
			{Kind: FactModality, Subject: "fait", Old: "au plus deux fois", New: "au moins deux fois", OldValue: f64(2), NewValue: f64(2), Note: "≤ 2 → ≥ 2"},
			{Kind: FactModality, Subject: "consultations", Old: "4 consultations par an", New: "5 consultations par an", OldValue: f64(4), NewValue: f64(5)},
			{Kind: FactModality, Subject: "renouvelable", Old: "une fois", New: "deux reprises", OldValue: f64(1), NewValue: f64(2)}},
	},
	{
		name: "a count of things per period written with a slash is a frequency; a count takes the act code it is tied to as its subject",
		old:  "Le patient bénéficie de 4 consultations/an. Le médecin réalise la visite V deux fois par an. Le cabinet suit 30 patients/médecin.",
		new:  "Le patient bénéficie de 5 consultations/an. Le médecin réalise la visite V trois fois par an. Le cabinet suit 40 patients/médecin.",
		want: []Fact{{Kind: FactModality, Subject: "consultations", Old: "4 consultations/an", New: "5 consultations/an", OldValue: f64(4), NewValue: f64(5)},
			{Kind: FactModality, Subject: "V", Old: "deux fois par an", New: "trois fois par an", OldValue: f64(2), NewValue: f64(3)}},
	},
	{
		name: "a periodic adverb and 'chaque' or 'tous les' before a period say how often, as 'une fois par' does; 'chaque' before another noun does not",
		old:  "Le forfait est versé trimestriellement. La commission se réunit chaque année. Le bilan est transmis tous les mois. L'aide est payée une fois par trimestre. Le montant est fixé le 10 de chaque mois. Le bureau de chaque assemblée publie la liste.",
		new:  "Le forfait est versé mensuellement. La commission se réunit chaque semestre. Le bilan est transmis une fois par mois. L'aide est payée trimestriellement. Le montant est fixé le 10 de chaque mois. Le bureau de chaque commission publie la liste.",
		want: []Fact{{Kind: FactModality, Subject: "versé", Old: "trimestriellement", New: "mensuellement", OldValue: f64(1), NewValue: f64(1), Note: "4/an → 12/an"},
			{Kind: FactModality, Subject: "réunit", Old: "chaque année", New: "chaque semestre", OldValue: f64(1), NewValue: f64(1), Note: "1/an → 2/an"}},
	},
	{
		name: "a count of times put in pairs with no modal verb taken out; a date's month or a numeral before it is no subject, the subject of the verb after it is",
		old:  "II. - Le ministre peut attribuer une dotation aux communes, dont il rend compte avant le 31 mai.",
		new:  "II. - Chaque année, le ministre attribue une dotation aux communes, dont il rend compte avant le 31 mai de chaque année.",
		want: []Fact{{Kind: FactModality, Subject: "ministre", New: "Chaque année", NewValue: f64(1)},
			{Kind: FactModality, Subject: "compte", New: "chaque année", NewValue: f64(1)},
			{Kind: FactModality, Subject: "attribuer", Old: "peut"}},
	},
	{
		name: "'s'engage à' bears on the verb after 'à'",
		old:  "Le médecin s'engage à accroître sa patientèle.",
		new:  "Le médecin accroît sa patientèle.",
		want: []Fact{{Kind: FactModality, Subject: "accroître", Old: "s'engage"}},
	},
	{
		name: "'deux fois le plafond' is a multiple and 'une reprise de son versement' a resumption: neither counts times",
		old:  "Un indu supérieur à deux fois le plafond est recouvré. L'organisme procède à une reprise de son versement.",
		new:  "Un indu supérieur à trois fois le plafond est recouvré. L'organisme procède à une reprise du versement.",
	},
	{
		name: "a unit in capitals is a unit; figures in brackets between a sum's words and its unit are its value",
		old:  "La prime est de 30 EUROS, l'indemnité de 300 FRANCS, la majoration de 50 Centimes, la somme de trente (30) euros, et le forfait de mille deux cents (1 200) euros par an.",
		new:  "La prime est de 35 EUROS, l'indemnité de 350 FRANCS, la majoration de 60 Centimes, la somme de 30 €, et le forfait de mille trois cents (1 300) euros par an.",
		want: []Fact{{Kind: FactAmount, Old: "30 EUROS", New: "35 EUROS", OldValue: f64(30), NewValue: f64(35), Unit: "EUR", DeltaPct: f64(16.67)},
			{Kind: FactAmount, Old: "300 FRANCS", New: "350 FRANCS", OldValue: f64(300), NewValue: f64(350), Unit: "FRF", DeltaPct: f64(16.67)},
			{Kind: FactAmount, Old: "50 Centimes", New: "60 Centimes", OldValue: f64(0.5), NewValue: f64(0.6), Unit: "EUR", DeltaPct: f64(20)},
			{Kind: FactAmount, Old: "mille deux cents (1 200) euros par an", New: "mille trois cents (1 300) euros par an", OldValue: f64(1200), NewValue: f64(1300), Unit: "EUR", DeltaPct: f64(8.33)}},
	},
	{
		name: "a period named without a number after 'dans' or 'sous' is a time limit; a month named alone after 'en', 'de', 'fin' is a date",
		old:  "La caisse répond dans la quinzaine, le médecin sous huitaine, la commission dans l'année. La revalorisation intervient en mars, la réunion dans le mois de juin.",
		new:  "La caisse répond dans le mois, le médecin sous quinzaine, la commission dans l'année. La revalorisation intervient en avril, la réunion dans le mois de juillet.",
		want: []Fact{{Kind: FactDuration, Old: "dans la quinzaine", New: "dans le mois"},
			{Kind: FactDuration, Old: "sous huitaine", New: "sous quinzaine", OldValue: f64(8), NewValue: f64(15), Unit: "day", DeltaPct: f64(87.5)},
			{Kind: FactDate, Old: "mars", New: "avril"}, {Kind: FactDate, Old: "juin", New: "juillet"}},
	},
	{
		name: "a sum in centimes alone, or its cents in words after the euros unnamed",
		old:  "Une majoration de cinquante centimes, une autre de 20 centimes par acte, une prime d'un euro cinquante, une aide de deux euros cinquante patients.",
		new:  "Une majoration de soixante centimes, une autre de 0,20 € par acte, une prime de 1,60 €, une aide de deux euros soixante patients.",
		want: []Fact{{Kind: FactAmount, Old: "cinquante centimes", New: "soixante centimes", OldValue: f64(0.5), NewValue: f64(0.6), Unit: "EUR", DeltaPct: f64(20)},
			{Kind: FactAmount, Old: "un euro cinquante", New: "1,60 €", OldValue: f64(1.5), NewValue: f64(1.6), Unit: "EUR", DeltaPct: f64(6.67)}},
	},
	{
		name: "'il est possible de' permits, 'impossible' forbids, 'est dispensé de' frees from a duty",
		old:  "Il est possible de facturer un dépassement. Il est interdit de cumuler les actes. Le médecin est tenu de transmettre la feuille.",
		new:  "Il est impossible de facturer un dépassement. Il est possible de cumuler les actes. Le médecin est dispensé de transmettre la feuille.",
		want: []Fact{{Kind: FactModality, Subject: "facturer", Old: "est possible de", New: "est impossible de"},
			{Kind: FactModality, Subject: "cumuler", Old: "interdit", New: "est possible de"},
			{Kind: FactModality, Subject: "transmettre", Old: "est tenu de", New: "est dispensé de"}},
	},
	{
		name: "a sum a month is another sum than a year",
		old:  "Le forfait est de 30 € par mois, l'aide de 1500€/an, la garde de 150 € par jour d'activité.",
		new:  "Le forfait est de 30 € par an, l'aide de 1500 € par an, la garde de 150 € par patient.",
		want: []Fact{{Kind: FactAmount, Old: "30 € par mois", New: "30 € par an", OldValue: f64(30), NewValue: f64(30), Unit: "EUR", Note: "30 €/mois → 30 €/an"},
			{Kind: FactAmount, Old: "150 € par jour", New: "150 € par patient", OldValue: f64(150), NewValue: f64(150), Unit: "EUR", Note: "150 €/jour → 150 €/patient"}},
	},
	{
		name: "a period is read as a unit of time, its basis and taxes in either order",
		old:  "L'aide est de 30 €/heure, le forfait de 40 € HT par an, la garde de 150 € par jour, la prime de 20 € par trimestre.",
		new:  "L'aide est de 30 € par heure, le forfait de 40 € par année HT, la garde de 150 € par journée, la prime de 20 € par mois.",
		want: []Fact{{Kind: FactAmount, Old: "20 € par trimestre", New: "20 € par mois", OldValue: f64(20), NewValue: f64(20), Unit: "EUR", Note: "20 €/trimestre → 20 €/mois"}},
	},
	{
		name: "sums given in turn",
		old:  "Les consultations G et GS sont portées respectivement à 25 et 30 €.",
		new:  "Les consultations G et GS sont portées respectivement à 26 et 30 €.",
		want: []Fact{{Kind: FactAmount, Subject: "G", Old: "25 et 30 €", New: "26 et 30 €", OldValue: f64(25), NewValue: f64(26), Unit: "EUR", DeltaPct: f64(4)}},
	},
	{
		name: "hours and minutes abbreviated",
		old:  "La réponse intervient sous 48 h, l'entretien dure 30 min, la permanence ouvre de 8 h 30 à 20 h, cotée 2 H.",
		new:  "La réponse intervient sous 72 h, l'entretien dure 45 minutes, la permanence ouvre de 8 h 45 à 20 h, cotée 3 H.",
		want: []Fact{{Kind: FactDuration, Old: "48 h", New: "72 h", OldValue: f64(48), NewValue: f64(72), Unit: "hour", DeltaPct: f64(50)},
			{Kind: FactDuration, Old: "30 min", New: "45 minutes", OldValue: f64(30), NewValue: f64(45), Unit: "minute", DeltaPct: f64(50)},
			{Kind: FactDate, Old: "8 h 30", New: "8 h 45"}},
	},
	{
		name: "the first day of a range of days",
		old:  "La campagne court du 1er au 15 janvier 2025 ; les visites ont lieu entre le 2 et le 20 mars.",
		new:  "La campagne court du 2 au 15 janvier 2025 ; les visites ont lieu entre le 5 et le 20 mars.",
		want: []Fact{{Kind: FactDate, Old: "1er au 15 janvier 2025", New: "2 au 15 janvier 2025"},
			{Kind: FactDate, Old: "2 et le 20 mars", New: "5 et le 20 mars"}},
	},
	{
		name: "an hour of the day is no duration but a time, a date fact",
		old:  "La réunion a lieu à 10 h le lundi, la permanence ouvre de 8 h à 20 h, entre 8 h et 12 h le samedi, jusqu'à 18 h le dimanche; la réponse vient dans un délai de 24 h à 48 h, porté à 6 h en urgence, après 12 h de garde.",
		new:  "La réunion a lieu à 11 h le lundi, la permanence ouvre de 9 h à 21 h, entre 9 h et 13 h le samedi, jusqu'à 19 h le dimanche; la réponse vient dans un délai de 12 h à 48 h, porté à 4 h en urgence, après 10 h de garde.",
		want: []Fact{{Kind: FactDate, Old: "10 h", New: "11 h"}, {Kind: FactDate, Old: "8 h", New: "9 h"}, {Kind: FactDate, Old: "20 h", New: "21 h"},
			{Kind: FactDate, Old: "12 h", New: "13 h"}, {Kind: FactDate, Old: "18 h", New: "19 h"},
			{Kind: FactDuration, Old: "24 h", New: "12 h", OldValue: f64(24), NewValue: f64(12), Unit: "hour", DeltaPct: f64(-50)},
			{Kind: FactDuration, Old: "6 h", New: "4 h", OldValue: f64(6), NewValue: f64(4), Unit: "hour", DeltaPct: f64(-33.33)},
			{Kind: FactDuration, Old: "12 h", New: "10 h", OldValue: f64(12), NewValue: f64(10), Unit: "hour", DeltaPct: f64(-16.67)}},
	},
	{
		name: "an hour of the day in every spelling, the hour a majoration starts from",
		old:  "L'horaire est fixé à 10 h. La majoration s'applique à partir de 20 heures, avant 8h00, de 20h à minuit, la nuit 20h-8h, le samedi à 12 heures 30.",
		new:  "L'horaire est fixé à 11 h. La majoration s'applique à partir de 19 heures, avant 7h00, de 20h à 23h, la nuit 20h-6h, le samedi à 12 h 30.",
		want: []Fact{{Kind: FactDate, Old: "10 h", New: "11 h"}, {Kind: FactDate, Old: "20 heures", New: "19 heures"},
			{Kind: FactDate, Old: "8h00", New: "7h00"}, {Kind: FactDate, Old: "minuit", New: "23h"}, {Kind: FactDate, Old: "8h", New: "6h"}},
	},
	{
		name: "an hour and a half or a quarter past it, the half-hour a majoration starts from",
		old:  "La majoration s'applique à partir de 20 heures et demie, avant 8 heures et quart, de midi et demi à 14 h, entre 8 h et demie et 12 h ; la séance dure 1 heure et demie, la garde 2 heures et quart.",
		new:  "La majoration s'applique à partir de 20 heures, avant 8 heures, de midi à 14 h, entre 8 h et 12 h ; la séance dure 1 heure, la garde 2 heures.",
		want: []Fact{{Kind: FactDate, Old: "20 heures et demie", New: "20 heures"}, {Kind: FactDate, Old: "8 heures et quart", New: "8 heures"},
			{Kind: FactDate, Old: "midi et demi", New: "midi"}, {Kind: FactDate, Old: "8 h et demie", New: "8 h"},
			{Kind: FactDuration, Old: "1 heure et demie", New: "1 heure", OldValue: f64(1.5), NewValue: f64(1), Unit: "hour", DeltaPct: f64(-33.33)},
			{Kind: FactDuration, Old: "2 heures et quart", New: "2 heures", OldValue: f64(2.25), NewValue: f64(2), Unit: "hour", DeltaPct: f64(-11.11)}},
	},
	{
		name: "an hour of the day in words, as a clock shows it, or named at a sentence's start",
		old:  "La garde commence à vingt heures, finit à 08:00 et va de huit heures à vingt-deux heures. Minuit clôt la permanence. Midi ouvre la suivante, dans le Midi. La visite a lieu à une heure convenue et dure vingt heures.",
		new:  "La garde commence à vingt et une heures, finit à 07:30 et va de 9 h à 22:00. Midi clôt la permanence. Minuit ouvre la suivante, dans le Nord. La visite a lieu à une heure fixée et dure vingt-deux heures.",
		want: []Fact{{Kind: FactDate, Old: "vingt heures", New: "vingt et une heures"}, {Kind: FactDate, Old: "08:00", New: "07:30"},
			{Kind: FactDate, Old: "huit heures", New: "9 h"}, {Kind: FactDate, Old: "Minuit", New: "Midi"}, {Kind: FactDate, Old: "Midi", New: "Minuit"},
			{Kind: FactDuration, Old: "vingt heures", New: "vingt-deux heures", OldValue: f64(20), NewValue: f64(22), Unit: "hour", DeltaPct: f64(10)}},
	},
	{
		name: "lengths in hours written as one word or with their minutes",
		old:  "La caisse répond dans un délai de 48h ; la séance dure pendant 1 h 30 ; la durée de la garde est fixée à 12 h.",
		new:  "La caisse répond dans un délai de 72h ; la séance dure pendant 1 h 45 ; la durée de la garde est fixée à 10 h.",
		want: []Fact{{Kind: FactDuration, Old: "48h", New: "72h", OldValue: f64(48), NewValue: f64(72), Unit: "hour", DeltaPct: f64(50)},
			{Kind: FactDuration, Old: "1 h 30", New: "1 h 45", OldValue: f64(1.5), NewValue: f64(1.75), Unit: "hour", DeltaPct: f64(16.67)},
			{Kind: FactDuration, Old: "12 h", New: "10 h", OldValue: f64(12), NewValue: f64(10), Unit: "hour", DeltaPct: f64(-16.67)}},
	},
	{
		name: "days become working days",
		old:  "La caisse répond dans un délai de 15 jours.",
		new:  "La caisse répond dans un délai de 15 jours ouvrés.",
		want: []Fact{{Kind: FactDuration, Old: "15 jours", New: "15 jours ouvrés"}},
	},
	{
		name: "working days become clear days",
		old:  "Le préavis est de huit jours ouvrables.",
		new:  "Le préavis est de huit jours francs.",
		want: []Fact{{Kind: FactDuration, Old: "huit jours ouvrables", New: "huit jours francs"}},
	},
	{
		name: "calendar days are days",
		old:  "Un préavis de quinze jours.",
		new:  "Un préavis de 15 jours calendaires.",
	},
	// Modality.
	{
		name: "an obligation put as 'il appartient à … de'",
		old:  "Il appartient à la caisse de verser l'aide.",
		new:  "La caisse peut verser l'aide.",
		want: []Fact{{Kind: FactModality, Subject: "verser", Old: "appartient à … de", New: "peut"}},
	},
	{
		name: "a permission put as 'a la faculté de'",
		old:  "Le médecin a la faculté de refuser.",
		new:  "Le médecin doit refuser.",
		want: []Fact{{Kind: FactModality, Subject: "refuser", Old: "la faculté de", New: "doit"}},
	},
	{
		name: "forbidden to someone: the verb is after 'de'",
		old:  "Il est interdit au médecin de facturer un dépassement.",
		new:  "Il est permis au médecin de facturer un dépassement.",
		want: []Fact{{Kind: FactModality, Subject: "facturer", Old: "interdit", New: "permis"}},
	},
	{
		name: "must becomes may",
		old:  "Le médecin doit informer le patient.",
		new:  "Le médecin peut informer le patient.",
		want: []Fact{{Kind: FactModality, Subject: "informer", Old: "doit", New: "peut"}},
	},
	{
		name: "an obligation becomes a possibility",
		old:  "Le médecin a l'obligation de transmettre les feuilles de soins.",
		new:  "Le médecin a la possibilité de transmettre les feuilles de soins.",
		want: []Fact{{Kind: FactModality, Subject: "transmettre", Old: "a l'obligation de", New: "a la possibilité de"}},
	},
	{
		name: "an obligation as a noun, no modality",
		old:  "Le respect de l'obligation de transmission est contrôlé.",
		new:  "Le respect de la possibilité de transmission est contrôlé.",
	},
	{
		name: "authorised, entitled, free, obliged",
		old:  "Le médecin est autorisé à pratiquer des dépassements. La caisse est en droit de récupérer les sommes. Le médecin est libre de choisir.",
		new:  "Le médecin est obligé de pratiquer des dépassements. La caisse est tenue de récupérer les sommes. Le médecin est habilité à choisir.",
		want: []Fact{{Kind: FactModality, Subject: "pratiquer", Old: "est autorisé à", New: "est obligé de"},
			{Kind: FactModality, Subject: "récupérer", Old: "est en droit de", New: "est tenue de"}},
	},
	{
		name: "the verb after an aside set off by commas",
		old:  "Le médecin peut, dans un délai de trente jours, contester la décision.",
		new:  "Le médecin doit, dans un délai de trente jours, contester la décision.",
		want: []Fact{{Kind: FactModality, Subject: "contester", Old: "peut", New: "doit"}},
	},
	{
		name: "asides in a row: moving one changes nothing",
		old:  "Le Gouvernement peut, dans les matières de la compétence de l'État, étendre par ordonnances les dispositions.",
		new:  "Le Gouvernement peut, par ordonnances, dans les matières de la compétence de l'État, étendre les dispositions.",
	},
	{
		name: "an aside that never closes is no aside",
		old:  "Le médecin peut, sur demande informer la caisse.",
		new:  "Le médecin doit, sur demande informer la caisse.",
		want: []Fact{{Kind: FactModality, Subject: "informer", Old: "peut", New: "doit"}},
	},
	{
		name: "number agreement is not a change of modality",
		old:  "Le médecin doit informer le patient.",
		new:  "Les médecins doivent informer le patient.",
	},
	{
		name: "est tenu de becomes peut",
		old:  "Le médecin est tenu de transmettre la feuille de soins.",
		new:  "Le médecin peut transmettre la feuille de soins.",
		want: []Fact{{Kind: FactModality, Subject: "transmettre", Old: "est tenu de", New: "peut"}},
	},
	{
		name: "peut ne pas is a modality, not a negation",
		old:  "Le médecin peut appliquer le dépassement.",
		new:  "Le médecin peut ne pas appliquer le dépassement.",
		want: []Fact{{Kind: FactModality, Subject: "appliquer", Old: "peut", New: "peut ne pas"}},
	},
	{
		name: "sauf appears",
		old:  "Le contrat est renouvelé chaque année.",
		new:  "Le contrat est renouvelé chaque année, sauf dénonciation.",
		want: []Fact{{Kind: FactModality, Subject: "dénonciation", New: "sauf"}},
	},
	{
		name: "a length of time per period is another length per another period: 'par an' → 'par mois' is a change; a means after 'par' is none",
		old:  "Le congé est de 3 jours par an. La garde dure 2 heures par semaine au plus. Le contrat est conclu pour un an par tacite reconduction.",
		new:  "Le congé est de 3 jours par mois. La garde dure 2 heures par semaine au moins. Le contrat est conclu pour un an par reconduction tacite.",
		want: []Fact{{Kind: FactDuration, Old: "3 jours par an", New: "3 jours par mois", OldValue: f64(3), NewValue: f64(3), Unit: "day", Note: "3 j/an → 3 j/mois"},
			{Kind: FactDuration, Old: "2 heures par semaine au plus", New: "2 heures par semaine au moins", OldValue: f64(2), NewValue: f64(2), Unit: "hour", DeltaPct: f64(0), Note: "≤ 2 → ≥ 2"}},
	},
	{
		name: "a word in -aire or -oire is no infinitive but for the few verbs so ending: 'sauf dans le cadre … réglementaire' is about 'cadre'",
		old:  "Il exerce une fonction de conseil.",
		new:  "Il exerce une fonction de conseil, sauf dans le cadre d'une profession soumise à un statut réglementaire. Le médecin peut sur demande faire la déclaration.",
		want: []Fact{{Kind: FactModality, Subject: "cadre", New: "sauf"}, {Kind: FactModality, Subject: "faire", New: "peut"}},
	},
	{
		name: "a pronoun is never what a rule bears on: 'ce dernier', 'chacun' stand for a noun named elsewhere",
		old:  "L'aide est versée au médecin. La caisse informe le patient.",
		new:  "L'aide est versée au médecin, sauf si ce dernier refuse le contrat. La caisse informe le patient, sauf si chacun renonce.",
		want: []Fact{{Kind: FactModality, Subject: "refuse", New: "sauf"}, {Kind: FactModality, Subject: "renonce", New: "sauf"}},
	},
	// Negation.
	{
		name: "the 'que' of 'sans que' opens another clause: the 'ne' before it is a bare one, no 'ne … que'",
		old:  "La suspension intervient après que le bénéficiaire a été entendu.",
		new:  "La suspension ne peut intervenir sans que le bénéficiaire ait été entendu.",
		want: []Fact{{Kind: FactNegation, Subject: "intervenir", New: "ne peut"}, {Kind: FactModality, Subject: "intervenir", New: "peut"}},
	},
	{
		name: "ne peut versus peut is a negation, not a modality",
		old:  "Le médecin peut facturer un dépassement.",
		new:  "Le médecin ne peut facturer un dépassement.",
		want: []Fact{{Kind: FactNegation, Subject: "facturer", New: "ne peut"}},
	},
	{
		name: "negation disappears and the verb changes",
		old:  "Le médecin ne peut pas facturer le forfait.",
		new:  "Le médecin doit facturer le forfait.",
		want: []Fact{
			{Kind: FactModality, Subject: "facturer", Old: "peut", New: "doit"},
			{Kind: FactNegation, Subject: "facturer", Old: "ne peut pas"},
		},
	},
	{
		name: "ne plus becomes ne pas",
		old:  "Cet acte n'est plus remboursé.",
		new:  "Cet acte n’est pas remboursé.",
		want: []Fact{{Kind: FactNegation, Subject: "remboursé", Old: "n'est plus", New: "n'est pas"}},
	},
	{
		name: "aucun appears",
		old:  "Un dépassement est autorisé pour cet acte.",
		new:  "Aucun dépassement est autorisé pour cet acte.",
		want: []Fact{{Kind: FactNegation, Subject: "dépassement", New: "Aucun"}},
	},
	{
		name: "sans before what it withholds is a negation",
		old:  "Le remboursement intervient sans accord préalable du service médical.",
		new:  "Le remboursement intervient après accord préalable du service médical.",
		want: []Fact{{Kind: FactNegation, Subject: "accord", Old: "sans"}},
	},
	{
		name: "sans before an infinitive is a negation",
		old:  "Le médecin applique le tarif.",
		new:  "Le médecin applique le tarif sans le dépasser.",
		want: []Fact{{Kind: FactNegation, Subject: "dépasser", New: "sans"}},
	},
	{
		name: "sans préjudice is no negation",
		old:  "La caisse rembourse l'acte.",
		new:  "La caisse rembourse l'acte, sans préjudice des dispositions de l'article 4.",
		want: []Fact{{Kind: FactReference, New: "article 4"}},
	},
	{
		name: "sans délai is no negation",
		old:  "Le médecin informe la caisse.",
		new:  "Le médecin informe la caisse sans délai.",
	},
	{
		name: "sans précédent is no negation",
		old:  "Le déficit est important.",
		new:  "Le déficit est sans précédent.",
	},
	// References.
	{
		name: "reference changed",
		old:  "Dans les conditions prévues à l'article 12.",
		new:  "Dans les conditions prévues à l'article 13.",
		want: []Fact{{Kind: FactReference, Old: "article 12", New: "article 13"}},
	},
	{
		name: "reference written with a dash or a dot is the same",
		old:  "Selon l'article 28.1 du présent règlement.",
		new:  "Selon l'article 28-1 du présent règlement.",
	},
	{
		name: "one article of a list changed",
		old:  "Les articles 12 et 13 s'appliquent.",
		new:  "Les articles 12 et 14 s'appliquent.",
		want: []Fact{{Kind: FactReference, Old: "article 13", New: "article 14"}},
	},
	{
		name: "reference to a decree in Conseil d'État",
		old:  "Les conditions sont fixées à l'article R*423-1.",
		new:  "Les conditions sont fixées à l'article R*423-2.",
		want: []Fact{{Kind: FactReference, Old: "article R*423-1", New: "article R*423-2"}},
	},
	{
		name: "reference to a code changed",
		old:  "Au sens de l'article L. 162-5 du code de la sécurité sociale et du présent texte.",
		new:  "Au sens de l'article L. 162-14-1 du code de la sécurité sociale et du présent texte.",
		want: []Fact{{Kind: FactReference, Old: "article L. 162-5 du code de la sécurité sociale", New: "article L. 162-14-1 du code de la sécurité sociale"}},
	},
	{
		name: "bis and ter",
		old:  "Voir l'article 2 bis.",
		new:  "Voir l'article 2 ter.",
		want: []Fact{{Kind: FactReference, Old: "article 2 bis", New: "article 2 ter"}},
	},
	{
		name: "unchanged reference to a removed article",
		old:  "Les sanctions de l'article 12 s'appliquent.",
		new:  "Les sanctions de l'article 12 s'appliquent.",
		refs: &refIndex{OldToNew: map[string]string{"article:12": "", "article:11": "11"}, NewKeys: map[string]bool{"article:11": true}},
		want: []Fact{{Kind: FactReference, Old: "article 12", New: "article 12", Note: "points to a clause that no longer exists", Broken: true}},
	},
	{
		name: "unchanged reference to a renumbered article",
		old:  "Les sanctions de l'article 12 s'appliquent.",
		new:  "Les sanctions de l'article 12 s'appliquent.",
		refs: &refIndex{OldToNew: map[string]string{"article:12": "13"}, NewKeys: map[string]bool{"article:12": true, "article:13": true}},
		want: []Fact{{Kind: FactReference, Old: "article 12", New: "article 12", Note: "article 12 is now numbered 13", Broken: true}},
	},
	{
		name: "reference updated with the renumbering",
		old:  "Les sanctions de l'article 12 s'appliquent.",
		new:  "Les sanctions de l'article 13 s'appliquent.",
		refs: &refIndex{OldToNew: map[string]string{"article:12": "13"}, NewKeys: map[string]bool{"article:13": true}},
		want: []Fact{{Kind: FactReference, Old: "article 12", New: "article 13", Note: "follows the renumbering of article 12"}},
	},
	{
		name: "new reference to an article that does not exist",
		old:  "Les sanctions s'appliquent.",
		new:  "Les sanctions de l'article 40 s'appliquent.",
		refs: &refIndex{OldToNew: map[string]string{"article:1": "1"}, NewKeys: map[string]bool{"article:1": true}},
		want: []Fact{{Kind: FactReference, New: "article 40", Note: "points to a clause that does not exist", Broken: true}},
	},
	{
		name: "external references are never checked",
		old:  "Selon l'article L. 162-5 du code de la sécurité sociale et l'article 5 du code du travail.",
		new:  "Selon l'article L. 162-5 du code de la sécurité sociale et l'article 5 du code du travail.",
		refs: &refIndex{OldToNew: map[string]string{"article:5": ""}, NewKeys: map[string]bool{}},
	},
	{
		name: "a code number with no code named is checked only in a code",
		old:  "Selon l'article L. 162-5.",
		new:  "Selon l'article L. 162-5.",
		refs: &refIndex{OldToNew: map[string]string{"article:5": "5"}, NewKeys: map[string]bool{"article:5": true}},
	},
	{
		name: "unchanged reference to what was never an article here",
		old:  "Passible des peines prévues à l'article 226-13.",
		new:  "Passible des peines prévues à l'article 226-13.",
		refs: &refIndex{OldToNew: map[string]string{"article:1": "1"}, NewKeys: map[string]bool{"article:1": true}},
	},
	{
		name: "a reference moved within the article it cites",
		old:  "Dans les conditions du I de l'article 28, du 2° du I de l'article L. 162-5 et du second alinéa de l'article 3.",
		new:  "Dans les conditions du II de l'article 28, du 3° du I de l'article L. 162-5 et du deuxième alinéa de l'article 3.",
		want: []Fact{{Kind: FactReference, Old: "I de l'article 28", New: "II de l'article 28"},
			{Kind: FactReference, Old: "2° du I de l'article L. 162-5", New: "3° du I de l'article L. 162-5"}},
	},
	{
		name: "a point below a letter, a bare letter or number, a Roman numeral in lower case",
		old:  "Au i de l'article 4, au iii du a du 2° de l'article 5 et au 1 du I de l'article L. 162-14-1. La caisse a du 2° de l'article 6 une lecture stricte.",
		new:  "Au I de l'article 4, au iv du a du 2° de l'article 5 et au 2 du I de l'article L. 162-14-1. La caisse a du 3° de l'article 6 une lecture stricte.",
		want: []Fact{{Kind: FactReference, Old: "i de l'article 4", New: "I de l'article 4"},
			{Kind: FactReference, Old: "iii du a du 2° de l'article 5", New: "iv du a du 2° de l'article 5"},
			{Kind: FactReference, Old: "1 du I de l'article L. 162-14-1", New: "2 du I de l'article L. 162-14-1"},
			{Kind: FactReference, Old: "2° de l'article 6", New: "3° de l'article 6"}},
	},
	{
		name: "a part numbered after its name is that part: 'l'alinéa 2' is the 'deuxième alinéa'",
		old:  "Dans les conditions de l'alinéa 2 de l'article 4, du point 3 de l'article 5, du paragraphe II de l'article 6 et de l'alinéa 2 de l'article 7. Il reste un point de l'article 8 à voir.",
		new:  "Dans les conditions de l'alinéa 3 de l'article 4, du point 4 de l'article 5, du paragraphe III de l'article 6 et du deuxième alinéa de l'article 7. Il reste un point de l'article 8 à revoir.",
		want: []Fact{{Kind: FactReference, Old: "alinéa 2 de l'article 4", New: "alinéa 3 de l'article 4"},
			{Kind: FactReference, Old: "point 3 de l'article 5", New: "point 4 de l'article 5"},
			{Kind: FactReference, Old: "paragraphe II de l'article 6", New: "paragraphe III de l'article 6"}},
	},
	{
		name: "an alinéa of any rank, in words",
		old:  "Conformément au onzième alinéa de l'article 3 et à la deuxième phrase du vingt et unième alinéa de l'article 4.",
		new:  "Conformément au douzième alinéa de l'article 3 et à la deuxième phrase du vingt-deuxième alinéa de l'article 4.",
		want: []Fact{{Kind: FactReference, Old: "onzième alinéa de l'article 3", New: "douzième alinéa de l'article 3"},
			{Kind: FactReference, Old: "deuxième phrase du vingt et unième alinéa de l'article 4", New: "deuxième phrase du vingt-deuxième alinéa de l'article 4"}},
	},
	{
		name: "an ordinal in words or in figures is one part",
		old:  "Au onzième alinéa de l'article 3, à la seconde phrase du premier alinéa de l'article 4, au vingt et unième alinéa de l'article 5, à la dernière phrase de l'article 6 et au dix-septième alinéa de l'article 7.",
		new:  "Au 11e alinéa de l'article 3, à la 2e phrase du 1er alinéa de l'article 4, au 21ème alinéa de l'article 5, à la dernière phrase de l'article 6 et au 17e alinéa de l'article 7.",
	},
	{
		name: "a paragraphe, a tiret, several alinéas",
		old:  "Dans les conditions du deuxième paragraphe de l'article 3, du premier tiret du 2° de l'article 4, des deuxième et troisième alinéas de l'article 5 et des deuxième à dernier alinéas de l'article 6.",
		new:  "Dans les conditions du troisième paragraphe de l'article 3, du deuxième tiret du 2° de l'article 4, des troisième et quatrième alinéas de l'article 5 et des troisième à dernier alinéas de l'article 6.",
		want: []Fact{{Kind: FactReference, Old: "deuxième paragraphe de l'article 3", New: "troisième paragraphe de l'article 3"},
			{Kind: FactReference, Old: "premier tiret du 2° de l'article 4", New: "deuxième tiret du 2° de l'article 4"},
			{Kind: FactReference, Old: "deuxième et troisième alinéas de l'article 5", New: "troisième et quatrième alinéas de l'article 5"},
			{Kind: FactReference, Old: "deuxième à dernier alinéas de l'article 6", New: "troisième à dernier alinéas de l'article 6"}},
	},
	{
		name: "parts in figures, in words, in capitals are the same parts",
		old:  "Des deuxième, troisième et quatrième alinéas de l'article 3, des dixième et onzième alinéas de l'article 4. Premier alinéa de l'article 5.",
		new:  "Des 2e, 3e et 4e alinéas de l'article 3, des 10e et 11e alinéas de l'article 4. premier alinéa de l'article 5.",
	},
	{
		name: "an article of another text of the same kind",
		old:  "En application de l'article 12 du décret n° 2024-123 du 1er février 2024 et de l'article 3 de la loi n° 2004-810.",
		new:  "En application de l'article 12 du décret n° 2024-124 du 1er février 2024 et de l'article 3 de la loi n° 2004-810 susvisée.",
		want: []Fact{{Kind: FactReference, Old: "article 12 du décret n° 2024-123 du 1er février 2024", New: "article 12 du décret n° 2024-124 du 1er février 2024"}},
	},
	{
		name: "a text that bears no number is known by its date",
		old:  "Les tarifs sont fixés à l'article 2 de l'arrêté du 20 octobre 2024 et à l'article 3 du décret n° 2024-123 du 1er février 2024.",
		new:  "Les tarifs sont fixés à l'article 2 de l'arrêté du 21 octobre 2024 et à l'article 3 du décret n° 2024-123 du 2 février 2024.",
		want: []Fact{{Kind: FactReference, Old: "article 2 de l'arrêté du 20 octobre 2024", New: "article 2 de l'arrêté du 21 octobre 2024"}},
	},
	{
		name: "a part of an article that was never one here is not checked",
		old:  "Au I de l'article 88-4 de la Constitution et à l'article 226-13.",
		new:  "Au II de l'article 88-4 de la Constitution et au premier alinéa de l'article 226-13.",
		refs: &refIndex{OldToNew: map[string]string{"article:1": "1"}, NewKeys: map[string]bool{"article:1": true}},
		want: []Fact{{Kind: FactReference, Old: "I de l'article 88-4 de la Constitution", New: "II de l'article 88-4 de la Constitution"},
			{Kind: FactReference, Old: "article 226-13", New: "premier alinéa de l'article 226-13"}},
	},
	// Cosmetic changes and order.
	{
		name: "typography, wrapping and case yield nothing",
		old:  "L’article 12 prévoit que le médecin doit\u00a0payer 26,50\u00a0€ dans un délai de deux mois, soit 70\u202f%.",
		new:  "L'article 12 prévoit que le Médecin doit payer\n26,50 € dans un délai de deux mois, soit 70 %.",
	},
	{
		name: "identical",
		old:  "La consultation G est fixée à 30 €.",
		new:  "La consultation G est fixée à 30 €.",
	},
	{
		name: "new document order, removals last",
		old:  "Le délai est de deux mois. Le taux est de 70 %.",
		new:  "Le taux est de 80 %. Applicable au 1er janvier 2025.",
		want: []Fact{
			{Kind: FactPercent, Old: "70 %", New: "80 %", OldValue: f64(70), NewValue: f64(80), Unit: "%", DeltaPct: f64(14.29)},
			{Kind: FactDate, New: "1er janvier 2025"},
			{Kind: FactDuration, Old: "deux mois", OldValue: f64(2), Unit: "month"},
		},
	},
}

func TestCompareFacts(t *testing.T) {
	for _, c := range factCases {
		t.Run(c.name, func(t *testing.T) {
			got := compareFacts(c.old, c.new, c.subject, c.refs)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("CompareFacts\nold: %q\nnew: %q\ngot:  %s\nwant: %s", c.old, c.new, factsJSON(got), factsJSON(c.want))
			}
		})
	}
}

func TestExtractFacts(t *testing.T) {
	type ex struct {
		kind  FactKind
		text  string
		value float64
	}
	cases := []struct {
		text string
		want []ex
	}{
		{"la durée de un, deux, trois ou vingt-quatre mois", []ex{{FactDuration, "vingt-quatre mois", 24}}},
		{"quatre-vingt-dix jours et soixante-dix jours", []ex{{FactDuration, "quatre-vingt-dix jours", 90}, {FactDuration, "soixante-dix jours", 70}}},
		{"un trimestre", []ex{{FactDuration, "un trimestre", 3}}},
		{"dans le mois qui suit", []ex{{FactDuration, "dans le mois", 1}}}, // a month, as "dans un délai d'un mois"
		{"2,5 millions d'euros et 3 M€", []ex{{FactAmount, "2,5 millions d'euros", 2.5e6}, {FactAmount, "3 M€", 3e6}}},
		{"100 francs, 30 Fédérations", []ex{{FactAmount, "100 francs", 100}}},
		{"le 15 de chaque mois", []ex{{FactDate, "15 de chaque mois", 0}}}, // a day, no length of fifteen months
		{"fixé au 1er décembre 1998", []ex{{FactDate, "1er décembre 1998", 0}}},
		{"en mars 2024", []ex{{FactDate, "mars 2024", 0}}},
		{"au 2nd semestre 2025, au troisième semestre, au cinquième trimestre, au cours du dernier trimestre civil", []ex{{FactDate, "2nd semestre 2025", 0}}},
		{"il faut maintenir", nil},
		{"10 pour cent", []ex{{FactPercent, "10 pour cent", 10}}},
		{"Titre V\n\nV. - Tarifs", nil},
		{"Service d'accès aux soins (SAS)", nil},
		{"C'est la consultation.", nil},
		{"les articles 12 à 15", []ex{{FactReference, "article 12", 0}, {FactReference, "article 15", 0}}},
		{"l'article 270 dudit code", []ex{{FactReference, "article 270 dudit code", 0}}},
		{"l'article 15 de la loi n° 78-17 du 6 janvier 1978 relative", []ex{{FactReference, "article 15 de la loi n° 78-17 du 6 janvier 1978", 0}}},
	}
	for _, c := range cases {
		var got []ex
		for _, f := range extractNormalized(normalizeFactText(c.text), "") {
			got = append(got, ex{f.kind, f.text, f.value})
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("extractNormalized(%q)\n got %v\nwant %v", c.text, got, c.want)
		}
	}
}

func TestExtractCodes(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"La consultation G et la visite VG, puis G encore.", []string{"G", "VG"}},
		{"l'avis ponctuel de consultant (APC) et la majoration MPC", []string{"APC", "MPC"}},
		{"la consultation XYZ et l'acte (QRS)", []string{"XYZ", "QRS"}},
		{"le C2, le K50, la G+ et l'acte YYYY010", []string{"C2", "K50", "G+", "YYYY010"}},
		{"La CNAM, l'UNCAM, les ARS, la ROSP et la CSS", nil},
		{"Titre V, chapitre IV, annexe C", nil},
		{"V. - Tarifs", nil},
		{"Service d'accès aux soins (SAS), médecins (UFML)", nil},
		{"LE MEDECIN ID EST", nil},
		{"CONSULTATION G", []string{"G"}},
		{"15 C ou 11 CS", []string{"C", "CS"}},
		// A Roman numeral numbering a part of a text is no act, wherever
		// the text says so.
		{"\"V. - Il est interdit\" ; c) Après le V, il est inséré un V bis", nil},
		{"« V. - Il est interdit", nil},
		{"I C. - Après l'article L. O. 145", nil},
		{"au premier alinéa du présent V", nil},
		{"prévu au V de l'article 111 de la loi", nil},
		{"réduire le montant prévu au V du présent article", nil},
		{"les références : I et III à V, puis aux V et V bis", nil},
		{"I. - Le contrat.\n\nV. - Les tarifs.\n\nLe taux mentionné au V est fixé", nil},
		{"I. - Le contrat.\n\nII. - Le V est porté à 30 €", []string{"V"}},
		{"I. - Les tarifs.\n\nV. - La visite V est à 30 €", []string{"V"}},
		{"Le V et le C sont revalorisés", []string{"V", "C"}},
		// A key letter and its coefficient name one act, as the row
		// "AMI 3" of a table does; a quantity after a key is no
		// coefficient.
		{"L'acte AMI 3 est fixé à 9,45 €, le K 10 et l'AMK 7,5 aussi.", []string{"AMI 3", "K 10", "AMK 7,5"}},
		{"la cotation AMI 3, puis AMI 1,25 et AMI 2.", []string{"AMI 3", "AMI 1,25", "AMI 2"}},
		{"G 2 fois par an, K 10 jours, C 30 €, V 2°, G 2024, AMI 3/12", []string{"G", "K", "C", "V", "AMI"}},
	}
	for _, c := range cases {
		if got := extractCodes(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("extractCodes(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestIsActCode(t *testing.T) {
	for s, want := range map[string]bool{
		"G": true, "GS": true, "APC": true, "MPC": true, "C2": true, "K50": true, "G+": true,
		"YYYY010": true, "TE2": true, "CNAM": false, "UNCAM": false, "ROSP": false, "ARS": false,
		"CSS": false, "F": false, "L": false, "I": false, "XYZ": false, "": false, "g": false, "G2X": false,
	} {
		if got := isActCode(s); got != want {
			t.Errorf("IsActCode(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFactsGolden runs the cases of testdata/facts: each archive has an
// old and a new text, optionally a subject and a refs index (JSON), and
// the facts wanted, as avenant.diff/v1 prints them.
func TestFactsGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "facts", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata/facts")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := parseFactsTxtar(data)
			sections := map[string]string{}
			for _, f := range ar.files {
				sections[f.name] = string(f.data)
			}
			var refs *refIndex
			if r, ok := sections["refs"]; ok {
				refs = &refIndex{}
				if err := json.Unmarshal([]byte(r), refs); err != nil {
					t.Fatalf("refs: %v", err)
				}
			}
			got := compareFacts(sections["old"], sections["new"], strings.TrimSpace(sections["subject"]), refs)
			if got == nil {
				got = []Fact{}
			}
			out, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, '\n')
			if goldenfile.Updating() {
				found := false
				for i := range ar.files {
					if ar.files[i].name == "want" {
						ar.files[i].data = out
						found = true
					}
				}
				if !found {
					ar.files = append(ar.files, factsTxtarFile{name: "want", data: out})
				}
				if err := os.WriteFile(file, ar.format(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := []byte(sections["want"]); !bytes.Equal(out, want) {
				t.Errorf("facts differ (run with -update to accept)\ngot:\n%s\nwant:\n%s", out, want)
			}
		})
	}
}

// txtarArchive is the txtar format of the Go tools: a comment, then files
// each opened by a line "-- name --". The module's txtar packages need a
// dependency the module does not list, and the format takes a few lines.
type txtarArchive struct {
	comment []byte
	files   []factsTxtarFile
}

type factsTxtarFile struct {
	name string
	data []byte
}

func txtarMarker(line []byte) (string, bool) {
	l := strings.TrimRight(string(line), "\r\n")
	if !strings.HasPrefix(l, "-- ") || !strings.HasSuffix(l, " --") || len(l) < 7 {
		return "", false
	}
	return strings.TrimSpace(l[3 : len(l)-3]), true
}

func parseFactsTxtar(data []byte) txtarArchive {
	var ar txtarArchive
	cur := &ar.comment
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line = data[:i+1]
		}
		data = data[len(line):]
		if name, ok := txtarMarker(line); ok {
			ar.files = append(ar.files, factsTxtarFile{name: name})
			cur = &ar.files[len(ar.files)-1].data
			continue
		}
		*cur = append(*cur, line...)
	}
	return ar
}

func (ar txtarArchive) format() []byte {
	var b bytes.Buffer
	b.Write(ar.comment)
	for _, f := range ar.files {
		b.WriteString("-- " + f.name + " --\n")
		b.Write(f.data)
		if len(f.data) > 0 && f.data[len(f.data)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// factsCorpusArticles splits a corpus document on its "### Article N" headings.
func factsCorpusArticles(t *testing.T, name string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(corpus.File(t, filepath.Join("raw", name)))
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]string{}
	var cur string
	var body strings.Builder
	flush := func() {
		if cur != "" {
			if _, dup := arts[cur]; !dup {
				arts[cur] = body.String()
			}
		}
		body.Reset()
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if h, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " Article "); ok && strings.HasPrefix(line, "#") {
			flush()
			cur = h
			continue
		}
		body.WriteString(line)
		body.WriteByte('\n')
	}
	flush()
	return arts
}

// TestFactsCorpus checks the known changes of the 2003 amendment of the
// 1998 règlement conventionnel minimal.
func TestFactsCorpus(t *testing.T) {
	old := factsCorpusArticles(t, "rcm_1998/RCM_medecins_1998_version_initiale_1998.md")
	cur := factsCorpusArticles(t, "rcm_1998/RCM_medecins_1998_version_modifiee_2003.md")

	// Article 7: the code de la santé publique was renumbered.
	got := compareFacts(old["7"], cur["7"], "", nil)
	want := []Fact{
		{Kind: FactReference, Old: "article L. 367-3 du code de la santé publique", New: "article L. 4133-2 du code de la santé publique"},
		{Kind: FactReference, Old: "article L. 367-5 du code de la santé publique", New: "article L. 4133-4 du code de la santé publique"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("article 7:\ngot  %s\nwant %s", factsJSON(got), factsJSON(want))
	}

	// Unchanged articles give no fact, even with an index that keeps every
	// article in place.
	refs := &refIndex{OldToNew: map[string]string{}, NewKeys: map[string]bool{}}
	for n := range old {
		if _, ok := cur[n]; ok {
			refs.OldToNew[NumberKey(KindArticle, n)] = n
		}
	}
	for n := range cur {
		refs.NewKeys[NumberKey(KindArticle, n)] = true
	}
	for _, n := range []string{"1", "2", "8", "9", "10", "11", "12", "13", "15", "17", "18", "19"} {
		if fs := compareFacts(old[n], cur[n], "", refs); fs != nil {
			t.Errorf("article %s is unchanged, got facts %s", n, factsJSON(fs))
		}
	}
	// Article 16 gains dated rates.
	kinds := map[FactKind]int{}
	for _, f := range compareFacts(old["16"], cur["16"], "", nil) {
		kinds[f.Kind]++
	}
	if kinds[FactDate] == 0 || kinds[FactPercent] == 0 {
		t.Errorf("article 16: want added dates and percentages, got %v", kinds)
	}
}

func BenchmarkCompareFacts(b *testing.B) {
	para := "La consultation G est fixée à 26,50 € et l'avis ponctuel de consultant (APC) à 56,50 €. " +
		"Le médecin doit transmettre la feuille de soins dans un délai de huit jours, sauf cas de force majeure ; " +
		"il ne peut pas facturer de dépassement au-delà de 70 % du tarif prévu à l'article 28.1 ou à l'article L. 162-5 du code de la sécurité sociale, " +
		"à compter du 1er janvier 2024.\n\n"
	var old strings.Builder
	for old.Len() < 5000 {
		old.WriteString(para)
	}
	oldText := old.String()
	newText := strings.NewReplacer("26,50 €", "30 €", "doit", "peut", "huit jours", "quinze jours", "2024", "2025").Replace(oldText)
	refs := &refIndex{OldToNew: map[string]string{"article:28.1": "29.1"}, NewKeys: map[string]bool{"article:29.1": true}}
	b.SetBytes(int64(len(oldText) + len(newText)))
	b.ReportAllocs()
	for b.Loop() {
		compareFacts(oldText, newText, "", refs)
	}
}

// A clause's text that repeats its own heading ("Art. 20." on a line of its
// own, as the RCM does) cites nothing: the heading is never a reference,
// while the same words inside a sentence are.
func TestHeadingLineIsNoReference(t *testing.T) {
	body := "Le directeur général est chargé de l'exécution du présent arrêté."
	for _, c := range []struct {
		old, new string
		refs     int
	}{
		{"Art. 20.\n\n" + body, body, 0},
		{"Article 12 - Objet\n\n" + body, body, 0},
		{"Il applique l'article 20.\n\n" + body, body, 1},
		{"Art. 20 et 21 du code.\n\n" + body, body, 1},
	} {
		n := 0
		for _, f := range compareFacts(c.old, c.new, "", nil) {
			if f.Kind == FactReference {
				n++
			}
		}
		if n != c.refs {
			t.Errorf("CompareFacts(%q → %q): %d reference facts, want %d", c.old, c.new, n, c.refs)
		}
	}
}

// extractCodes returns the act codes that text mentions, in order of first
// appearance, each once.
func extractCodes(text string) []string {
	s := normalizeFactText(text)
	t := &factTextKind{s: s, outline: wholeOf(s), words: tokenize(s), bounds: sentenceBounds(s)}
	var out []string
	seen := map[string]bool{}
	for _, c := range t.codes() {
		if !seen[c.code] {
			seen[c.code] = true
			out = append(out, c.code)
		}
	}
	return out
}

// normalizeFactText writes runs of visible ASCII at once; it does what
// the rune by rune statement of the rule, kept here, does.
func TestNormalizeFactTextIsTheRule(t *testing.T) {
	rule := func(s string) string {
		s = norm.NFKC.String(s)
		var b strings.Builder
		blank, newlines := false, 0
		for i, r := range s {
			switch {
			case r == '\n':
				blank = true
				newlines++
				continue
			case unicode.IsSpace(r):
				blank = true
				continue
			case frtext.Invisible(r):
				continue
			}
			if blank && b.Len() > 0 {
				switch {
				case newlines >= 2:
					b.WriteString("\n\n")
				case newlines == 1:
					b.WriteByte('\n')
				default:
					b.WriteByte(' ')
				}
			}
			blank, newlines = false, 0
			// A true minus before a figure on its line, not set
			// against a word, is a sign and stays one.
			if r == '−' {
				rest := strings.TrimLeftFunc(s[i+len("−"):], func(r rune) bool { return unicode.IsSpace(r) && r != '\n' || frtext.Invisible(r) })
				if !startsWordBefore(b.String()) && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
					b.WriteRune('−')
					continue
				}
			}
			b.WriteRune(frtext.Typography(r))
		}
		return b.String()
	}
	sameAsRule(t, normalizeFactText, rule,
		[]string{"", " a ", "l`a", "a\n\nb", "a \n b", "x\u00adY", "1ᵉʳ\u00a0mai", "\xffa", "a\u2028b", "«\u202fa\u202f»", "\x7f~"},
		[]string{"a", "`", "'", "’", " ", "\n", "\t", "\u00a0", "\u00ad", "\u2060", "é", "e\u0301", "ᵉ", "\xff", "~", "\x7f", "-", "—", "−", "⁻", "5"},
		func(line string) string { return line })
}

// unitAfter passes over no number where amountRe or percentRe matches:
// the matches with and without it are the same.
func TestUnitAfterKeepsEveryMatch(t *testing.T) {
	for _, tc := range []struct {
		re    *lazyre.Regexp
		units []string
	}{{amountRe, amountUnits}, {percentRe, percentUnits}} {
		show := func(filter bool) func(string) string {
			return func(s string) string {
				starts := numberStarts(s)
				if filter {
					starts = unitAfter(s, starts, tc.units)
				}
				return fmt.Sprint(matchesAt(tc.re, s, starts, matchWindow))
			}
		}
		sameAsRule(t, show(true), show(false),
			[]string{"30 €", "1 234,56 euros", "12 millions d'euros", "5 %", "3 pour cent", "2 p. 100", "30\nF", "4 k€", "7 Md€"},
			[]string{"1", "2", "0", " ", ",", ".", "\n", "\t", "\u00a0", "€", "euros", "Euro", "EUR", "E", "F", "FF", "Francs", "franc", "f",
				"millions", "milliard", "mil", "M", "Md", "k", " d'euros", " de francs", "%", "pour cent", "pour", "p. 100", "p.", "p", "k€", "M€", "a", "-", "er", "mois"},
			func(line string) string { return line })
	}
}

// A numeric date's pattern is run only where its first digits and
// separator stand: the matches with and without that filter are the
// same.
func TestNumericDateCandidatesKeepEveryMatch(t *testing.T) {
	for _, d := range []numericDate{dateSlash, dateISO, dateDot} {
		show := func(filter bool) func(string) string {
			return func(s string) string {
				starts := numberStarts(s)
				if filter {
					starts = d.candidates(s, starts)
				}
				return fmt.Sprint(matchesAt(d.re, s, starts, 16))
			}
		}
		sameAsRule(t, show(true), show(false),
			[]string{"30/04/2023", "1/2/2024", "2023-04-30", "123/04/2023", "12023-04-30", "2023-4-30", "31.12.2026", "1.2.2024", "28.1.3"},
			[]string{"1", "2", "0", "12", "2023", "/", "-", " ", ".", "a", "\n"},
			func(line string) string { return line })
	}
}

// holdsActCode answers as codes() does, on every clause of the corpus and
// the fixtures, and on random texts made of what codes are read from; so
// does codeStandsAt, the lines around a word, for every word.
func TestHoldsActCodeIsCodes(t *testing.T) {
	check := func(s string) {
		t.Helper()
		s = normalizeFactText(s)
		tk := &factTextKind{s: s, outline: wholeOf(s), words: tokenize(s)}
		if got, want := holdsActCode(s), len(tk.codes()) > 0; got != want {
			t.Fatalf("holdsActCode(%q) = %v, codes() found %v", s, got, tk.codes())
		}
		for i, w := range tk.words {
			if _, want := tk.codeOf(i); codeStandsAt(s, wholeOf(s), w.start) != want {
				t.Fatalf("codeStandsAt(%q, %d) = %v, codes() says %v", s, w.start, !want, want)
			}
		}
	}
	texts := corpus.Read(t, "raw/*/*.md", "raw/lafabrique/*/steps/*.txt")
	vs, err := fixtures.Versions()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		b, err := fixtures.FS.ReadFile(v.File)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		for _, c := range Parse(decoded(t, text)).Clauses {
			check(c.Text)
		}
	}
	alphabet := []string{"G", "V", "C", "CS", "XYZ", "ID", "APC", "K50", "I", "IV", "CNAM", "LE", "MEDECIN",
		"consultation ", "visite ", "la ", "du présent ", " bis", " et ", " à ", "(", ")", ". - ", "\n", "\n\n",
		"\"", "« ", " ", "-", "+", "30 €", "é", "Titre "}
	for s := range synth.Strings(7, alphabet, 12, 20000) {
		check(s)
	}
	for s := range synth.Strings(8, alphabet, 60, 3000) {
		check(s)
	}
}

// factTextNormal says yes only to texts that foldFactText gives back
// unchanged, and to most clause texts of the corpus.
func TestFactTextNormal(t *testing.T) {
	yes, all := 0, 0
	check := func(s string) {
		t.Helper()
		if factTextNormal(s) {
			yes++
			if got := foldFactText(s); got != s {
				t.Fatalf("factTextNormal(%q) but it normalises to %q", s, got)
			}
		}
		all++
	}
	for _, text := range corpus.Read(t, corpus.BillSteps, "raw/*/*.md") {
		for _, c := range Parse(decoded(t, text)).Clauses {
			check(c.Text)
		}
	}
	t.Logf("%d clause texts of %d taken as normal", yes, all)
	if yes < all/2 {
		t.Errorf("only %d clause texts of %d taken as normal", yes, all)
	}
	for s := range synth.Strings(3, []string{"a", "`", "’", " ", "\n", "\t", "\u00a0", "\u00ad", "é", "e\u0301", "ᵉ", "\xff", "\x01", "-"}, 10, 50000) {
		check(s)
	}
}
