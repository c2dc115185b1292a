package swar

import (
	"math/bits"
	"testing"
	"unicode/utf8"
)

// ZeroBytes flags exactly the zero bytes, whatever their neighbours: a
// borrow or a carry from one byte into the next would flag a byte that is
// not zero, or miss one that is.
func TestZeroBytes(t *testing.T) {
	for _, s := range []string{
		"\x00\x00\x00\x00\x00\x00\x00\x00", "\x01\x00\x80\x00\xff\x00\x7f\x00",
		"abcdefgh", "\x00bcdefg\x00", "\xff\xff\xff\xff\xff\xff\xff\xff", "\x80\x00\x80\x00\x01\x00\x01\x00",
	} {
		got := ZeroBytes(Load(s, 0))
		for i := range 8 {
			flagged := got>>(8*i)&0xff == 0x80
			if other := got >> (8 * i) & 0x7f; other != 0 {
				t.Errorf("%q: byte %d has bits %#x besides the top one", s, i, other)
			}
			if flagged != (s[i] == 0) {
				t.Errorf("%q: byte %d (%#x) flagged %v", s, i, s[i], flagged)
			}
		}
		if n := bits.OnesCount64(got); n != countZeros(s) {
			t.Errorf("%q: %d bytes flagged, %d zero", s, n, countZeros(s))
		}
	}
}

func countZeros(s string) int {
	n := 0
	for i := range len(s) {
		if s[i] == 0 {
			n++
		}
	}
	return n
}

// Load puts the first byte lowest, as a scan reading the flags from the
// lowest up finds the first match first.
func TestLoad(t *testing.T) {
	if got := Load("xx\x01\x02\x03\x04\x05\x06\x07\x08", 2); got != 0x0807060504030201 {
		t.Errorf("Load = %#x", got)
	}
}

// RuneCount counts as utf8.RuneCountInString does, on ASCII, accented
// text, runes cut anywhere and stray bytes, at every offset of the
// eight-byte steps.
func TestRuneCount(t *testing.T) {
	texts := []string{"", "a", "abcdefgh", "abcdefghi", "Le médecin doit être informé à l'échéance.",
		"€€€€€€€€", "\xff\xfe abc \xc3", "é\xe2\x82 trente\x80 jours 𝔸", "ab\xc3\xa9cdefgh\xe2\x82\xacxyz"}
	for _, text := range texts {
		for i := range len(text) + 1 {
			for j := i; j <= len(text); j++ {
				s := text[i:j]
				if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
					t.Fatalf("RuneCount(%q) = %d, want %d", s, got, want)
				}
			}
		}
	}
}

func FuzzRuneCount(f *testing.F) {
	f.Add("Le tarif est de 26,50 € à compter du 1er novembre.")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	})
}
