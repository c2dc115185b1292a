package reader

import (
	"errors"
	"fmt"
)

// A file is bounded twice: in bytes read (Options.MaxSize) and in the text
// it renders to. The second bound is what stops amplification: a 5 KB
// Word document whose one footnote is called 20,000 times, a numbering
// level whose text repeats "%1" 100,000 times, a PDF page whose content
// stream inflates to millions of text operators all render to gigabytes
// from a few kilobytes. Readers spend from a budget as they produce text
// and stop at the first byte over it, so memory stays within the budget.
//
// The budget is 16 MiB of text by default (defaultMaxText): conventions
// with their annexes are a few megabytes of text, and processing 16 MiB
// (splitting, facts, storing) takes seconds, where 60 MB on one line took
// minutes and gigabytes. A --max-size given explicitly allows four times
// its value, the room a compressed format needs.

// defaultMaxText is the most text a file may render to when
// Options.MaxSize is zero.
const defaultMaxText = 16 << 20

// errOverBudget stops a reader when the text budget is spent; the reader
// then returns budget.err.
var errOverBudget = errors.New("text budget spent")

// textLimit returns the most text, in bytes, a file may render to.
func (o Options) textLimit() int64 {
	if o.MaxSize <= 0 {
		return defaultMaxText
	}
	return 4 * o.MaxSize
}

// budget counts the text a reader produced against its limit.
type budget struct {
	limit, spent int64
}

func newBudget(opts Options) *budget { return &budget{limit: opts.textLimit()} }

// spend records n more bytes of text and reports whether the budget still
// holds.
func (b *budget) spend(n int) bool {
	b.spent += int64(n)
	return b.spent <= b.limit
}

// over reports whether the text produced went past the limit.
func (b *budget) over() bool { return b.spent > b.limit }

// err is the one-line refusal, with what made the text grow when known.
func (b *budget) err(cause string) error {
	detail := fmt.Sprintf("renders to more than %s of text, over the limit (16 MiB, or 4 × --max-size when given)", humanLimit(b.limit))
	if cause != "" {
		detail += ": " + cause
	}
	return &Error{Err: ErrTooLarge, Detail: detail}
}
