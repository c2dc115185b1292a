package clause

// HasGap reports whether s holds a tab or two spaces in a row, the gap
// that parts the cells of a row in columns (see cellEnd). It is asked of
// every line of prose, most of which has none: it reads eight bytes at a
// time where strings.Contains(s, "  ") stopped at every space. With v
// holding them, zeroBytes(v^0x20…) flags the spaces, whose flags shifted
// one byte down meet the next byte's, and the last byte's are carried into
// the next eight.
func HasGap(s string) bool {
	const ones = 0x0101010101010101
	var carry uint64 // the flag of the last byte read, moved to the first
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		spaces := zeroBytes(v ^ ' '*ones)
		if zeroBytes(v^'\t'*ones) != 0 || spaces&(spaces>>8|carry) != 0 {
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

// zeroBytes sets the top bit of each byte of x that is zero, and no other
// bit: adding 0x7F to a byte's low seven bits carries into its top bit
// unless they are all zero, and never into the next byte.
func zeroBytes(x uint64) uint64 {
	const lows = 0x7f7f7f7f7f7f7f7f
	return ^((x&lows + lows) | x | lows)
}
