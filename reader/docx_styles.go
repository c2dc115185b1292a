package reader

import (
	"encoding/xml"
	"strings"
)

type docxStyle struct {
	basedOn string
	name    string
	heading int // 1–9 from the name or id, 0 when none
	toc     bool
	// props are the style's paragraph properties (outline level,
	// numbering), read like a paragraph's own.
	props paraProps
}

func parseStyles(b []byte) (map[string]*docxStyle, error) {
	styles := map[string]*docxStyle{}
	var cur *docxStyle
	var id string
	start := func(d *xml.Decoder, t xml.StartElement) error {
		switch t.Name.Local {
		case "style":
			id = attr(t, "styleId")
			cur = &docxStyle{}
			styles[id] = cur
			return nil
		case "rPr", "tblPr", "tcPr", "trPr", "tblStylePr":
			return d.Skip()
		}
		if cur == nil {
			return nil
		}
		switch t.Name.Local {
		case "pPr":
			return readPPr(d, &cur.props)
		case "name":
			cur.name = attr(t, "val")
		case "basedOn":
			cur.basedOn = attr(t, "val")
		}
		return nil
	}
	end := func(t xml.EndElement) {
		if t.Name.Local == "style" && cur != nil {
			cur.heading, cur.toc = styleLevel(id, cur.name)
			cur = nil
		}
	}
	if err := walkPart(b, start, end); err != nil {
		return nil, err
	}
	return styles, nil
}

// styleLevel recognises heading and table-of-contents styles by id or name,
// in English and French Word: "Heading1" / "heading 1", "Titre1" /
// "titre 1", "Title" / "Titre"; "TOC1" / "toc 1", "TM1" / "TM 1".
func styleLevel(id, name string) (heading int, toc bool) {
	for _, s := range []string{id, name} {
		k := strings.ToLower(strings.ReplaceAll(s, " ", ""))
		switch k {
		case "title", "titre":
			return 1, false
		}
		for _, p := range []string{"heading", "titre", "toc", "tm"} {
			if rest, ok := strings.CutPrefix(k, p); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
				if p == "toc" || p == "tm" {
					return 0, true
				}
				return int(rest[0] - '0'), false
			}
		}
	}
	return 0, false
}

// resolve follows basedOn to find a style's heading level, outline level
// and numbering, the nearest definition winning.
func (w *docxWalker) resolve(id string) (heading int, toc bool, numID string, ilvl int) {
	outline := 0
	haveNum := false
	for depth := 0; id != "" && depth < 16; depth++ {
		s := w.styles[id]
		if s == nil {
			if depth == 0 {
				heading, toc = styleLevel(id, "")
			}
			break
		}
		if heading == 0 && !toc {
			heading, toc = s.heading, s.toc
		}
		if p := s.props; outline == 0 && p.hasOutlin && p.outline >= 1 && p.outline <= 9 {
			outline = p.outline
		}
		if p := s.props; !haveNum && p.numID != "" {
			numID, ilvl, haveNum = p.numID, p.ilvl, true
		}
		id = s.basedOn
	}
	if heading == 0 {
		heading = outline
	}
	return heading, toc, numID, ilvl
}
