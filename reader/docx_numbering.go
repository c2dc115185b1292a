package reader

import (
	"encoding/xml"
	"strconv"
	"strings"
)

type numLevel struct {
	start   int
	format  string
	text    string
	restart int // w:lvlRestart: -1 when absent (restart after any higher level)
	legal   bool
}

type abstractNum struct {
	levels [9]numLevel
	count  [9]int
	set    [9]bool
}

type numInstance struct {
	abstract string
	starts   map[int]int
	used     bool
}

type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*numInstance
}

func parseNumbering(b []byte) (*numbering, error) {
	n := &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*numInstance{}}
	var abs *abstractNum
	var inst *numInstance
	var lvl *numLevel
	override := -1
	start := func(d *xml.Decoder, t xml.StartElement) error {
		switch t.Name.Local {
		case "abstractNum":
			abs = &abstractNum{}
			for i := range abs.levels {
				abs.levels[i] = numLevel{start: 1, format: "decimal", restart: -1}
			}
			n.abstracts[attr(t, "abstractNumId")] = abs
		case "num":
			inst = &numInstance{starts: map[int]int{}}
			n.nums[attr(t, "numId")] = inst
		case "abstractNumId":
			if inst != nil {
				inst.abstract = attr(t, "val")
			}
		case "lvlOverride":
			override, _ = strconv.Atoi(attr(t, "ilvl"))
		case "startOverride":
			if inst != nil && override >= 0 && override < 9 {
				if v, err := strconv.Atoi(attr(t, "val")); err == nil {
					inst.starts[override] = v
				}
			}
		case "lvl":
			i, err := strconv.Atoi(attr(t, "ilvl"))
			if abs == nil || inst != nil || err != nil || i < 0 || i >= 9 {
				// A full level redefinition inside a lvlOverride is
				// rare; its start value is what matters and
				// startOverride carries it.
				return d.Skip()
			}
			lvl = &abs.levels[i]
		case "pPr", "rPr":
			return d.Skip()
		default:
			if lvl != nil {
				lvl.read(t)
			}
		}
		return nil
	}
	end := func(t xml.EndElement) {
		switch t.Name.Local {
		case "abstractNum":
			abs = nil
		case "num":
			inst = nil
		case "lvl":
			lvl = nil
		case "lvlOverride":
			override = -1
		}
	}
	if err := walkPart(b, start, end); err != nil {
		return nil, err
	}
	return n, nil
}

// read takes one property of a list level's definition.
func (l *numLevel) read(t xml.StartElement) {
	switch t.Name.Local {
	case "start":
		l.start, _ = strconv.Atoi(attr(t, "val"))
	case "lvlRestart":
		l.restart, _ = strconv.Atoi(attr(t, "val"))
	case "numFmt":
		l.format = attr(t, "val")
	case "lvlText":
		l.text = attr(t, "val")
	case "isLgl":
		l.legal = on(t)
	}
}

// next advances the counter of list numID at level ilvl and renders the
// label Word would show: "Article 3", "II.", "a)", "-" for a bullet.
// Counters live on the abstract list, as in Word, so that two list
// instances of one definition continue each other unless one overrides its
// start.
func (n *numbering) next(numID string, ilvl int) string {
	if n == nil {
		return ""
	}
	inst := n.nums[numID]
	if inst == nil {
		return "" // numId 0 removes the numbering a style would give
	}
	abs := n.abstracts[inst.abstract]
	if abs == nil {
		return ""
	}
	ilvl = max(0, min(ilvl, 8))
	if !inst.used {
		inst.used = true
		for l, v := range inst.starts {
			abs.count[l], abs.set[l] = v-1, true
		}
	}
	lv := abs.levels[ilvl]
	if !abs.set[ilvl] {
		abs.count[ilvl] = lv.start - 1
	}
	abs.count[ilvl]++
	abs.set[ilvl] = true
	for l := ilvl + 1; l < 9; l++ {
		// lvlRestart 0 means never restart; n restarts after level n-1
		// (one-based) or any higher one; absent means after any.
		if r := abs.levels[l].restart; r < 0 || (r > 0 && ilvl < r) {
			abs.set[l] = false
		}
	}
	switch lv.format {
	case "bullet":
		return "-"
	case "none":
		return strings.TrimSpace(stripPlaceholders(lv.text))
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			l := int(t[i+1] - '1')
			v := abs.count[l]
			if !abs.set[l] {
				v = abs.levels[l].start
			}
			f := abs.levels[l].format
			if lv.legal {
				f = "decimal"
			}
			b.WriteString(formatNumber(v, f))
			i++
			continue
		}
		b.WriteByte(t[i])
	}
	return strings.TrimSpace(b.String())
}

func stripPlaceholders(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '9' {
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// formatNumber renders a counter in a w:numFmt. French ordinals are
// "1er", "2e"; unknown formats fall back to decimal.
func formatNumber(v int, f string) string {
	switch f {
	case "upperRoman":
		return roman(v)
	case "lowerRoman":
		return strings.ToLower(roman(v))
	case "upperLetter":
		return letters(v)
	case "lowerLetter":
		return strings.ToLower(letters(v))
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "ordinal":
		if v == 1 {
			return "1er"
		}
		return strconv.Itoa(v) + "e"
	case "none":
		return ""
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	var b strings.Builder
	for _, p := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for v >= p.n {
			b.WriteString(p.s)
			v -= p.n
		}
	}
	return b.String()
}

// letters gives A…Z, then AA…ZZ, as Word does (the letter repeated).
func letters(v int) string {
	if v <= 0 || v > 780 {
		return strconv.Itoa(v)
	}
	return strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
}
