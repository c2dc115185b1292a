package clause

// WordDiff compares two texts word by word, keeping French amounts,
// ordinals, code references and dates whole, and returns hunks whose
// concatenated equal+delete texts give old and equal+insert texts give new.
//
// STUB: replaced by the word differ.
func WordDiff(old, new string) []Hunk {
	if old == new {
		return []Hunk{{OpEqual, old}}
	}
	return []Hunk{{OpDelete, old}, {OpInsert, new}}
}

// Canonical folds the differences that Compare calls cosmetic: runs of
// whitespace and line breaks, typographic quotes and apostrophes, dashes,
// non-breaking spaces. Two texts are cosmetically equal when their
// canonical forms are equal.
//
// STUB: replaced by the word differ.
func Canonical(s string) string { return s }

// CanonicalHeading is Canonical for headings, where case is cosmetic too.
//
// STUB: replaced by the word differ.
func CanonicalHeading(s string) string { return Canonical(s) }
