package render

import (
	"strconv"
	"strings"
)

// Count writes n and the English noun counted, in the plural unless n is
// 1: "1 span", "2 spans", "0 matches". The nouns are the reports' own,
// regular ones ("-s", "-es" after a hiss).
func Count(n int, noun string) string {
	if n != 1 {
		noun = pluralOf(noun)
	}
	return strconv.Itoa(n) + " " + noun
}

func pluralOf(noun string) string {
	for _, end := range []string{"s", "x", "z", "ch", "sh"} {
		if strings.HasSuffix(noun, end) {
			return noun + "es"
		}
	}
	return noun + "s"
}
