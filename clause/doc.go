// Package clause turns the text of a negotiated convention into an ordered
// tree of clauses and compares two such trees clause by clause.
//
// The package is pure: values in, values out, no I/O. Reading and decoding
// files lives in package reader; persistence in package store.
//
// # Splitting
//
// Parse reads normalised text line by line. A line that opens a structural
// unit ("TITRE II", "Chapitre Ier", "Section 1", "Article 28.1", "Art. 12",
// "Annexe IV", markdown headings "#"…) starts a new clause; the lines that
// follow, up to the next such line, are its body. In a document with
// articles, numbered points ("I.", "1°", "a)") stay in the text of their
// article: the article is the unit negotiators cite and amendments replace.
// In a document without articles (press releases, slides), numbered points
// ("1 Revaloriser…") become items and other blocks paragraphs under the
// markdown headings. Every row of a tariff table becomes an item keyed by
// its act code, so that tariffs can be compared row by row. Nothing is
// dropped: every word of the input lands in exactly one clause, in order.
//
// # Statuses
//
// A heading may state, in parentheses after its number, where the clause
// stands in a procedure: "Article 1er bis (nouveau)", "Article 2
// (supprimé)", "Articles 3 et 4 (Conformes)". The status is read apart
// (Clause.Status, in canonical form; see readStatus for the forms), as is
// a status printed alone on the line under the heading; it is
// neither part of the number nor of the title, so that it can come and go
// without renumbering or retitling the clause. A heading for several
// articles ("Articles 3 et 4", "Articles 5 à 7") gives one clause per
// article. An article printed with a removal status and no text has lost
// its text; one printed "(conforme)" or "(non modifié)" without text
// keeps the text it had; one printed "(précédemment article N)" is paired
// with the old article N. Articles quoted by an amending article stay in
// its text: a line opening with a quote is never a heading, and an
// article announced by a line ending in ":" and spelt unlike the
// document's own articles ("Art. 24. - …" among "Article 3" headings) is
// the quotation of a code's article.
//
// # Comparing
//
// Align pairs the clauses of two documents, pass by pass, each working on
// what the previous ones left: a user's concordance; identical text
// wherever it stands; tariff rows by act code; the same number or similar
// text, best first, with candidates found by MinHash over word shingles
// and LSH banding, so that no all-pairs comparison of full texts is made
// (a different number needs a close match: below it a number that vanished
// is a removal, as a lawyer reads it); containers by where their children
// went; short clauses next to where their neighbours went, by the share of
// text a word diff keeps; the same number whatever the text ("l'article 4
// est remplacé par…"); splits and merges; then additions and removals.
//
// A change is cosmetic when the two texts differ only by how the same words
// are typed: white space, quote and dash styles and their spacing, accents
// on capitals, the spellings of the 1990 reform, dots inside code
// references, "n°" and its variants, number formats, subdivisions printed
// only as removed. A lower-case accent, a digit, a word or punctuation is
// a modification. The rules and their reasons are listed in cosmetic.go
// (Canonical).
//
// Compare classifies every pair (unchanged, cosmetic, modified, added,
// removed, split, merged, plus the renumbered flag and the moved flag,
// which marks the pairs outside a longest increasing subsequence of the
// old positions read in new order), computes a word-level diff with
// go-diff over French-aware tokens, and extracts the typed facts (amounts,
// percentages, dates, durations, act codes, modal verbs, negations,
// cross-references) that changed, anchored on the facts the word diff
// keeps in place. A reference left unchanged is still checked: if the
// article it names was renumbered or removed, it is reported as broken.
package clause
