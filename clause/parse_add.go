package clause

import (
	"strconv"

	"github.com/avenant-dev/avenant/internal/frtext"
)

// child starts a clause under parent.
func (p *parser) child(parent int, kind Kind) Clause {
	c := Clause{Kind: kind, Parent: parent}
	if parent >= 0 {
		pc := &p.clauses[parent]
		c.Depth = pc.Depth + 1
		c.Path = pc.Path[:len(pc.Path):len(pc.Path)]
	} else {
		c.Path = []string{}
	}
	return c
}

func (p *parser) parentID(parent int, fallback string) string {
	if parent >= 0 {
		return p.clauses[parent].ID
	}
	return fallback
}

func (p *parser) addParagraph(parent, s, e int) {
	c := p.child(parent, KindParagraph)
	c.Text = p.textOf(s, e)
	p.add(c, frtext.SlugMax(c.Text, maxSlug), "para")
}

// add appends c under the id base, made unique; fallback when base is
// empty (a text with no letter or digit).
func (p *parser) add(c Clause, base, fallback string) {
	if base == "" {
		base = fallback
	}
	c.ID = p.uniq(base)
	p.push(c)
}

func (p *parser) addItem(parent, s, e int, num string) {
	c := p.child(parent, KindItem)
	c.Text = p.textOf(s, e)
	c.Number = num
	c.Key = NumberKey(KindItem, num)
	var base string
	if c.Key != "" {
		base = slugJoin(p.parentID(parent, "item"), keyNumber(c.Key))
	} else {
		base = frtext.SlugMax(c.Text, maxSlug)
	}
	p.add(c, base, "item")
}

// addRow makes the lines [i, e) a row under parent; its id is made from
// the clause that holds the table (owner), which a header row in between
// does not change.
func (p *parser) addRow(parent, owner, i, e int, code, text string) {
	c := p.child(parent, KindItem)
	c.Text = text
	c.Number = code
	var base string
	if code != "" {
		if p.tariffs == nil {
			p.tariffs = make(map[string]int)
		}
		n := p.tariffs[code] + 1
		p.tariffs[code] = n
		c.Key = "tariff:" + code
		if n > 1 {
			c.Key += "#" + strconv.Itoa(n)
		}
		base = slugJoin(p.parentID(owner, "tarif"), code)
	} else {
		base = frtext.SlugMax(c.Text, maxSlug)
	}
	p.add(c, base, "item")
}
