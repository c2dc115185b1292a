package clause

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// Named is what a reader may call a clause by: its stable id, its heading
// as printed, its kind and number.
type Named struct {
	ID      string
	Kind    Kind
	Number  string
	Key     string
	Heading string
	// Lead is the clause's first words, which tell apart clauses printed
	// alike ("Annexe IV" twice); "" when unknown.
	Lead string
	// Parent is the index of the enclosing clause in the same list, -1 at
	// top level.
	Parent int
}

// NamedOf lists the clauses of d as names can resolve them.
func NamedOf(d *Document) []Named {
	if d == nil {
		return nil
	}
	out := make([]Named, len(d.Clauses))
	for i := range d.Clauses {
		c := &d.Clauses[i]
		out[i] = Named{ID: c.ID, Kind: c.Kind, Number: c.Number, Key: c.Key, Heading: c.Heading, Lead: frtext.Lead(c.Text, 0, 50), Parent: c.Parent}
	}
	return out
}

// DisplayName is how clause i of cs is named back to a reader: its
// heading, else its kind and number in French ("Annexe 1/G" for a tariff
// row of annex 1), else its id.
func DisplayName(cs []Named, i int) string {
	if cs[i].Heading != "" {
		return cs[i].Heading
	}
	return ShortName(cs, i)
}

// ShortName is a clause's kind and number in French, its parent's short
// name before it for an item ("Annexe 1/G"), else its heading or id.
func ShortName(cs []Named, i int) string {
	c := &cs[i]
	if c.Number == "" {
		if c.Heading != "" {
			return c.Heading
		}
		return c.ID
	}
	if c.Kind == KindItem {
		// Named within the nearest numbered ancestor: a table's header
		// row is no name a reader uses.
		for p := c.Parent; p >= 0 && p < len(cs); p = cs[p].Parent {
			if cs[p].Number != "" {
				return ShortName(cs, p) + "/" + c.Number
			}
		}
		return c.Number
	}
	prefix, _, _ := strings.Cut(c.Key, ":")
	if w, ok := headingWords[prefix]; ok {
		return w + " " + c.Number
	}
	return string(c.Kind) + " " + c.Number
}

// headingWords are the words that open a heading, by key prefix: what a
// reader types before a number.
var headingWords = map[string]string{
	"article": "Article", "annex": "Annexe", "title": "Titre", "subtitle": "Sous-titre",
	"chapter": "Chapitre", "section": "Section", "subsection": "Sous-section",
}

// ErrUnknownClause is returned when a name denotes no clause.
var ErrUnknownClause = errors.New("unknown clause")

// ErrAmbiguousClause is returned when a name denotes several clauses.
var ErrAmbiguousClause = errors.New("several clauses answer to that name")

// FindName resolves name among cs (see ResolveName) to exactly one clause.
// Otherwise it returns an ErrUnknownClause naming up to five close
// clauses, or an ErrAmbiguousClause listing the clauses with their ids;
// where names the document or version in the message.
func FindName(cs []Named, name, where string) (int, error) {
	hits := ResolveName(cs, name)
	switch {
	case len(hits) == 1:
		return hits[0], nil
	case len(hits) > 1:
		list := candidates(cs, hits)
		return -1, fmt.Errorf("%s: %w in %s: %s", name, ErrAmbiguousClause, where, strings.Join(list, ", "))
	}
	if _, ok := pointName(name); ok && !slices.ContainsFunc(cs, func(c Named) bool { return isPoint(&c) }) {
		return -1, fmt.Errorf("%s: %w in %s: its points stay inside their articles, name the article", name, ErrUnknownClause, where)
	}
	if close := closestNames(cs, name, 5); len(close) > 0 {
		return -1, fmt.Errorf("%s: %w in %s; closest: %s", name, ErrUnknownClause, where, strings.Join(close, ", "))
	}
	return -1, fmt.Errorf("%s: %w in %s (not a clause id, heading or number there)", name, ErrUnknownClause, where)
}

// ResolveName finds the clauses that name denotes, trying in turn
//
//  1. the stable id;
//  2. the heading exactly as printed, case, accents and typography aside
//     ("préambule", "Article 1er - Objet", "Article Annexe IV");
//  3. a kind and a number read as a heading is ("Annexe 1", "Titre II" =
//     "Titre 2", "Chapitre III", "Art. 12", "Préambule"), or with the
//     kind's own name ("annex 4", "chapter 3");
//  4. a bare number, for articles only ("3", "3 bis", "28.1");
//  5. an act code, for tariff rows ("G", "AMI 3");
//  6. a point's number as printed ("I.", "1°", "a)"), or alone ("II"),
//     for points only.
//
// A name printed as a point's number ("1°", "I.", "a)", "2.") names a point
// or nothing, never the article of that number: in a text of articles,
// where points stay inside them, it names nothing. Dashes of every kind
// inside a number read as its hyphen ("28–1" is "28-1").
//
// The first rule that matches any clause gives the answer, so an annex is
// never taken for an article of the same number. Several indexes mean the
// name is ambiguous (two chapters 1 under two titles); none, unknown.
//
// A name within an ancestor ("Annexe 1/G", "ANNEXE / Article 3") applies
// the same rules to the ancestor's descendants alone: the convention's
// article 3, annexed to an arrêté that has its own, is "ANNEXE / Article
// 3" even though the arrêté's heading reads "Article 3" exactly.
//
// Unqualified, a name that an article outside the annex answers to is that
// article's: reports print the arrêté's "Article 3" so, and the annexed
// one "ANNEXE/Article 3".
func ResolveName(cs []Named, name string) []int {
	hits := resolveIn(cs, name, func(*Named) bool { return true })
	if len(hits) > 1 && !strings.Contains(name, "/") {
		clause := func(k int) (Kind, int) { return cs[k].Kind, cs[k].Parent }
		if own := slices.DeleteFunc(slices.Clone(hits), func(i int) bool { return annexQualifier(i, clause) >= 0 }); len(own) > 0 {
			return own
		}
	}
	return hits
}

// resolveIn is ResolveName among the clauses that in accepts.
func resolveIn(cs []Named, name string, in func(*Named) bool) []int {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	matching := func(ok func(*Named) bool) []int {
		var hits []int
		for i := range cs {
			if in(&cs[i]) && ok(&cs[i]) {
				hits = append(hits, i)
			}
		}
		return hits
	}
	if hits := matching(func(c *Named) bool { return c.ID == name }); hits != nil {
		return hits[:1]
	}
	folded := frtext.Fold(name)
	if hits := matching(func(c *Named) bool { return c.Heading != "" && frtext.Fold(c.Heading) == folded }); hits != nil {
		return hits
	}
	// No-break spaces, which French sets between a kind and its number,
	// are spaces.
	name = numberDashes(strings.Join(strings.Fields(name), " "))
	// "Annexe 1/G": a clause named within an ancestor, where a bare number
	// is any descendant's (a tariff row's act code). Tried before the
	// kinds, which would read "Section 2/Sous-section 1" as one number.
	if k := strings.LastIndexByte(name, '/'); k > 0 {
		parents := resolveIn(cs, name[:k], in)
		under := func(c *Named) bool {
			return in(c) && withinAny(cs, c.Parent, func(p int) bool { return slices.Contains(parents, p) })
		}
		child := strings.TrimSpace(name[k+1:])
		if hits := resolveIn(cs, child, under); hits != nil {
			return hits
		}
		n := NormalizeNumber(child)
		if hits := matching(func(c *Named) bool { return under(c) && n != "" && NormalizeNumber(c.Number) == n }); hits != nil {
			return hits
		}
	}
	if num, ok := pointName(name); ok {
		return matching(func(c *Named) bool { return isPoint(c) && pointNumberOf(c) == num })
	}
	if kind, key, title, ok := nameKey(name); ok {
		// A title after the number must be the clause's: "Article 7 -
		// Permanence des soins", copied from a version before article 7
		// became 8, is not the new article 7 whatever its title.
		return matching(func(c *Named) bool {
			if title != "" && headingRest(c.Heading, c.Number) != title {
				return false
			}
			return key != "" && KeyIs(c.Key, key) || key == "" && c.Kind == kind
		})
	}
	if key := NumberKey(KindArticle, name); key != "" {
		// A Roman numeral alone ("II") names an article printed so, not
		// "Article 2": it is more often a part of one ("II. -").
		r := romanLed(name)
		if hits := matching(func(c *Named) bool { return c.Key == key && (!r || romanLed(c.Number)) }); hits != nil {
			return hits
		}
	}
	// An act code alone ("IFD", "AMI 3") is its tariff row, as "tariff
	// IFD" is: no article is numbered so. Every row of that code: a code
	// priced per zone on two rows, or in two annexes, is ambiguous, never
	// its first row's.
	if hits := matching(func(c *Named) bool { return KeyIs(c.Key, "tariff:"+name) }); hits != nil {
		return hits
	}
	return matching(func(c *Named) bool { return isPoint(c) && pointNumberOf(c) == name })
}

// KeyIs reports whether key is want, case aside, or one of its later
// occurrences: the second row pricing G in a text is keyed "tariff:G#2",
// and a name for G names it as much as the first.
func KeyIs(key, want string) bool {
	if len(key) < len(want) || !strings.EqualFold(key[:len(want)], want) {
		return false
	}
	rest := key[len(want):]
	if rest == "" {
		return true
	}
	n, ok := strings.CutPrefix(rest, "#")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// pointName reads name as a point's number printed as the point prints
// it, "I.", "1°", "a)", "2.", "IV)" or "III. -", and returns that number
// as the point's clause bears it ("I", "1°", "a", "2").
func pointName(name string) (string, bool) {
	name = strings.ReplaceAll(name, "º", "°")
	num, ok := pointNumber(name, false)
	if !ok || strings.Trim(name[len(num):], " .)-") != "" {
		return "", false
	}
	return num, true
}

// romanLed reports a number whose first part is a Roman numeral ("II",
// "IV bis"), not a code's letter ("L. 162-5").
func romanLed(number string) bool {
	toks := numberTokens(number)
	if len(toks) == 0 || toks[0][0] >= '0' && toks[0][0] <= '9' || len(toks) > 1 && len(toks[0]) == 1 && isCodePrefix(toks[0]) {
		return false
	}
	_, ok := roman(toks[0])
	return ok
}

// isPoint reports a numbered point, which a text without articles makes a
// clause: an item that is no tariff row.
func isPoint(c *Named) bool {
	return c.Kind == KindItem && c.Number != "" && !strings.HasPrefix(c.Key, "tariff:")
}

// pointNumberOf is the number of point c as pointName gives it.
func pointNumberOf(c *Named) string { return strings.ReplaceAll(c.Number, "º", "°") }

// numberDashes sets a hyphen for each dash or minus that stands between a
// letter or digit and another, as in a number ("28–1", "L. 162‑5"): word
// processors set them for the hyphen. A dash set apart by spaces ("Article
// 28 – Régulation") is a separator and stays.
func numberDashes(name string) string {
	if !strings.ContainsFunc(name, isTypographicDash) {
		return name
	}
	rs := []rune(name)
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 1; i+1 < len(rs); i++ {
		if isTypographicDash(rs[i]) && alnum(rs[i-1]) && alnum(rs[i+1]) {
			rs[i] = '-'
		}
	}
	return string(rs)
}

func isTypographicDash(r rune) bool { return r != '-' && frtext.Typography(r) == '-' }

// nameKey reads name as a kind and a number and returns the key a clause
// of that kind and number carries; for a preamble, which has no number,
// the kind alone ("" key). title is what follows the number, in the
// canonical form of headingRest ("" for none).
func nameKey(name string) (kind Kind, key, title string, ok bool) {
	// "art 12", as one types it, is "Art. 12".
	if len(name) > 4 && strings.EqualFold(name[:4], "art ") {
		name = "Art. " + name[4:]
	}
	h, ok := classify(name, false)
	read := name
	// Case aside: "titre ii" is "TITRE II", and "chapitre 1er a" is
	// "CHAPITRE IER A", whose letter a lower-case reading leaves out.
	if hu, oku := classify(strings.ToUpper(name), false); oku && (!ok || len(hu.num) > len(h.num)) {
		h, ok, read = hu, true, strings.ToUpper(name)
	}
	if ok {
		if h.hk == hPreamble {
			return KindPreamble, "", "", true
		}
		if key := keyOf(h.hk, h.num); key != "" {
			title := headingRest(read, h.num)
			if h.status != "" && strings.HasPrefix(title, "(") {
				// "Article 2 (nouveau)": the status is no title.
				_, title, _ = strings.Cut(title, ")")
				title = strings.TrimLeft(title, " -:.,;)/")
			}
			return kinds[h.hk].kind, key, title, true
		}
		return "", "", "", false
	}
	// The names of the outline schema: "annex 4", "subsection 2", "tariff G".
	word, num, _ := strings.Cut(name, " ")
	word = strings.ToLower(word)
	if word == string(KindPreamble) && strings.TrimSpace(num) == "" {
		return KindPreamble, "", "", true
	}
	if !printedNumber(num) {
		// "article 28, 1°" is a point of article 28, not article 28.1:
		// only a number's own signs may part its parts.
		return "", "", "", false
	}
	for k, info := range kinds {
		if info.keyPrefix == word {
			if key := keyOf(hkind(k), num); key != "" {
				return info.kind, key, "", true
			}
		}
	}
	num = strings.TrimSpace(num)
	switch {
	case word == "tariff" && num != "":
		return KindItem, "tariff:" + num, "", true // an act code, as printed
	case word == string(KindItem):
		if key := NumberKey(KindItem, num); key != "" {
			return KindItem, key, "", true
		}
	}
	return "", "", "", false
}

// printedNumber reports whether s may be a number as headings print it:
// letters, digits, spaces, and the dots, hyphens and star that part its
// parts ("28.1", "2 bis A", "L. 162-5", "R*423-1").
func printedNumber(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && r != '.' && r != '-' && r != '*'
	})
}

// Find resolves name among the clauses of d as FindName does; where names
// the document in an error message.
func (d *Document) Find(name, where string) (int, error) {
	return FindName(NamedOf(d), name, where)
}

// FindChange resolves name to a clause of the new document, else of the
// old one (a clause removed or merged away), and returns the index of the
// change that holds it: how a screen goes to the clause a reader names.
// Its errors are FindName's, the new document's first; where names the
// diff in them.
func (d *Diff) FindChange(name, where string) (int, error) {
	i, err := d.New.Find(name, where)
	if err == nil {
		return d.changeHolding(i, func(c *Change) []int { return c.New }), nil
	}
	if errors.Is(err, ErrAmbiguousClause) {
		return -1, err
	}
	o, oerr := d.Old.Find(name, where)
	switch {
	case oerr == nil:
		return d.changeHolding(o, func(c *Change) []int { return c.Old }), nil
	case errors.Is(oerr, ErrAmbiguousClause):
		return -1, oerr
	}
	return -1, err
}

// ChangeOfNew is the index of the change that holds clause i of the new
// document, -1 when none does.
func (d *Diff) ChangeOfNew(i int) int {
	return d.changeHolding(i, func(c *Change) []int { return c.New })
}

func (d *Diff) changeHolding(i int, side func(*Change) []int) int {
	for k := range d.Changes {
		if slices.Contains(side(&d.Changes[k]), i) {
			return k
		}
	}
	return -1
}

// headingRest is headingRestBuf with scratch space of its own.
func headingRest(heading, number string) string {
	rest, _ := headingRestBuf(heading, number, nil)
	return rest
}
