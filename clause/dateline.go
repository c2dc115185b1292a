package clause

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dateline reports a line that says where and when the text was made or
// signed, as conventions, avenants and decrees set it before their first
// article or after their last: "Fait à Paris, le 4 juin 2024", "Signée
// le 4 juin 2024", "Paris, le 04/06/2024", "Le 4 juin 2024". It is a
// sentence of the text, not a title: it names no text, it dates the one it
// stands in. A title may hold a date, but as the name of a text, "du" a
// date ("Convention du 4 juin 2024"), or after the name of what was signed
// ("Convention nationale … signée le 25 août 2016").
func dateline(s string) bool {
	s = strings.TrimRight(s, ". ")
	var head, date string
	switch k := strings.LastIndex(s, " le "); {
	case foldPrefixAt(s, 0, "le "):
		date = s[len("le "):]
	case k > 0:
		head, date = strings.TrimRight(s[:k], " "), s[k+len(" le "):]
	default:
		return false
	}
	if !fullDate(date) {
		return false
	}
	if head == "" {
		return true
	}
	// "Paris, le …": a place, set apart by its comma.
	if place, ok := strings.CutSuffix(head, ","); ok && placeName(place) {
		return true
	}
	// "Fait à Paris, le …", "Signé le …", "Délibéré en séance, le …".
	words := strings.Fields(strings.TrimSuffix(head, ","))
	return len(words) <= 8 && datingVerbs[strings.ToLower(words[0])]
}

// datingVerbs are the participles a dateline opens with.
var datingVerbs = map[string]bool{
	"fait": true, "faite": true, "faits": true, "signé": true, "signée": true, "signés": true,
	"signées": true, "conclu": true, "conclue": true, "délibéré": true, "adopté": true, "adoptée": true,
	"établi": true, "établie": true, "etabli": true, "etablie": true, "donné": true,
}

// placeName reports a name of a place as a dateline gives it: words each
// starting with a capital ("Paris", "Saint-Denis", "Paris La Défense"),
// but for the small words between them ("Boulogne-sur-Mer", "Saint-Denis
// de la Réunion").
func placeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for k, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && (k == 0 || !placeLinks[w]) {
			return false
		}
	}
	return true
}

var placeLinks = map[string]bool{"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "sur": true, "en": true}

// fullDate reports a day, a month and a year, the whole of s: "4 juin
// 2024", "1er juin 2024", "04/06/2024", "4.6.2024".
func fullDate(s string) bool {
	if f := strings.Fields(s); len(f) == 3 {
		day := strings.TrimSuffix(strings.TrimSuffix(f[0], "er"), "ᵉʳ")
		return (day != "" && len(day) <= 2 && isDigits(day) || strings.EqualFold(f[0], "premier")) &&
			months[strings.ToLower(f[1])] > 0 && len(f[2]) == 4 && isDigits(f[2])
	}
	for _, d := range [...]numericDate{dateSlash, dateDot} {
		if m := d.re.FindStringIndex(s); m != nil && m[1] == len(s) {
			return true
		}
	}
	return false
}
