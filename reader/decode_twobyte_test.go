package reader

import "testing"

// plainRun decodes a rune of two bytes itself: every lead byte of two-byte
// UTF-8 and the overlong ones (C0–DF) before every byte, inside a text
// and at its end, decodes as the rule does.
func TestTwoByteRunesAsRule(t *testing.T) {
	for lead := 0xC0; lead <= 0xDF; lead++ {
		for next := 0; next <= 0xFF; next++ {
			pair := []byte{byte(lead), byte(next)}
			sameAsRule(t, "inside", append(append([]byte("Le m"), pair...), "decin\n"...))
			sameAsRule(t, "at the end", append([]byte("Le m"), pair...))
		}
		sameAsRule(t, "lead last", []byte{'L', 'e', ' ', byte(lead)})
	}
}
