package clause

import "sort"

// claimedSpans are the byte spans of a text that facts already claim, kept
// sorted; claimed spans never overlap, so their ends are sorted too and
// whether a span is free is one binary search, not a pass over every fact
// so far (a long text with thousands of amounts made that quadratic).
type claimedSpans [][2]int

// claim records span [a, b) and reports true when no claimed span
// overlaps it; else it leaves the spans as they are and reports false.
func (c *claimedSpans) claim(a, b int) bool {
	s := *c
	i := sort.Search(len(s), func(i int) bool { return s[i][1] > a })
	if i < len(s) && s[i][0] < b {
		return false
	}
	s = append(s, [2]int{})
	copy(s[i+1:], s[i:])
	s[i] = [2]int{a, b}
	*c = s
	return true
}
