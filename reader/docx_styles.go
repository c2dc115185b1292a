package reader

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

type docxStyle struct {
	basedOn string
	name    string
	heading int // 1–9 from the name or id, 0 when none
	outline int // w:outlineLvl + 1, 0 when none
	toc     bool
	numID   string
	ilvl    int
}

func parseStyles(b []byte) (map[string]*docxStyle, error) {
	styles := map[string]*docxStyle{}
	d := xml.NewDecoder(bytes.NewReader(b))
	var cur *docxStyle
	var id string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id = attr(t, "styleId")
				cur = &docxStyle{}
				styles[id] = cur
			case "name":
				if cur != nil {
					cur.name = attr(t, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
						cur.outline = n + 1
					}
				}
			case "numId":
				if cur != nil {
					cur.numID = attr(t, "val")
				}
			case "ilvl":
				if cur != nil {
					cur.ilvl, _ = strconv.Atoi(attr(t, "val"))
				}
			case "rPr", "tblPr", "tcPr", "trPr", "tblStylePr":
				if err := d.Skip(); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && cur != nil {
				cur.heading, cur.toc = styleLevel(id, cur.name)
				cur = nil
			}
		}
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
		if outline == 0 {
			outline = s.outline
		}
		if !haveNum && s.numID != "" {
			numID, ilvl, haveNum = s.numID, s.ilvl, true
		}
		id = s.basedOn
	}
	if heading == 0 {
		heading = outline
	}
	return heading, toc, numID, ilvl
}
