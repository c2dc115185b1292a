// Package swar holds the word-at-a-time tricks that let a scan over a
// text look at eight bytes per step instead of one ("SIMD within a
// register"): the scans that run over every byte of both texts of a diff
// (printable ASCII, the gaps of a row in columns, a case-blind search).
package swar

import (
	"math/bits"
	"unicode/utf8"
)

// Ones has every byte 0x01: c*Ones repeats the byte c eight times.
const Ones = 0x0101010101010101

// Load reads the eight bytes of s from i, the first as the lowest. It
// slices them first so that their bounds are checked once, not eight
// times.
func Load(s string, i int) uint64 {
	w := s[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// ZeroBytes sets the top bit of each byte of x that is zero, and no other
// bit: adding 0x7F to a byte's low seven bits carries into its top bit
// unless they are all zero, and never into the next byte. x^(c*Ones)
// flags so the bytes of x equal to c.
func ZeroBytes(x uint64) uint64 {
	const lows = 0x7f7f7f7f7f7f7f7f
	return ^((x&lows + lows) | x | lows)
}

// RuneCount is utf8.RuneCountInString(s), which reads one byte at a
// time: eight bytes of ASCII at once, most of a French text, then each
// rune beyond ASCII as utf8 decodes it (an invalid byte is one rune).
func RuneCount(s string) int {
	const high = 0x80 * Ones
	n := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			w := Load(s, i) & high
			if w == 0 {
				n, i = n+8, i+8
				continue
			}
			ascii := bits.TrailingZeros64(w) / 8
			n, i = n+ascii, i+ascii
		} else if s[i] < utf8.RuneSelf {
			n, i = n+1, i+1
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		n, i = n+1, i+size
	}
	return n
}
