package clause

import "github.com/avenant-dev/avenant/internal/frtext"

// Kind is the structural role of a clause, as named in the outline schema
// (avenant.outline/v1).
type Kind string

// The kinds of clause, from the outermost container to the plain paragraph.
const (
	KindPreamble  Kind = "preamble"
	KindTitle     Kind = "title"
	KindChapter   Kind = "chapter"
	KindSection   Kind = "section"
	KindArticle   Kind = "article"
	KindAnnex     Kind = "annex"
	KindItem      Kind = "item"
	KindParagraph Kind = "paragraph"
)

// Clause is one unit of a document: a container (title, chapter, section,
// annex) carries its heading and whatever text stands before its first
// child; an article, item or paragraph carries its own text.
type Clause struct {
	// ID is a slug, unique within the document, derived from the kind and
	// number ("art-28-1", "annexe-iv", "titre-2") or, for unnumbered
	// clauses, from the heading or first words. The store replaces it with
	// a stable id that survives renumbering.
	ID string
	// Kind is the clause's structural role.
	Kind Kind
	// Number is the clause's own number as printed: "1er", "28.1",
	// "2 bis AA", "L. 162-5", "IV"; "" for unnumbered clauses.
	Number string
	// Key is the normalised number used for matching: kind prefix plus a
	// canonical form of the number ("article:28.1", "article:l.162.5",
	// "title:2", "annex:4", "item:G"), "" when unnumbered. "Article 28-1"
	// and "Article 28.1" share a key; "Titre II" and "Titre 2" too.
	Key string
	// Heading is the heading line as printed, without markdown markers
	// ("Article 28.1 - Consultation"); "" for paragraphs.
	Heading string
	// Status is what the heading states, in parentheses after the number,
	// about where the clause stands in the procedure, in canonical form
	// ("nouveau", "supprimé", "non modifié", "conforme"…: see readStatus);
	// "" when it states none. It is neither part of Number nor of the title.
	Status string
	// Text is the body: paragraphs separated by a blank line ("\n\n"),
	// lines within a paragraph joined by "\n". It does not repeat the
	// heading.
	Text string
	// Path holds the headings of the ancestors, outermost first, followed
	// by the clause's own heading when it has one.
	Path []string
	// Parent is the index in Document.Clauses of the enclosing clause, or
	// -1 at top level.
	Parent int
	// Depth is the nesting level: 0 at top level.
	Depth int
	// Grid lays a table row in columns that shows fewer cells than its
	// header names columns over them: for each column, the index of the
	// cell (of RowCells) set over it, -1 where none is; nil for every
	// other clause (see rowGrid).
	Grid []int
}

// Document is a parsed text: its clauses in document order, a flattened
// tree in which each clause points to its parent.
type Document struct {
	// Clauses are in document order; a parent always precedes its children.
	Clauses []Clause
}

// Label is how a clause is named to a reader: its heading, else its kind and
// number, else the start of its text.
func (c *Clause) Label() string {
	if c.Heading != "" {
		return c.Heading
	}
	if c.Number != "" {
		return string(c.Kind) + " " + c.Number
	}
	return frtext.Lead(c.Text, 8, 0)
}
