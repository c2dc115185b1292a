package amend

import (
	"strconv"
	"strings"

	"github.com/avenant-dev/avenant/clause"
	"github.com/avenant-dev/avenant/internal/frtext"
)

// ordinalPattern matches a rank as drafting writes it: an ordinal, or a
// number and its degree sign ("au 2° alinéa"); readRank reads it.
const ordinalPattern = `(?:` + frtext.OrdinalPattern + `|\d+\s*°)`

// readRank reads the rank of the unit ("alinéa", "phrase") an instruction
// names by ordinal, or by number ("alinéa 3"). A rank it cannot read is an
// error: read as none, it would widen the instruction to the whole clause.
func readRank(s, unit string) (int, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(s, "°"))); err == nil && n > 0 {
		return n, nil
	}
	if n, ok := frtext.Ordinal(s); ok {
		return n, nil
	}
	return 0, errf("names the « %s » %s, which is no rank: write the rank in figures (« 11e %s »)", s, unit, unit)
}

// readRanks reads the alinéa and the sentence s names by rank, if any,
// the alinéas it names at once, and its points.
func (t *Target) readRanks(s string) (err error) {
	if m := locAlinea.FindStringSubmatch(s); m != nil {
		if t.Alinea, err = readRank(m[1]+m[2], "alinéa"); err != nil {
			return err
		}
	}
	if m := locPhrase.FindStringSubmatch(s); m != nil {
		if t.Phrase, err = readRank(m[1], "phrase"); err != nil {
			return err
		}
	}
	if t.Alineas, err = ranksNamed(s, alineaUnit); err != nil {
		return err
	} else if t.Alineas != nil {
		t.Alinea = 0
	}
	if t.Phrases, err = ranksNamed(s, phraseUnit); err != nil {
		return err
	} else if t.Phrases != nil {
		t.Phrase = 0
	}
	t.Point = pointsNamed(s)
	return t.readPoints(s)
}

// ordinalName is how a message names a rank.
func ordinalName(n int) string {
	switch n {
	case -1:
		return "last"
	case -2:
		return "last but one"
	}
	if n < 0 {
		return clause.EnglishOrdinal(-n) + " from the end"
	}
	return clause.EnglishOrdinal(n)
}
