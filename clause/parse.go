package clause

import "strings"

// Parse splits normalised text (UTF-8, NFC, "\n" line ends: see package
// reader) into a Document. It never fails: text with no recognisable
// structure becomes paragraphs.
//
// STUB: replaced by the segmenter.
func Parse(text string) *Document {
	d := &Document{}
	for _, p := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		d.Clauses = append(d.Clauses, Clause{ID: "p" + string(rune('a'+len(d.Clauses)%26)), Kind: KindParagraph, Text: strings.TrimSpace(p), Parent: -1})
	}
	return d
}
