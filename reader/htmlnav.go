package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avenant-dev/avenant/internal/frtext"
	"github.com/avenant-dev/avenant/internal/lazyre"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page that shows a legal text (Légifrance, a union's site) sets around
// each article what belongs to the site, not to the text: lists of links
// ("Liens relatifs", "Cité par : …", "Versions", a breadcrumb, "Naviguer
// dans le sommaire du code"), the history of each article ("Modifié par
// <a>LOI n° …</a>") and the version shown ("Version en vigueur depuis le 01
// janvier 2024"). Read as text, the first become headings that hold the
// articles after them, the others land in an article's text, where a new
// version date reads as a date the article changed. None of them is text:
//
//   - a block whose words are all in links, but for a label of three words
//     or less before the first one ("Modifié par", "Cité par :"), and that
//     does not end a sentence, is navigation; so is a block made of such
//     blocks only, or of them under one short label ("Liens relatifs",
//     "Versions"). A point of a list in the text ends with ";", "," or
//     ".", so a list of articles cited as links stays. A line that names a division ("Article L162-5" as a
//     link) stays the heading it is, but in a list (a breadcrumb's "Titre 6
//     : …", a table of contents), where it is no heading. Only links that lead somewhere count: Word's
//     bookmarks (<a name>) wrap headings.
//   - a short label right before navigation is that navigation's label.
//   - a block that states which version of the text the page shows
//     (versionBannerRE) is the page's, not the article's.
//
// A sentence citing an article through a link keeps its other words, so it
// is never navigation; "Voir l'<a>article 5</a>." ends a sentence, and
// "Voir <a>article 4</a>" without its full stop cites as the text does, in
// lower case, where a site's links name what they lead to by its title
// ("<a>LOI n° 2008-1249 …</a>", "<a>Partie législative</a>").

// versionBannerRE matches the line that says which version of a text a
// page shows: "Version en vigueur depuis le 01 janvier 2024", "Version en
// vigueur au 02 décembre 2026", "Version abrogée depuis le …", "Version à
// venir au …".
var versionBannerRE = lazyre.New(`^(?i:version)\s+(?i:en\s+vigueur|abrog[ée]e|à\s+venir|initiale|consolidée)\b[^.;!?]{0,80}\d{4}\)?$`)

// navSummary is what navigation needs to know of an element's visible
// words, in document order.
type navSummary struct {
	label     int  // words outside links before the first link
	digit     bool // the label holds a digit
	seen      bool // a link with words has been met
	after     int  // words outside links after the first link
	links     int  // words inside links
	marks     bool // some text, if only punctuation
	lastStop  bool // the text ends with a full stop
	allNav    bool // the element is navigation (see above)
	labelLike bool // a short line of text without links: a possible label
	lowerLink bool // a link opening in lower case after words of a sentence: "Voir <a>article 4</a>"
	lowerOpen bool // its first link opens in lower case, no words before it
	labelPar  bool // its label ends in "par", as a site's do: "Modifié par", "Cité par :"
	announces bool // a short line of text announcing what follows: "Sont abrogés :" (see announces)
}

// navIndex holds the summary of every visible element of a page, computed
// once, bottom up.
type navIndex map[*html.Node]*navSummary

func buildNavIndex(root *html.Node) navIndex {
	idx := navIndex{}
	idx.summarise(root, false)
	return idx
}

// summarise computes n's summary from its children's.
func (idx navIndex) summarise(n *html.Node, inLink bool) navSummary {
	var s navSummary
	if n.Type == html.TextNode {
		s.addText(n.Data, inLink)
		return s
	}
	if n.Type == html.ElementNode && (skipped(n.DataAtom) || hidden(n) || siteChrome(n)) {
		return s
	}
	// Only a link leads anywhere: Word's bookmarks (<a name="_Toc1">)
	// wrap the headings themselves.
	inLink = inLink || n.Type == html.ElementNode && n.DataAtom == atom.A && getAttr(n, "href") != ""
	var items []*navSummary
	container := false // holds blocks, which decide for it
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cs := idx.summarise(c, inLink)
		s.append(cs)
		if cs.label+cs.after+cs.links == 0 {
			continue
		}
		if c.Type == html.ElementNode {
			items = append(items, idx[c])
			container = container || sectioning(c.DataAtom)
		} else {
			items = append(items, &navSummary{labelLike: !inLink && cs.label <= 6, allNav: inLink})
		}
	}
	if n.Type != html.ElementNode {
		return s
	}
	s.allNav = !container && s.isNav() || container && navItems(items)
	s.labelLike = s.links == 0 && s.label <= 6 && !s.lastStop
	if s.labelLike {
		s.announces = announces(leadText(n, 256))
		s.labelLike = !s.announces && !opensSentence(leadText(n, 32))
	}
	if (s.allNav || s.labelLike) && !container && n.DataAtom != atom.Li && headingLike(leadText(n, 64)) {
		s.allNav, s.labelLike = false, false
	}
	cp := s
	idx[n] = &cp
	return s
}

// announces reports a line of the text that announces what follows, as
// "Sont abrogés :" or "Textes de référence :" do a list of the texts
// concerned, set as links: such a line is no label of the site's, and the
// links it announces are the text's. The site's labels that end so name
// who cites or changed the article ("Cité par :", "Modifié par :").
func announces(t string) bool {
	body, ok := strings.CutSuffix(t, ":")
	if !ok {
		return false
	}
	w := strings.Fields(body)
	return len(w) > 0 && !strings.EqualFold(w[len(w)-1], "par")
}

// opensSentence reports a line opening as a sentence of the text does,
// with a grammatical word ("Les parties signataires", "L'assurance
// maladie"), where the site's labels name what their links are ("Liens
// relatifs", "Versions").
func opensSentence(t string) bool {
	w, _, _ := strings.Cut(t, " ")
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i]
	}
	return frtext.IsGrammatical(strings.ToLower(w))
}

// navItems reports blocks that are navigation under their labels: each
// navigation or a label right over navigation, the last navigation.
func navItems(items []*navSummary) bool {
	for i, it := range items {
		if !it.allNav && !(it.labelLike && i+1 < len(items) && items[i+1].allNav) {
			return false
		}
	}
	return len(items) > 0
}

func (s *navSummary) addText(t string, inLink bool) {
	for k, w := range strings.Fields(t) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) ||
			!inLink && isNavMark(w) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); inLink && k == 0 && !s.seen && s.label == 0 && unicode.IsLower(r) {
			s.lowerOpen = true
		}
		switch {
		case inLink:
			s.links++
			s.seen = true
		case s.seen:
			s.after++
		default:
			s.label++
			s.digit = s.digit || strings.ContainsFunc(w, unicode.IsDigit)
			s.labelPar = strings.TrimRight(w, ":") == "par"
		}
	}
	if t = strings.TrimSpace(t); t != "" {
		s.marks = true
		// A point of a list in the text ends as a sentence does, or
		// with ";" or ",".
		t = frtext.TrimClosers(t)
		s.lastStop = strings.HasSuffix(t, ".") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ",")
	}
}

// isNavMark tells the marks a site puts after a link that are no words:
// Légifrance's "(V)" (in force) and "()".
func isNavMark(w string) bool {
	return strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") && len(w) <= 4
}

func (s *navSummary) append(c navSummary) {
	if !s.seen && c.lowerOpen && s.label > 0 && !s.labelPar {
		s.lowerLink = true
	}
	if s.seen {
		s.after += c.label + c.after
	} else {
		if c.label > 0 {
			s.labelPar = c.labelPar
		} else if s.label == 0 {
			s.lowerOpen = s.lowerOpen || c.lowerOpen
		}
		s.label += c.label
		s.digit = s.digit || c.digit
		s.after += c.after
		s.seen = c.seen
	}
	s.links += c.links
	s.lowerLink = s.lowerLink || c.lowerLink
	if c.marks {
		s.lastStop, s.marks = c.lastStop, true
	}
}

func (s *navSummary) isNav() bool {
	return s.links > 0 && s.after == 0 && s.label <= 3 && !s.digit && !s.lastStop && !s.lowerLink
}

// headingLike reports a line that opens a numbered division ("Article
// L162-5", "Section 1", "Préambule"): such a line is a heading, never a
// label nor navigation, even set as a link. "Article suivant" is a link.
func headingLike(t string) bool {
	div, rest := frtext.HeadingStart(t)
	if div == frtext.NoDivision {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) {
		return false
	}
	w := strings.TrimLeft(rest, " .")
	r, _ := utf8.DecodeRuneInString(w)
	return w == "" || unicode.IsDigit(r) || unicode.IsUpper(r) ||
		strings.HasPrefix(w, "premier") || strings.HasPrefix(w, "unique") || strings.HasPrefix(w, "liminaire")
}

// leadText is the start of an element's text, spaces collapsed, about max
// bytes of it.
func leadText(n *html.Node, max int) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < max; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
				b.WriteByte(' ')
			}
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// navigation reports a block of n's that is the site's, not the text's:
// navigation, its label, or the banner of the version shown.
func (h *htmlWriter) navigation(n *html.Node) bool {
	if h.cell != nil || h.nav == nil {
		return false
	}
	s := h.nav[n]
	if s == nil {
		return false
	}
	if s.allNav {
		return !h.announced(n)
	}
	if s.links == 0 && s.label <= 16 && versionBannerRE.MatchString(leadText(n, 160)) {
		return true
	}
	if !s.labelLike {
		return false
	}
	// A label is right over navigation, and what follows it to the end
	// of its parent is the site's: navigation, labels right over more,
	// banners.
	links, label := false, true
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return false
		}
		cs := h.nav[c]
		switch {
		case cs == nil:
			continue
		case cs.allNav:
			links = true
		case label:
			return false
		case !cs.labelLike && !(cs.links == 0 && versionBannerRE.MatchString(leadText(c, 160))):
			return false
		}
		label = !cs.allNav && cs.labelLike
	}
	return links && !label
}

// sectioning elements are those navigation may be: blocks, lists and
// headings, not inline elements nor a table's parts.
func sectioning(a atom.Atom) bool {
	switch a {
	case atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	case atom.Table, atom.Caption:
		return false
	}
	return blocks(a)
}

// announced reports an element of links right after a line of the text
// that announces them (see announces), or inside such links. A short line
// kept as text, as a heading is ("Textes de référence" over the texts it
// lists, then the next article), announces the links under it too: a
// label and its links are the site's or the text's together, and a site's
// label stands over its links to the end of their block, where nothing of
// the text follows (see navigation). Not the page's title (<h1>), under
// which sites set their navigation.
func (h *htmlWriter) announced(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		for c := n.PrevSibling; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode {
				if cs := h.nav[c]; cs != nil && (cs.announces || cs.labelLike && c.DataAtom != atom.H1 && !h.navigation(c)) {
					return true
				}
				break
			}
		}
		if ps := h.nav[n.Parent]; ps == nil || !ps.allNav {
			return false
		}
	}
	return false
}

// headingNotes reports a block that opens with a division's heading and
// ends with links, as old Légifrance pages set an article's (<div
// class="titreArt">Article 12<a …>Modifié par Loi n° …</a></div>, "En savoir
// plus sur cet article..."): the links are the site's notes on the
// article, its history or its versions, and the heading is the article's
// number and title alone. Words after the links, or a link going on with
// the heading's words in lower case ("Article 3 <a>du code</a>"), make a
// sentence, which keeps them.
func (h *htmlWriter) headingNotes(n *html.Node) bool {
	s := h.nav[n]
	if s == nil || s.label == 0 || s.links == 0 || s.after > 0 || s.lowerLink || s.lowerOpen {
		return false
	}
	return headingLike(labelText(n, 64))
}

// labelText is the text of n before its first link, spaces collapsed,
// about max bytes of it.
func labelText(n *html.Node, max int) string {
	var b strings.Builder
	done := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !done && b.Len() < max; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
				b.WriteByte(' ')
			case c.Type == html.ElementNode && c.DataAtom == atom.A && getAttr(c, "href") != "":
				done = true
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
