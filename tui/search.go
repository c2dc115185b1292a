package tui

import (
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// folded is a text in the form searches compare (frtext.Fold: case,
// accents and typography aside), with, for each byte of the folded form,
// the byte of the original it came from, so that a match found in the
// folded form can be highlighted in the text as written.
type folded struct {
	text string
	from []int
}

// foldWithOffsets folds s rune by rune as frtext.Fold does the whole.
func foldWithOffsets(s string) folded {
	var b strings.Builder
	var from []int
	space := false
	for i, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			from = append(from, i)
		}
		space = false
		f := frtext.Fold(string(r))
		b.WriteString(f)
		for range len(f) {
			from = append(from, i)
		}
	}
	return folded{text: b.String(), from: from}
}

// find returns the byte range, in the original text, of the first match of
// query (already folded), or ok false.
func (f folded) find(query string, original string) (start, end int, ok bool) {
	if query == "" {
		return 0, 0, false
	}
	k := strings.Index(f.text, query)
	if k < 0 {
		return 0, 0, false
	}
	start = f.from[k]
	last := f.from[k+len(query)-1]
	// The match ends after the whole rune its last folded byte came from.
	end = last + len(string([]rune(original[last:])[0]))
	return start, end, true
}

// highlight draws text in style base, its first match of query (folded)
// in base and the match style.
func highlight(text, query string, base lipgloss.Style, st styles) string {
	start, end, ok := foldWithOffsets(text).find(query, text)
	if !ok {
		return base.Render(text)
	}
	match := base.Inherit(st.Match)
	if st.Plain {
		return base.Render(text[:start]) + match.Render("«"+text[start:end]+"»") + base.Render(text[end:])
	}
	return base.Render(text[:start]) + match.Render(text[start:end]) + base.Render(text[end:])
}
