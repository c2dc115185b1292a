package clause

import (
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// uniq makes id unique in the document by suffixing "-2", "-3"…
func (p *parser) uniq(id string) string {
	n, taken := p.ids[id]
	if !taken {
		p.ids[id] = 1
		return id
	}
	for n++; ; n++ {
		cand := id + "-" + strconv.Itoa(n)
		if _, taken := p.ids[cand]; !taken {
			p.ids[id] = n
			p.ids[cand] = 1
			return cand
		}
	}
}

// maxNumberID bounds an id made from a number: a store names a clause's
// file by its id, at most 100 bytes, and an absurdly long number
// ("Article 1111…", a hundred digits) made an id no import could write.
// Room is left for the suffixes that keep ids unique ("-2", "-200000").
const maxNumberID = 80

// slugJoin makes "art-28-1" from "art" and "28.1", at most maxNumberID
// bytes long.
func slugJoin(prefix, s string) string {
	id := numberSlug(prefix, s)
	if len(id) > maxNumberID {
		id = strings.TrimRight(id[:maxNumberID], "-")
	}
	return id
}

func numberSlug(prefix, s string) string {
	if isDottedSlug(s) {
		// The slug of a normalised number is the number with hyphens
		// for dots: written at once, without SlugMax's copy.
		var b strings.Builder
		b.Grow(len(prefix) + 1 + len(s))
		b.WriteString(prefix)
		b.WriteByte('-')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '.' {
				b.WriteByte('-')
			} else {
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	t := frtext.SlugMax(s, 3*maxSlug)
	if t == "" {
		return prefix
	}
	return prefix + "-" + t
}

// isDottedSlug reports runs of lower-case ASCII letters and digits parted
// by single dots, short enough for SlugMax not to cut them.
func isDottedSlug(s string) bool {
	if s == "" || len(s) > 3*maxSlug || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '.' && s[i-1] != '.':
		default:
			return false
		}
	}
	return true
}
