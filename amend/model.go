package amend

import (
	"strings"

	"github.com/avenant-dev/avenant/clause"
)

// OpKind is what an operation does.
type OpKind string

// The operations of French legislative drafting that apply knows.
const (
	// Replace puts New where Old stands in the target ("les mots « X »
	// sont remplacés par les mots « Y »").
	Replace OpKind = "replace"
	// InsertWords puts New right after Anchor, or right before it when
	// Before is set ("après le mot « X », sont insérés les mots « Y »").
	InsertWords OpKind = "insert-words"
	// AppendWords puts New at the end of the target, before its closing
	// stop ("est complété par les mots « Y »").
	AppendWords OpKind = "append-words"
	// DeleteWords removes Old ("les mots « X » sont supprimés").
	DeleteWords OpKind = "delete-words"
	// Rewrite makes New the whole text of the target ("est ainsi
	// rédigé : « … »").
	Rewrite OpKind = "rewrite"
	// Insert adds New as new units (Unit: sentences, alinéas, articles,
	// rows) at Place relative to the target.
	Insert OpKind = "insert"
	// Repeal removes the target ("est abrogé", "est supprimée").
	Repeal OpKind = "repeal"
	// Renumber gives the target the number Number ("devient l'article M").
	Renumber OpKind = "renumber"
	// Move takes the target, with what it holds, to Place (after or
	// before) the clause To names ("est transféré après l'article
	// 1"), and gives it Number when the instruction says so ("et devient
	// l'article 1 bis").
	Move OpKind = "move"
)

// Unit is the kind of text an Insert adds.
type Unit string

// The units an instruction inserts.
const (
	UnitPhrase  Unit = "phrase"
	UnitAlinea  Unit = "alinea"
	UnitArticle Unit = "article"
	UnitRow     Unit = "row"
	UnitAnnex   Unit = "annex"
)

// Place is where an Insert puts its units, relative to its target.
type Place string

// The places of an Insert.
const (
	PlaceEnd    Place = "end"
	PlaceStart  Place = "start"
	PlaceAfter  Place = "after"
	PlaceBefore Place = "before"
)

// Target locates the text an operation works on: a clause of the base,
// then, inside its text, a point, an alinéa, a sentence.
type Target struct {
	// Kind and Number name the clause: an article, a titre, a chapitre, an
	// annex, the préambule (no number). Row names a tariff row by its act
	// code instead, within the annex Number when Kind is annex.
	Kind   clause.Kind
	Number string
	// Through ends a range ("les articles 12 à 14"): every clause of the
	// kind from Number to Through, in the text's order, whatever numbers
	// stand between (12 bis, 13 A…).
	Through string
	Row     string
	// Labelled says Row is the row's label, not its act code ("la ligne
	// « Consultation de référence (G) »"): the row one of whose cells
	// reads so.
	Labelled bool
	// Heading targets the clause's heading (its intitulé), not its text.
	Heading bool
	// Table targets the table the clause holds, its header and rows, not
	// the clause ("le tableau de l'annexe 1").
	Table bool
	// Point holds the numbered points, outermost first ("II", "2°", "a)").
	Point []string
	// Alinea and Phrase are ranks, 1 for the first, -1 for the last, 0
	// when the whole of the enclosing text is meant.
	Alinea int
	Phrase int
	// Alineas are the ranks of several alinéas named at once ("les
	// deuxième et troisième alinéas"), Alinea 0 then.
	Alineas []int
	// Phrases are the ranks of several sentences named at once ("les
	// deux premières phrases"), Phrase 0 then.
	Phrases []int
	// Points are the markers of several points of one list named at once
	// ("les 2° et 3°", "les 1° à 3°"), in the points Point names.
	Points []string
	// Words locates an alinéa by words it holds ("après les termes
	// « … », est ajouté un alinéa").
	Words string
	// Part is the end or the start of the unit a rewrite or a repeal
	// changes, from or up to words it holds; nil for the whole unit.
	Part *Part
	// InAnnex places an article in the annex numbered Annex ("" for the
	// only one): "l'article 2 de l'annexe 1", or under a lead-in naming
	// the annex. It is looked for there only, as a row is.
	InAnnex bool
	Annex   string
	// AnnexName names that annex by what it is, not by its number ("du
	// règlement arbitral annexé"): the one whose heading holds the words.
	AnnexName string
	// Times is how many times the words of an operation stand in the
	// target, each changed: 0 for once, -1 for wherever they stand
	// ("partout où il figure", "à chaque occurrence"), n for exactly n
	// ("(deux fois)").
	Times int
	// Occurrence is which of the places the words of an operation stand
	// it changes: 1 for the first, -1 for the last ("la deuxième
	// occurrence du mot"), 0 when they must stand once.
	Occurrence int
	// Everywhere targets the whole text ("dans l'ensemble de la
	// convention"): words are replaced or deleted wherever they stand.
	Everywhere bool
	// Code is the code the instruction, or its lead-in, names as the
	// text it amends ("du code de la sécurité sociale"), "" when none.
	Code string
	// TableName names the table by the heading over it, in its annex
	// ("au tableau « Consultations » de l'annexe 1"): the table, or the
	// row Row, is looked for under that heading only.
	TableName string
	// Within names the divisions that hold the titre, chapitre or section
	// named, outermost first ("le chapitre 3 du titre 2": titre 2): a text
	// numbers its chapitres afresh in each titre, and its sections in
	// each chapitre.
	Within []Division
	// inRange marks an article of a range being applied: the articles
	// numbered under it are in the range too, or refused by it.
	inRange bool
}

// Division is a titre, chapitre or section named by its number.
type Division struct {
	Kind   clause.Kind
	Number string
}

// Op is one operation of an instruction.
type Op struct {
	Kind    OpKind
	Targets []Target
	// Old is the words replaced or deleted; Anchor the words an insertion
	// follows (or precedes, with Before).
	Old    string
	Anchor string
	Before bool
	// New is the text put in: words, or whole sentences, alinéas,
	// articles or rows, paragraphs separated by a blank line.
	New   string
	Unit  Unit
	Place Place
	// Number is the new number of a Renumber, or the numbers of the
	// articles an Insert adds.
	Number string
	// Numbers are the new numbers of a Renumber of several articles, one
	// per target; with Through, the first and last of a range of
	// articles, from the target to the article numbered Through.
	Numbers []string
	Through string
	// Annex, for a Rewrite, names an annex of the avenant itself whose
	// text and rows replace the target's ("l'annexe 12 est remplacée par
	// l'annexe 1 du présent avenant"); Clauses holds them once read.
	Annex   *string
	Clauses []clause.Clause
	// Code is the code the instruction names as the text it amends
	// (Target.Code), "" when none: the base must be that code.
	Code string
	// Price, for a Replace, puts New in place of the one price the
	// target row holds ("le tarif de la ligne G est remplacé par …").
	// Unquoted, New is a value, not words ("est porté à 32 euros"): it
	// is written as the table writes its prices ("32 €").
	Price, Unquoted bool
	// Points, for a Renumber of points ("les 3° à 5° deviennent les 4°
	// à 6°"), are their markers, then their new ones, one for one; the
	// targets are the clauses that hold them.
	Points [2][]string
	// To is the clause a Move puts the target beside.
	To *Target
}

// Instruction is one instruction of the avenant: an article, or one of its
// numbered points.
type Instruction struct {
	// By names it as a reader cites it: "Article 1er", "Article 4, 2°",
	// "Article 2, I, 1°".
	By string
	// Text is the instruction as written.
	Text string
	Ops  []Op
	// Dated is the date the instruction, or its lead-in, says it takes
	// effect from ("à compter du 1er janvier 2025"), "" when none: the
	// consolidated text does not carry it, and the notes say so.
	Dated string
}

// Set is an avenant read as instructions.
type Set struct {
	Instructions []Instruction
	// Own lists the articles of the avenant that amend nothing (its own
	// provisions: entry into force, duration), by their label.
	Own []string
	// unnamed is the first value the avenant sets without naming the
	// words it replaces (setsValueUnnamed): an error when it holds
	// instructions, the reason it holds none otherwise.
	unnamed error
}

// describe names a target in messages, in the words of the base.
func (t Target) describe() string {
	var parts []string
	if t.Phrase != 0 {
		parts = append(parts, "the "+ordinalName(t.Phrase)+" sentence")
	}
	if t.Alinea != 0 {
		parts = append(parts, "the "+ordinalName(t.Alinea)+" alinéa")
	}
	if len(t.Phrases) > 1 {
		parts = append(parts, ranksName(t.Phrases, "sentences"))
	}
	if len(t.Alineas) > 1 {
		parts = append(parts, ranksName(t.Alineas, "alinéas"))
	}
	if len(t.Points) > 1 {
		parts = append(parts, "points "+strings.Join(t.Points, ", "))
	}
	for i := len(t.Point) - 1; i >= 0; i-- {
		parts = append(parts, "point "+t.Point[i])
	}
	if t.Heading {
		parts = append(parts, "the heading")
	}
	parts = append(parts, t.clauseName())
	return strings.Join(parts, " of ")
}

// clauseName names the clause a target points to.
func (t Target) clauseName() string {
	if t.TableName != "" {
		in := t
		in.TableName, in.Row, in.Table = "", "", false
		name := "the table « " + t.TableName + " »"
		if t.Row != "" {
			name = "row " + t.rowName() + " of " + name
		}
		if in.Kind == clause.KindAnnex {
			name += " of " + in.clauseName()
		}
		return name
	}
	switch {
	case t.Everywhere:
		return "the text"
	case t.Row != "" && t.Number != "":
		return "row " + t.rowName() + " of annexe " + t.Number
	case t.Row != "":
		return "row " + t.rowName()
	case t.Kind == clause.KindPreamble:
		return "the préambule"
	case t.Kind == clause.KindArticle && t.Through != "":
		return "articles " + t.Number + " à " + t.Through
	case t.Kind == clause.KindArticle && t.InAnnex && t.AnnexName != "":
		return "article " + t.Number + " of the annexed " + t.AnnexName
	case t.Kind == clause.KindArticle && t.InAnnex:
		return "article " + t.Number + " of " + Target{Kind: clause.KindAnnex, Number: t.Annex}.clauseName()
	case t.Kind == clause.KindArticle:
		return "article " + t.Number
	case t.Kind == clause.KindAnnex && t.Number == "":
		return "the annexe"
	case t.Kind == clause.KindAnnex:
		return "annexe " + t.Number
	case t.Kind == clause.KindTitle, t.Kind == clause.KindChapter, t.Kind == clause.KindSection:
		name := divisionName(t.Kind) + " " + t.Number
		for k := len(t.Within) - 1; k >= 0; k-- {
			name += " du " + divisionName(t.Within[k].Kind) + " " + t.Within[k].Number
		}
		return name
	}
	return "no clause named"
}

// rowName names the row a target names: its code, or its label quoted.
func (t Target) rowName() string {
	if t.Labelled {
		return "« " + t.Row + " »"
	}
	return t.Row
}

// divisionName is how French names a division of kind k.
func divisionName(k clause.Kind) string {
	switch k {
	case clause.KindTitle:
		return "titre"
	case clause.KindChapter:
		return "chapitre"
	}
	return "section"
}

// named reports whether the target names a clause.
func (t Target) named() bool { return t.Kind != "" || t.Row != "" || t.Everywhere || t.TableName != "" }
