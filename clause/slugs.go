package clause

import (
	"strconv"

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

// slugJoin makes "art-28-1" from "art" and "28.1".
func slugJoin(prefix, s string) string {
	t := frtext.SlugMax(s, 3*maxSlug)
	if t == "" {
		return prefix
	}
	return prefix + "-" + t
}
