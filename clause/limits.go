package clause

import (
	"errors"
	"fmt"
	"strings"
)

// MaxClauses is the most clauses ParseBounded lets a text split into. A
// clause costs a few hundred bytes however short its text, in the parse
// and again in the alignment, so a text made of nothing but tiny clauses
// (600,000 one-line tariff rows, a range heading "Articles 1 à 100"
// repeated, each making a hundred articles) costs gigabytes from a few
// megabytes. The largest real texts (a whole code, the CCAM's ten thousand
// acts) make tens of thousands.
const MaxClauses = 200_000

// MaxLines is the most lines ParseBounded reads. Each line costs the
// parser a record of about forty bytes, however short it is, before any
// clause is made: sixteen megabytes of one-letter lines (eight million)
// took 350 MB to read as one paragraph. Real texts, a whole code included,
// are a few hundred thousand lines at most.
const MaxLines = 1_000_000

// ErrTooManyLines is ParseBounded's refusal of a text of more than
// MaxLines lines, before the parse spends anything on it.
var ErrTooManyLines = errors.New("has too many lines")

// ErrTooManyClauses is ParseBounded's refusal of a text that splits into
// more than MaxClauses clauses.
var ErrTooManyClauses = errors.New("splits into too many clauses")

// ParseBounded is Parse for a text from outside: it refuses a text of
// more than MaxLines lines, and stops at the first clause past MaxClauses,
// so that memory stays bounded, and refuses the text.
func ParseBounded(text string) (*Document, error) {
	if n := lineCount(text); n > MaxLines {
		return nil, fmt.Errorf("%w: %d, more than %d, the most one text may have", ErrTooManyLines, n, MaxLines)
	}
	return parse(text, MaxClauses)
}

// lineCount is how many lines text has: a final newline ends the last
// line, it starts none.
func lineCount(text string) int {
	n := strings.Count(text, "\n")
	if !strings.HasSuffix(text, "\n") {
		n++
	}
	return n
}

// push appends c, and ends the build once the clauses pass the limit.
func (p *parser) push(c Clause) {
	p.clauses = append(p.clauses, c)
	if p.limit > 0 && len(p.clauses) > p.limit {
		p.over = true
	}
}

// tooManyHeads ends the scan of a text with more than twice the limit in
// heading lines: fewer than half of them could be false headings, and
// their records cost more than the clauses would.
func (p *parser) tooManyHeads() bool {
	p.over = p.over || p.limit > 0 && len(p.heads) > 2*p.limit
	return p.over
}
