package clause

import "github.com/avenant-dev/avenant/internal/swar"

// HasGap reports whether s holds a tab or two spaces in a row, the gap
// that parts the cells of a row in columns (see cellEnd). It is asked of
// every line of prose, most of which has none: it reads eight bytes at a
// time where strings.Contains(s, "  ") stopped at every space. With v
// holding them, swar.ZeroBytes(v^0x20…) flags the spaces, whose flags shifted
// one byte down meet the next byte's, and the last byte's are carried into
// the next eight.
func HasGap(s string) bool {
	var carry uint64 // the flag of the last byte read, moved to the first
	i := 0
	for ; i+8 <= len(s); i += 8 {
		v := swar.Load(s, i)
		spaces := swar.ZeroBytes(v ^ ' '*swar.Ones)
		if swar.ZeroBytes(v^'\t'*swar.Ones) != 0 || spaces&(spaces>>8|carry) != 0 {
			return true
		}
		carry = spaces >> 56
	}
	for ; i < len(s); i++ {
		if s[i] == '\t' || s[i] == ' ' && i > 0 && s[i-1] == ' ' {
			return true
		}
	}
	return false
}

// hasGap is HasGap of line i, trimmed, searched once: the tests of a
// header above a row, of the row and of the rows beside it ask it of the
// same lines, every line of prose among them.
func (p *parser) hasGap(i int) bool {
	ln := &p.lines[i]
	if ln.flags&fGapRead == 0 {
		ln.flags |= fGapRead
		if HasGap(p.text[ln.ts:ln.te]) {
			ln.flags |= fGap
		}
	}
	return ln.flags&fGap != 0
}
