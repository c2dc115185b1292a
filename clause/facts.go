package clause

// RefIndex tells CompareFacts how article numbers moved between the two
// versions, so that cross-references can be checked.
type RefIndex struct {
	// OldToNew maps the NumberKey of each old article to the printed
	// number of the clause it became in the new version, or "" when it
	// was removed.
	OldToNew map[string]string
	// NewKeys holds the NumberKey of every numbered clause of the new
	// version.
	NewKeys map[string]bool
}

// CompareFacts returns the typed facts that differ between the old and new
// text of one clause. subject is the act code that the clause prices when
// it is known from the structure (a tariff row keyed by its code), else "".
// refs may be nil.
//
// STUB: replaced by the fact extractor.
func CompareFacts(oldText, newText, subject string, refs *RefIndex) []Fact { return nil }
