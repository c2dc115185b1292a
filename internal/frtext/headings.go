package frtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Division is the kind of structural division a heading's first word
// names.
type Division uint8

// The divisions, in the words that open their headings.
const (
	NoDivision Division = iota
	Preamble            // "Préambule"
	Title               // "Titre"
	Subtitle            // "Sous-titre"
	Chapter             // "Chapitre"
	Section             // "Section"
	Subsection          // "Sous-section"
	Article             // "Article", "Articles", "Art."
	Annex               // "Annexe", "Annexes", "Article Annexe" as the RCM prints its annexes, and a finance law's "ÉTAT A"
	// The divisions of a code around its titles and sections, as Légifrance
	// prints them ("Livre II", "Paragraphe 3", "Sous-paragraphe 1").
	Part         // "Partie"
	Book         // "Livre"
	Paragraph    // "Paragraphe"
	Subparagraph // "Sous-paragraphe"
)

// HeadingStart reads the word that opens a structural heading at the
// start of s, case and the accent of "Préambule" aside: "Article 12",
// "TITRE II", "Sous-section 1", "Art. 3", "Articles 3 et 4", "Article
// Annexe IV", "Annexes". It returns the division and the rest of s from right after
// that word, whatever follows it; a word that goes on ("Articulation",
// "Titres") opens nothing. Whether a number and a title follow is the
// caller's affair: a wrapped line of prose may start with "Article 5".
func HeadingStart(s string) (Division, string) {
	if s == "" {
		return NoDivision, ""
	}
	if rest, ok := stateLetter(s); ok {
		return Annex, rest
	}
	switch s[0] | 0x20 {
	case 'a':
		if rest, ok := keywordAt(s, "article"); ok {
			if t := strings.TrimLeft(rest, " \t"); t != rest {
				if r2, ok := keywordAt(t, "annexe"); ok {
					return Annex, r2
				}
			}
			return Article, rest
		}
		if rest, ok := keywordAt(s, "articles"); ok {
			return Article, rest
		}
		if len(s) >= 4 && strings.EqualFold(s[:4], "art.") {
			return Article, s[4:]
		}
		if rest, ok := keywordAt(s, "annexe"); ok {
			return Annex, rest
		}
		if rest, ok := keywordAt(s, "annexes"); ok {
			return Annex, rest
		}
	case 't':
		if rest, ok := keywordAt(s, "titre"); ok {
			return Title, rest
		}
	case 'l':
		if rest, ok := keywordAt(s, "livre"); ok {
			return Book, rest
		}
	case 'c':
		if rest, ok := keywordAt(s, "chapitre"); ok {
			return Chapter, rest
		}
	case 's':
		if rest, ok := keywordAt(s, "section"); ok {
			return Section, rest
		}
		if len(s) > 5 && strings.EqualFold(s[:4], "sous") && (s[4] == '-' || s[4] == ' ') {
			if rest, ok := keywordAt(s[5:], "titre"); ok {
				return Subtitle, rest
			}
			if rest, ok := keywordAt(s[5:], "section"); ok {
				return Subsection, rest
			}
			if rest, ok := keywordAt(s[5:], "paragraphe"); ok {
				return Subparagraph, rest
			}
		}
	case 'p':
		for _, kw := range [...]string{"préambule", "preambule"} {
			if rest, ok := keywordAt(s, kw); ok {
				return Preamble, rest
			}
		}
		if rest, ok := keywordAt(s, "paragraphe"); ok {
			return Paragraph, rest
		}
		if rest, ok := keywordAt(s, "partie"); ok {
			return Part, rest
		}
	}
	return NoDivision, ""
}

// stateLetter reads the "ÉTAT A" that heads each table a finance law
// annexes ("ÉTAT B", "État D"): the word, then one capital letter alone. A
// line of prose opening with "L'État" or "État membre" is no such heading.
func stateLetter(s string) (string, bool) {
	// The space is part of each word here: asked of every line, the
	// words are not put together with it each time.
	for _, kw := range [...]string{"ÉTAT ", "ETAT ", "État ", "Etat "} {
		if rest, ok := strings.CutPrefix(s, kw); ok {
			if rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' && WordEnds(rest, 1) {
				return s[len(kw)-1:], true
			}
			return "", false
		}
	}
	return "", false
}

// keywordAt matches kw at the start of s, case aside, ending where a word
// ends; it returns what follows kw.
func keywordAt(s, kw string) (string, bool) {
	if len(s) < len(kw) || !strings.EqualFold(s[:len(kw)], kw) || !WordEnds(s, len(kw)) {
		return "", false
	}
	return s[len(kw):], true
}

// WordStarts reports whether no letter or digit ends s[:i]: a word
// found at i starts there, it is not the tail of another.
func WordStarts(s string, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// WordEnds reports whether no letter or digit starts at s[i].
func WordEnds(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	if c := s[i]; c < utf8.RuneSelf {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
