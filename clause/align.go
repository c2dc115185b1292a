package clause

// AlignOptions tune Align.
type AlignOptions struct {
	// Concordance pairs, set by the user, override the aligner: each pair
	// names an old and a new clause by number or id.
	Concordance []Concord
}

// Concord is one line "old = new" of a concordance file. Old or New may
// list several clauses (a split or merge); an empty side means the clause
// was removed or added.
type Concord struct {
	Old []string
	New []string
}

// Align pairs the clauses of old and new. Every clause index of both
// documents appears in exactly one Match; matches are returned ordered by
// their position in the new document (removals by their old position,
// placed after the new clause that precedes them).
//
// STUB: replaced by the aligner.
func Align(old, new *Document, opts AlignOptions) []Match {
	var ms []Match
	used := map[int]bool{}
	byKey := map[string]int{}
	for i, c := range old.Clauses {
		if c.Key != "" {
			byKey[c.Key] = i
		}
	}
	for j, c := range new.Clauses {
		if i, ok := byKey[c.Key]; ok && c.Key != "" && !used[i] {
			used[i] = true
			ms = append(ms, Match{Old: []int{i}, New: []int{j}, Similarity: 1})
			continue
		}
		ms = append(ms, Match{New: []int{j}})
	}
	for i := range old.Clauses {
		if !used[i] {
			ms = append(ms, Match{Old: []int{i}})
		}
	}
	return ms
}

// ParseConcordance STUB
func ParseConcordance(r interface{ Read([]byte) (int, error) }) ([]Concord, error) { return nil, nil }
