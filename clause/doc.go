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
// # Comparing
//
// Align pairs the clauses of two documents: identical text first wherever
// it stands, then the same number with similar text, then text similarity
// (MinHash over word shingles, looked up through an inverted index so that
// no all-pairs comparison of full texts is needed), then splits and merges.
// Compare classifies every pair (unchanged, cosmetic, modified, added,
// removed, split, merged, plus the renumbered and moved flags), computes a
// word-level diff with go-diff over French-aware tokens, and extracts typed
// facts (amounts, percentages, dates, durations, act codes, modal verbs,
// negations, cross-references) that changed.
package clause
